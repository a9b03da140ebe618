// GET /api/indicators: per-area counts by type, rate per 10,000 and change against the previous period of equal length.
import { Hono } from 'hono';
import { z } from 'zod';
import { computeIndicators } from '../analysis/indicators.js';
import { periodDays, previousPeriod } from '../analysis/period.js';
import { EVENT_TYPES, type EventType } from '../domain/types.js';
import { loadCatalog } from './area-catalog.js';
import type { AppDeps, AppEnv } from './context.js';
import { requireRole } from '../auth/middleware.js';
import { suppressIndicators } from '../auth/suppress-aggregates.js';
import { areaLevel, eventTypes, isoDate } from './query-schemas.js';
import { resolvePeriod } from './resolve-period.js';
import { validQuery } from './validate.js';
import { cachedJson, createResponseCache } from './cached-json.js';

const query = z
  .object({ level: areaLevel.default('kelurahan'), from: isoDate.optional(), to: isoDate.optional(), types: eventTypes.optional() })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: '"from" must not be later than "to"', path: ['from'] });

export function indicatorRoutes({ store, config }: AppDeps) {
  const cache = createResponseCache();
  return new Hono<AppEnv>().get('/indicators', requireRole('viewer'), validQuery(query), async (c) => {
    const q = c.req.valid('query');
    return cachedJson(c, store, cache, q, async () => {
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
      const sumWhere = (rows: typeof current, pred: (key: string | null) => boolean, type?: EventType) =>
        rows.filter((r) => pred(r.key) && (type === undefined || r.type === type)).reduce((s, r) => s + r.count, 0);
      const known = new Set(catalog.areas.flatMap((a) => a.members));
      const outside = (key: string | null) => key === null || !known.has(key);
      const totals = {
        events: sumWhere(current, () => true),
        byType: Object.fromEntries(types.map((t) => [t, sumWhere(current, () => true, t)])),
        previousEvents: sumWhere(prior, () => true),
        /** Events in range with no kelurahan (only an unknown area code) or, for focus areas, outside every focus area. */
        outsideAreas: sumWhere(current, outside),
        outsideByType: Object.fromEntries(types.map((t) => [t, sumWhere(current, outside, t)])),
        previousOutside: sumWhere(prior, outside),
      };
      const head = { level: q.level, period: { ...period, days: periodDays(period) }, previousPeriod: previous, types };
      if (c.get('principal')?.role === 'viewer') {
        const safe = suppressIndicators(areas, types, totals, config.minCell);
        return {
          ...head,
          suppression: { k: config.minCell, rule: 'counts 1..k−1 withheld, with complementary cells so none can be recovered by subtraction' },
          ...safe,
        };
      }
      const { outsideByType: _o, previousOutside: _p, ...shownTotals } = totals;
      return { ...head, suppression: null, totals: { ...shownTotals, inAreas: areas.reduce((s, a) => s + a.total, 0) }, areas };
    });
  });
}
