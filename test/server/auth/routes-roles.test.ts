// Walks every route × role and checks the status; then sessions (expiry, logout, revocation), throttling, CSRF, headers.
import { beforeAll, describe, expect, it } from 'vitest';
import { createThrottle } from '../../../server/auth/throttle.js';
import type { Role } from '../../../server/store/store.js';
import { makeTestApp, TEST_PASSWORD, type As, type TestApp } from '../../helpers/test-app.js';

interface RouteCase {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  least: Role | 'public';
  /** Status when allowed, if not 200 (e.g. 404 for an id that does not exist: the role check comes first). */
  ok?: number;
}

const ROUTES: RouteCase[] = [
  { method: 'GET', path: '/api/health', least: 'public' },
  { method: 'GET', path: '/api/areas?level=kota', least: 'viewer' },
  { method: 'GET', path: '/api/facilities', least: 'viewer' },
  { method: 'GET', path: '/api/indicators?level=kota', least: 'viewer' },
  { method: 'GET', path: '/api/indicators/trend?area=jakarta', least: 'viewer' },
  { method: 'GET', path: '/api/events?limit=3', least: 'analyst' },
  { method: 'GET', path: '/api/users', least: 'admin' },
  { method: 'GET', path: '/api/audit', least: 'admin' },
  { method: 'GET', path: '/api/hotspots?resolution=8', least: 'viewer' },
  { method: 'GET', path: '/api/hotspots/emerging?resolution=7&from=2026-01-01&to=2026-10-31&slice=quarter', least: 'viewer' },
  { method: 'POST', path: '/api/analysis/hotspots', least: 'public', body: { features: { type: 'FeatureCollection', features: [] } }, ok: 422 },
  { method: 'POST', path: '/api/analysis/coverage', least: 'public', body: {}, ok: 400 },
  { method: 'POST', path: '/api/coverage/run', least: 'analyst', body: { area: 'kampung-boncos', maxDistanceKm: 2 } },
  { method: 'GET', path: '/api/coverage/plans', least: 'analyst' },
  { method: 'GET', path: '/api/coverage/plans/none', least: 'analyst', ok: 404 },
  { method: 'PATCH', path: '/api/facilities/none', least: 'analyst', body: { rehab: true }, ok: 404 },
  { method: 'POST', path: '/api/imports', least: 'admin', body: {}, ok: 400 },
  { method: 'GET', path: '/api/imports/none', least: 'admin', ok: 404 },
  { method: 'POST', path: '/api/users', least: 'admin', body: {}, ok: 400 },
  { method: 'PATCH', path: '/api/users/none', least: 'admin', body: { role: 'viewer' }, ok: 404 },
  { method: 'GET', path: '/api/focus-areas/none', least: 'analyst', ok: 404 },
  { method: 'GET', path: '/api/focus-areas/none/history', least: 'analyst', ok: 404 },
  { method: 'POST', path: '/api/focus-areas', least: 'analyst', body: {}, ok: 400 },
  { method: 'PUT', path: '/api/focus-areas/none', least: 'analyst', body: { version: 1, name: 'x' }, ok: 404 },
  { method: 'DELETE', path: '/api/focus-areas/none?version=1', least: 'analyst', ok: 404 },
];

const RANK: Record<As, number> = { anonymous: -1, viewer: 0, analyst: 1, admin: 2 };

describe('route × role matrix (no public viewer)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ config: { publicViewer: false } });
  });
  const roles: As[] = ['anonymous', 'viewer', 'analyst', 'admin'];
  for (const route of ROUTES) {
    for (const as of roles) {
      const allowed = route.least === 'public' || RANK[as] >= RANK[route.least];
      const expected = allowed ? (route.ok ?? 200) : as === 'anonymous' ? 401 : 403;
      it(`${route.method} ${route.path} as ${as} → ${expected}`, async () => {
        const init = route.body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(route.body) };
        const res = await t.request(route.path, { as, method: route.method, ...init });
        expect(res.status).toBe(expected);
        if (!allowed) expect((await res.json()).error.code).toBe(as === 'anonymous' ? 'unauthenticated' : 'forbidden');
      });
    }
  }
  it('GET /api/auth/me answers 401 to anonymous and names the role otherwise', async () => {
    expect((await t.get('/api/auth/me', 'anonymous')).status).toBe(401);
    expect((await t.get('/api/auth/me', 'analyst')).body.user.role).toBe('analyst');
  });
});

describe('public viewer mode', () => {
  it('lets anonymous visitors read aggregates as viewers, nothing more', async () => {
    const t = await makeTestApp({ config: { publicViewer: true } });
    expect((await t.get('/api/indicators?level=kota', 'anonymous')).status).toBe(200);
    expect((await t.get('/api/auth/me', 'anonymous')).body).toMatchObject({ user: null, role: 'viewer', publicViewer: true });
    expect((await t.get('/api/events', 'anonymous')).status).toBe(403);
    expect((await t.get('/api/users', 'anonymous')).status).toBe(403);
  });
});

