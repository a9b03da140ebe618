// On first start creates the `admin` account, with RAWAN_ADMIN_PASSWORD or a generated password printed once.
import { randomUUID } from 'node:crypto';
import type { Store } from '../store/store.js';
import { generatePassword, hashPassword } from './password.js';

export async function ensureFirstAdmin(store: Store, configured: string | undefined, log: (msg: string) => void): Promise<void> {
  if ((await store.listUsers()).length > 0) return;
  const password = configured ?? generatePassword();
  const now = new Date().toISOString();
  await store.createUser({
    id: randomUUID(),
    username: 'admin',
    passwordHash: await hashPassword(password),
    role: 'admin',
    disabled: false,
    createdAt: now,
    updatedAt: now,
  });
  if (configured === undefined) {
    log(
      `Created the first account. Log in as "admin" with password: ${password}\n  (shown only this once; set RAWAN_ADMIN_PASSWORD before the first start to choose it).`,
    );
  } else {
    log('Created the first account "admin" with the password from RAWAN_ADMIN_PASSWORD.');
  }
}
