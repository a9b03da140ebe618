// GET /api/facilities: the puskesmas registry as GeoJSON points with level, rehab designation, capacity and provenance.
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from './context.js';
import { cachedJson, createResponseCache } from './cached-json.js';
import { requireRole } from '../auth/middleware.js';

export function facilityRoutes({ store }: AppDeps) {
  const cache = createResponseCache();
  return new Hono<AppEnv>().get('/facilities', requireRole('viewer'), async (c) => {
    return cachedJson(c, store, cache, null, async () => {
      const rows = await store.listFacilities();
      return {
        type: 'FeatureCollection' as const,
        features: rows.map((f) => ({
          type: 'Feature' as const,
          id: f.id,
          geometry: { type: 'Point' as const, coordinates: f.location },
          properties: {
            id: f.id,
            name: f.name,
            level: f.level,
            areaCode: f.areaCode,
            rehab: f.rehab,
            capacityPerMonth: f.capacityPerMonth,
            builtYear: f.builtYear,
            source: f.source,
            approximate: f.approximate,
            synthetic: f.synthetic,
          },
        })),
      };
    });
  });
}
