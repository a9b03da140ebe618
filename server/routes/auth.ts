// POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me: cookie sessions with per-account and per-address throttling.
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { audit, clientAddress } from '../auth/audit.js';
import { publicRoute } from '../auth/middleware.js';
import { verifyPassword } from '../auth/password.js';
import { SESSION_COOKIE, startSession } from '../auth/sessions.js';
import { createThrottle } from '../auth/throttle.js';
import { TooManyRequestsError, UnauthenticatedError } from '../errors.js';
import type { AppDeps, AppEnv } from './context.js';
import { validJson } from './validate.js';

const credentials = z.object({
  username: z.string().trim().min(1, 'is required').max(64),
  password: z.string().min(1, 'is required').max(256),
});

export function authRoutes({ store, config, throttle }: AppDeps) {
  const limits = throttle ?? { account: createThrottle(5, 15 * 60_000), address: createThrottle(20, 15 * 60_000) };
  return new Hono<AppEnv>()
    .post('/auth/login', publicRoute, validJson(credentials), async (c) => {
      const { username, password } = c.req.valid('json');
      const address = clientAddress(c) ?? 'unknown';
      const accountKey = username.toLowerCase();
      const wait = Math.max(limits.account.retryAfter(accountKey), limits.address.retryAfter(address));
      if (wait > 0) {
        await audit(store, c, null, 'login_throttled', username);
        c.header('Retry-After', String(wait));
        throw new TooManyRequestsError(`Too many failed logins. Try again in ${Math.ceil(wait / 60)} minute(s).`, wait);
      }
      const user = await store.findUser({ username });
      const ok = user !== null && !user.disabled && (await verifyPassword(password, user.passwordHash));
      if (!ok || user === null) {
        limits.account.fail(accountKey);
        limits.address.fail(address);
        await audit(store, c, null, 'login_failed', username, { reason: user?.disabled ? 'disabled' : 'bad_credentials' });
        throw new UnauthenticatedError('Wrong username or password (or the account is disabled).');
      }
      limits.account.reset(accountKey);
      const { token, expiresAt } = await startSession(store, user.id, config.sessionHours, address);
      const secure = new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
      setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Strict', secure, path: '/', expires: expiresAt });
      const principal = { userId: user.id, username: user.username, role: user.role, tokenHash: null };
      await audit(store, c, principal, 'login', user.username);
      return c.json({ user: { id: user.id, username: user.username, role: user.role }, expiresAt: expiresAt.toISOString() });
    })
    .post('/auth/logout', publicRoute, async (c) => {
      const p = c.get('principal');
      if (p?.tokenHash) {
        await store.revokeSessions({ tokenHash: p.tokenHash });
        await audit(store, c, p, 'logout', p.username);
      }
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ ok: true });
    })
    .get('/auth/me', publicRoute, async (c) => {
      const p = c.get('principal');
      if (!p) throw new UnauthenticatedError('Not logged in.');
      return c.json({
        user: p.userId === null ? null : { id: p.userId, username: p.username, role: p.role },
        role: p.role,
        publicViewer: p.userId === null,
        minCell: config.minCell,
      });
    });
}
