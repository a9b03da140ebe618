// Hono middleware: who is calling (session cookie or public viewer), what role a route needs, and cross-site request refusal.
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { ForbiddenError, UnauthenticatedError } from '../errors.js';
import type { Role, Store } from '../store/store.js';
import type { AppEnv } from '../routes/context.js';
import { hasRole, type Principal } from './roles.js';
import { resolveSession, SESSION_COOKIE } from './sessions.js';

export function authenticate(store: Store, publicViewer: boolean) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    let principal: Principal | null = token ? await resolveSession(store, token) : null;
    if (principal === null && publicViewer) principal = { userId: null, username: null, role: 'viewer', tokenHash: null };
    c.set('principal', principal);
    await next();
  });
}

/** Declares the least role a route needs: 401 without a session, 403 with too small a role. */
export function requireRole(role: Role) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const p = c.get('principal');
    if (!p) throw new UnauthenticatedError('Log in first: this needs a Rawan account (POST /api/auth/login).');
    if (!hasRole(p.role, role)) throw new ForbiddenError(`This needs the ${role} role; you are signed in as ${p.role}.`);
    await next();
  });
}

/** Anyone may call, logged in or not. */
export const publicRoute = createMiddleware<AppEnv>(async (_c, next) => {
  await next();
});

export function ownOrigin(c: Context): string {
  const url = new URL(c.req.url);
  const proto = c.req.header('x-forwarded-proto') ?? url.protocol.replace(':', '');
  const host = c.req.header('x-forwarded-host') ?? c.req.header('host') ?? url.host;
  return `${proto}://${host}`;
}

/**
 * Refuses state-changing requests a browser sends from another site: Origin must be our own (or listed in
 * RAWAN_CORS_ORIGINS); without Origin, Sec-Fetch-Site must not say cross-site. Non-browser clients send neither.
 */
export function refuseCrossSite(allowed: readonly string[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) return next();
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== ownOrigin(c) && !allowed.includes(origin)) {
      throw new ForbiddenError(`Cross-site request refused: Origin ${origin} is not this server (${ownOrigin(c)}).`, 'cross_site_request');
    }
    if (origin === undefined && c.req.header('sec-fetch-site') === 'cross-site') {
      throw new ForbiddenError('Cross-site request refused.', 'cross_site_request');
    }
    await next();
  });
}
