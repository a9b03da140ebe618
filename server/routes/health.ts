// GET /api/health: liveness, the store in use, the app version, and what the dashboard needs to describe the data.
import { Hono } from 'hono';
import { publicRoute } from '../auth/middleware.js';
import type { AppDeps, AppEnv } from './context.js';

export function healthRoutes({ store, config }: AppDeps) {
  return new Hono<AppEnv>().get('/health', publicRoute, async (c) => {
    const [counts, events, kelurahan, facilities, focus] = await Promise.all([
      store.counts(),
      store.eventDateRange(),
      store.listAreas('kelurahan'),
      store.listFacilities(),
      store.listFocusAreas(),
    ]);
    return c.json({
      ok: true,
      store: store.kind,
      version: config.version,
      counts,
      publicViewer: config.publicViewer,
      minCell: config.minCell,
      basemapStyle: config.basemapStyle ?? null,
      events: events === null ? null : { from: events.min, to: events.max },
      /** Whether each kind of data is built-in demo data (approximate or synthetic) or imported. */
      data: {
        boundariesApproximate: kelurahan.some((k) => k.approximate),
        populationApproximate: kelurahan.some((k) => k.populationApproximate === true),
        facilitiesSynthetic: facilities.some((f) => f.synthetic),
        focusAreasApproximate: focus.some((f) => f.approximate),
        eventsSynthetic: counts.syntheticEvents > 0,
      },
    });
  });
}
