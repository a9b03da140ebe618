// Builds an app over a fresh store (in memory unless a path is given) holding the built-in default data.
import { createApp } from '../../server/app.js';
import { ensureDefaultData } from '../../server/store/open-store.js';
import { SqliteStore } from '../../server/store/sqlite-store.js';
import type { Store } from '../../server/store/store.js';

export interface TestApp {
  store: Store;
  app: ReturnType<typeof createApp>;
  get: (path: string) => Promise<{ status: number; body: any }>;
}

export async function makeTestApp(opts: { path?: string; seed?: number; empty?: boolean } = {}): Promise<TestApp> {
  const store = new SqliteStore(opts.path ?? ':memory:');
  await store.migrate();
  if (!opts.empty) await ensureDefaultData(store, opts.seed ?? 20250411);
  const app = createApp({ store, config: { eventsLimit: 100_000, version: 'test' } }, () => {});
  return {
    store,
    app,
    async get(path) {
      const res = await app.request(path);
      return { status: res.status, body: await res.json() };
    },
  };
}
