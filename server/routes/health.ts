// GET /api/health: liveness, the store in use and the app version.
import { Hono } from 'hono';
import type { AppDeps } from './context.js';

export function healthRoutes({ store, config }: AppDeps) {
  return new Hono().get('/health', async (c) => {
    const counts = await store.counts();
    return c.json({ ok: true, store: store.kind, version: config.version, counts });
  });
}
