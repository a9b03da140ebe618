// Builds an app over a fresh store (the one given, else SQLite in memory unless a path is given) holding the built-in default data, with one
// account per role; requests go through app.request() as that role (analyst unless said otherwise).
import { randomUUID } from 'node:crypto';
import { createApp } from '../../server/app.js';
import { hashPassword } from '../../server/auth/password.js';
import type { AppConfig } from '../../server/routes/context.js';
import { ensureDefaultData } from '../../server/store/open-store.js';
import { SqliteStore } from '../../server/store/sqlite-store.js';
import { schemaStores } from './postgres-test-db.js';

const pgSchemas = schemaStores();
import type { Role, Store } from '../../server/store/store.js';

export type As = Role | 'anonymous';

export interface TestApp {
  store: Store;
  app: ReturnType<typeof createApp>;
  config: AppConfig;
  cookie(role: Role): Promise<string>;
  request(path: string, init?: RequestInit & { as?: As }): Promise<Response>;
  get(path: string, as?: As): Promise<{ status: number; body: any; headers: Headers }>;
  post(path: string, body: unknown, as?: As, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Headers }>;
}

export const TEST_PASSWORD = 'correct horse battery';

export async function makeTestApp(opts: { path?: string; seed?: number; empty?: boolean; config?: Partial<AppConfig>; store?: Store } = {}): Promise<TestApp> {
  // RAWAN_TEST_STORE=postgres runs every API test on PostgreSQL (a fresh schema per app) instead of SQLite.
  const store = opts.store ?? (process.env.RAWAN_TEST_STORE === 'postgres' && opts.path === undefined ? pgSchemas.open() : new SqliteStore(opts.path ?? ':memory:'));
  await store.migrate();
  if (!opts.empty) await ensureDefaultData(store, opts.seed ?? 20250411);
  const config: AppConfig = {
    eventsLimit: 100_000,
    version: 'test',
    publicViewer: true,
    minCell: 5,
    sessionHours: 12,
    corsOrigins: [],
    basemapStyle: undefined,
    maxImportBytes: 50_000_000,
    ...opts.config,
  };
  const app = createApp({ store, config }, () => {});
  const cookies = new Map<Role, string>();
  const t: TestApp = {
    store,
    app,
    config,
    async cookie(role) {
      const known = cookies.get(role);
      if (known) return known;
      const now = new Date().toISOString();
      const username = `test-${role}`;
      if (!(await store.findUser({ username }))) {
        await store.createUser({ id: randomUUID(), username, passwordHash: await hashPassword(TEST_PASSWORD), role, disabled: false, createdAt: now, updatedAt: now });
      }
      const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: TEST_PASSWORD }) });
      if (res.status !== 200) throw new Error(`test login as ${role} failed: ${res.status} ${await res.text()}`);
      const set = res.headers.get('set-cookie') ?? '';
      const cookie = set.split(';')[0];
      cookies.set(role, cookie);
      return cookie;
    },
    async request(path, init = {}) {
      const { as = 'analyst', ...rest } = init;
      const headers = new Headers(rest.headers);
      if (as !== 'anonymous') headers.set('cookie', await t.cookie(as));
      return app.request(path, { ...rest, headers });
    },
    async get(path, as = 'analyst') {
      const res = await t.request(path, { as });
      return { status: res.status, body: await res.json(), headers: res.headers };
    },
    async post(path, body, as = 'analyst', headers = {}) {
      const res = await t.request(path, { as, method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, body: text === '' ? null : JSON.parse(text), headers: res.headers };
    },
  };
  return t;
}
