// Session tokens: random 256-bit values given to the browser in an HttpOnly cookie; only their SHA-256 is stored.
import { createHash, randomBytes } from 'node:crypto';
import type { Store } from '../store/store.js';
import type { Principal } from './roles.js';

export const SESSION_COOKIE = 'rawan_session';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export async function startSession(store: Store, userId: string, hours: number, address: string | null): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + hours * 3_600_000);
  await store.createSession({ tokenHash: hashToken(token), userId, createdAt: now.toISOString(), expiresAt: expiresAt.toISOString(), revoked: false, address });
  return { token, expiresAt };
}

/** The principal a session token stands for, or null when it is unknown, expired, revoked or its user is disabled. */
export async function resolveSession(store: Store, token: string, now: Date = new Date()): Promise<Principal | null> {
  const tokenHash = hashToken(token);
  const s = await store.findSession(tokenHash);
  if (!s || s.revoked || s.expiresAt <= now.toISOString()) return null;
  const user = await store.findUser({ id: s.userId });
  if (!user || user.disabled) return null;
  return { userId: user.id, username: user.username, role: user.role, tokenHash };
}