describe('sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ config: { publicViewer: false } });
  });

  it('sets an HttpOnly, SameSite=Strict cookie and audits the login', async () => {
    await t.cookie('viewer');
    const res = await t.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'test-viewer', password: TEST_PASSWORD }) });
    const set = res.headers.get('set-cookie') ?? '';
    expect(set).toMatch(/rawan_session=/);
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Strict/);
    expect(set).not.toMatch(/Secure/);
    const https = await t.app.request('https://rawan.example/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'test-viewer', password: TEST_PASSWORD }) });
    expect(https.headers.get('set-cookie')).toMatch(/Secure/);
    const log = await t.get('/api/audit?action=login', 'admin');
    expect(log.body.entries.some((e: any) => e.username === 'test-viewer')).toBe(true);
  });

  it('logout revokes the session', async () => {
    const res = await t.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'test-viewer', password: TEST_PASSWORD }) });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
    expect((await t.app.request('/api/auth/me', { headers: { cookie } })).status).toBe(200);
    expect((await t.app.request('/api/auth/logout', { method: 'POST', headers: { cookie } })).status).toBe(200);
    expect((await t.app.request('/api/auth/me', { headers: { cookie } })).status).toBe(401);
  });

  it('an expired session is refused', async () => {
    const short = await makeTestApp({ empty: true, config: { publicViewer: false, sessionHours: -1 } });
    const cookie = await short.cookie('analyst');
    expect((await short.app.request('/api/auth/me', { headers: { cookie } })).status).toBe(401);
  });

  it('disabling a user ends their sessions at once', async () => {
    const cookie = await t.cookie('analyst');
    const users = (await t.get('/api/users', 'admin')).body.users;
    const id = users.find((u: any) => u.username === 'test-analyst').id;
    const res = await t.request(`/api/users/${id}`, { as: 'admin', method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ disabled: true }) });
    expect(res.status).toBe(200);
    expect((await t.app.request('/api/auth/me', { headers: { cookie } })).status).toBe(401);
    const login = await t.post('/api/auth/login', { username: 'test-analyst', password: TEST_PASSWORD }, 'anonymous');
    expect(login.status).toBe(401);
  });

  it('admins create users; duplicates and weak passwords are refused with reasons', async () => {
    const ok = await t.post('/api/users', { username: 'planner.bnn', password: 'a-long-password', role: 'analyst' }, 'admin');
    expect(ok.status).toBe(201);
    expect(ok.body.user).not.toHaveProperty('passwordHash');
    expect((await t.post('/api/users', { username: 'planner.bnn', password: 'a-long-password', role: 'analyst' }, 'admin')).status).toBe(409);
    const weak = await t.post('/api/users', { username: 'x2y', password: 'short', role: 'viewer' }, 'admin');
    expect(weak.status).toBe(400);
    expect(weak.body.error.message).toMatch(/at least 10 characters/);
    expect((await t.post('/api/auth/login', { username: 'planner.bnn', password: 'a-long-password' }, 'anonymous')).status).toBe(200);
  });
});

describe('login throttling', () => {
  it('answers 429 with Retry-After after repeated failures for one account, and audits them', async () => {
    const t = await makeTestApp({ empty: true, config: { publicViewer: false } });
    await t.cookie('viewer');
    for (let i = 0; i < 5; i++) expect((await t.post('/api/auth/login', { username: 'test-viewer', password: 'wrong' }, 'anonymous')).status).toBe(401);
    const blocked = await t.post('/api/auth/login', { username: 'test-viewer', password: TEST_PASSWORD }, 'anonymous');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    const log = (await t.get('/api/audit', 'admin')).body.entries.map((e: any) => e.action);
    expect(log.filter((a: string) => a === 'login_failed')).toHaveLength(5);
    expect(log).toContain('login_throttled');
  });

  it('the throttle window slides', () => {
    const th = createThrottle(2, 1000);
    th.fail('k', 0);
    th.fail('k', 100);
    expect(th.retryAfter('k', 200)).toBe(1);
    expect(th.retryAfter('k', 1001)).toBe(0);
  });
});

describe('cross-site requests and headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ empty: true, config: { publicViewer: false } });
  });

  it('refuses a state-changing request from another origin with 403', async () => {
    const r = await t.post('/api/auth/logout', {}, 'viewer', { origin: 'https://evil.example' });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('cross_site_request');
    const own = await t.post('/api/auth/logout', {}, 'viewer', { origin: 'http://localhost' });
    expect(own.status).toBe(200);
    const fetchMeta = await t.post('/api/auth/logout', {}, 'viewer', { 'sec-fetch-site': 'cross-site' });
    expect(fetchMeta.status).toBe(403);
  });

  it('sends security headers with a Content-Security-Policy', async () => {
    const r = await t.app.request('/api/health');
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses over-large bodies with 413 and malformed JSON with 400, never 500', async () => {
    const big = await t.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(11 * 1024 * 1024) });
    expect(big.status).toBe(413);
    const bad = await t.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username": ' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message.length).toBeGreaterThan(0);
  });
});
