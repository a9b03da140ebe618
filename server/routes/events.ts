// GET /api/events: case events as GeoJSON points within a bbox, period and types (point-level data; roles restrict it).
import { Hono } from 'hono';
import { z } from 'zod';
import { EVENT_TYPES } from '../domain/types.js';
import type { AppDeps, AppEnv } from './context.js';
import { requireRole } from '../auth/middleware.js';
import { audit } from '../auth/audit.js';
import { bbox, eventTypes, isoDate } from './query-schemas.js';
import { validQuery } from './validate.js';

export function eventRoutes({ store, config }: AppDeps) {
  const query = z
    .object({
      bbox: bbox.optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      types: eventTypes.optional(),
      limit: z.coerce
        .number({ message: 'must be a whole number' })
        .int('must be a whole number')
        .min(1)
        .max(config.eventsLimit, `must be at most ${config.eventsLimit}`)
        .optional(),
    })
    .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: '"from" must not be later than "to"', path: ['from'] });

  return new Hono<AppEnv>().get('/events', requireRole('analyst'), validQuery(query), async (c) => {
    const q = c.req.valid('query');
    const limit = q.limit ?? config.eventsLimit;
    const rows = await store.listEvents({
      from: q.from ?? '0001-01-01',
      to: q.to ?? '9999-12-31',
      types: q.types ?? [...EVENT_TYPES],
      bbox: q.bbox,
      limit: limit + 1,
    });
    const truncated = rows.length > limit;
    await audit(store, c, c.get('principal'), 'events_read', q.bbox ? `bbox ${q.bbox.join(',')}` : 'all', {
      from: q.from,
      to: q.to,
      types: q.types,
      returned: Math.min(rows.length, limit),
    });
    const shown = truncated ? rows.slice(0, limit) : rows;
    return c.json({
      type: 'FeatureCollection' as const,
      features: shown.map((e) => ({
        type: 'Feature' as const,
        id: e.id,
        geometry: e.location ? { type: 'Point' as const, coordinates: e.location } : null,
        properties: {
          id: e.id,
          type: e.type,
          date: e.date,
          count: e.count,
          areaCode: e.areaCode,
          focusAreaId: e.focusAreaId,
          source: e.source,
          synthetic: e.synthetic,
        },
      })),
      meta: { returned: shown.length, limit, truncated },
    });
  });
}
