// Writes audit entries — who, what, when, from where — for logins, imports, point-level reads and every change.
import type { Context } from 'hono';
import type { Store } from '../store/store.js';
import type { Principal } from './roles.js';

export function clientAddress(c: Context): string | null {
  const fwd = c.req.header('x-forwarded-for');
  if (fwd) return fwd.split(',')[0].trim();
  const env: unknown = c.env;
  if (typeof env === 'object' && env !== null && 'incoming' in env) {
    const incoming = (env as { incoming: { socket?: { remoteAddress?: string } } }).incoming;
    return incoming.socket?.remoteAddress ?? null;
  }
  return null;
}

export async function audit(store: Store, c: Context, who: Principal | null, action: string, target: string | null, details?: unknown): Promise<void> {
  await store.appendAudit({
    at: new Date().toISOString(),
    username: who?.username ?? null,
    role: who?.role ?? null,
    action,
    target,
    details: details === undefined ? null : JSON.stringify(details),
    address: clientAddress(c),
  });
}
