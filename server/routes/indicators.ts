// GET /api/indicators: per-area counts by type, rate per 10,000 and change against the previous period of equal length.
import { Hono } from 'hono';
import { z } from 'zod';
import { computeIndicators } from '../analysis/indicators.js';
import { periodDays, previousPeriod } from '../analysis/period.js';
import { EVENT_TYPES, type EventType } from '../domain/types.js';
import { loadCatalog } from './area-catalog.js';
import type { AppDeps } from './context.js';
import { areaLevel, eventTypes, isoDate } from './query-schemas.js';
import { resolvePeriod } from './resolve-period.js';
import { validQuery } from './validate.js';

const query = z
  .object({ level: areaLevel.default('kelurahan'), from: isoDate.optional(), to: isoDate.optional(), types: eventTypes.optional() })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: '"from" must not be later than "to"', path: ['from'] });

export function indicatorRoutes({ store }: AppDeps) {
  return new Hono().get('/indicators', validQuery(query), async (c) => {
    const q = c.req.valid('query');
    const types: EventType[] = q.types ?? [...EVENT_TYPES];
    const period = await resolvePeriod(store, q.from, q.to);
    const previous = previousPeriod(period);
    const by = q.level === 'focus' ? 'focus' : 'area';
    const [catalog, current, prior] = await Promise.all([
      loadCatalog(store, q.level),
      store.countEvents({ ...period, types }, by),
      store.countEvents({ ...previous, types }, by),
    ]);
    const areas = computeIndicators({ areas: catalog.areas, current, previous: prior, population: catalog.population });
    const eventsInRange = current.reduce((s, r) => s + r.count, 0);
    const byType = Object.fromEntries(types.map((t) => [t, current.filter((r) => r.type === t).reduce((s, r) => s + r.count, 0)]));
    return c.json({
      level: q.level,
      period: { ...period, days: periodDays(period) },
      previousPeriod: previous,
      types,
      totals: {
        events: eventsInRange,
        byType,
        inAreas: areas.reduce((s, a) => s + a.total, 0),
        previousEvents: prior.reduce((s, r) => s + r.count, 0),
        /** Events in range with no kelurahan (only an unknown area code) or, for focus areas, outside every focus area. */
        outsideAreas: current.filter((r) => r.key === null).reduce((s, r) => s + r.count, 0),
      },
      areas,
    });
  });
}
