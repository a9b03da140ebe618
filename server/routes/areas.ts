// GET /api/areas?level=kota|kecamatan|kelurahan|focus: boundaries as a GeoJSON FeatureCollection with provenance.
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from './context.js';
import { requireRole } from '../auth/middleware.js';
import { membersOf, populationByKelurahan } from './area-catalog.js';
import { areaLevel } from './query-schemas.js';
import { validQuery } from './validate.js';
import { cachedJson, createResponseCache } from './cached-json.js';

const query = z.object({ level: areaLevel.default('kelurahan') });

export function areaRoutes({ store }: AppDeps) {
  const cache = createResponseCache();
  return new Hono<AppEnv>().get('/areas', requireRole('viewer'), validQuery(query), async (c) => {
    const { level } = c.req.valid('query');
    return cachedJson(c, store, cache, level, async () => {
      if (level === 'focus') {
        const focus = await store.listFocusAreas();
        return {
          type: 'FeatureCollection' as const,
          features: focus.map((f) => ({
            type: 'Feature' as const,
            id: f.id,
            geometry: f.geometry,
            properties: {
              id: f.id,
              name: f.name,
              level: 'focus' as const,
              aliases: f.aliases,
              kelurahanCode: f.kelurahanCode,
              notes: f.notes,
              source: f.source,
              approximate: f.approximate,
            },
          })),
        };
      }
      const kelurahan = await store.listAreas('kelurahan');
      const rows = level === 'kelurahan' ? kelurahan : await store.listAreas(level);
      const pop = populationByKelurahan(kelurahan);
      return {
        type: 'FeatureCollection' as const,
        features: rows.map((a) => {
          const members = level === 'kelurahan' ? [a.code] : membersOf(a.code, kelurahan);
          const figures = members.map((m) => pop.get(m));
          const known = members.length > 0 && figures.every((f) => f !== undefined);
          const first = figures[0];
          return {
            type: 'Feature' as const,
            id: a.code,
            geometry: a.geometry,
            properties: {
              code: a.code,
              name: a.name,
              level: a.level,
              parentCode: a.parentCode,
              population: known ? figures.reduce((s, f) => s + (f?.population ?? 0), 0) : null,
              populationYear: known ? (first?.year ?? null) : null,
              populationSource: known ? (first?.source ?? null) : null,
              populationApproximate: known ? figures.some((f) => f?.approximate) : null,
              source: a.source,
              approximate: a.approximate,
            },
          };
        }),
      };
    });
  });
}
