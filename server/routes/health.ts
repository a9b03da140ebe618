// GET /api/health: liveness, the store in use and the app version.
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from './context.js';
import { publicRoute } from '../auth/middleware.js';

export function healthRoutes({ store, config }: AppDeps) {
  return new Hono<AppEnv>().get('/health', publicRoute, async (c) => {
    const counts = await store.counts();
    return c.json({
      ok: true,
      store: store.kind,
      version: config.version,
      counts,
      publicViewer: config.publicViewer,
      basemapStyle: config.basemapStyle ?? null,
    });
  });
}
