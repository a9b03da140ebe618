// GET /api/indicators/trend?area=<code|focus id>: monthly counts per event type for one area (or all Jakarta) over a period.
import { Hono } from 'hono';
import { z } from 'zod';
import { monthsOf } from '../analysis/period.js';
import { EVENT_TYPES, type EventType } from '../domain/types.js';
import { NotFoundError } from '../errors.js';
import { membersOf } from './area-catalog.js';
import type { AppDeps, AppEnv } from './context.js';
import { requireRole } from '../auth/middleware.js';
import { suppressTrend } from '../auth/suppress-aggregates.js';
import { eventTypes, isoDate } from './query-schemas.js';
import { resolvePeriod } from './resolve-period.js';
import { validQuery } from './validate.js';
import { cachedJson, createResponseCache } from './cached-json.js';

const query = z
  .object({
    area: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[a-z0-9.-]+$/, 'must be a Kemendagri code (e.g. 31.73.07.1006), a focus area id or "jakarta"')
      .default('jakarta'),
    from: isoDate.optional(),
    to: isoDate.optional(),
    types: eventTypes.optional(),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: '"from" must not be later than "to"', path: ['from'] });

export function trendRoutes({ store, config }: AppDeps) {
  const cache = createResponseCache();
  return new Hono<AppEnv>().get('/indicators/trend', requireRole('viewer'), validQuery(query), async (c) => {
    const q = c.req.valid('query');
    return cachedJson(c, store, cache, q, async () => {
      const types: EventType[] = q.types ?? [...EVENT_TYPES];
      const period = await resolvePeriod(store, q.from, q.to);
      const filter = { ...period, types };
      let where: { areaCodes?: string[]; focusAreaId?: string } = {};
      let name = 'DKI Jakarta';
      if (q.area !== 'jakarta') {
        const focus = (await store.listFocusAreas()).find((f) => f.id === q.area);
        if (focus) {
          where = { focusAreaId: focus.id };
          name = focus.name;
        } else {
          const kelurahan = await store.listAreas('kelurahan');
          const level = q.area.split('.').length === 4 ? 'kelurahan' : q.area.split('.').length === 3 ? 'kecamatan' : 'kota';
          const area = (level === 'kelurahan' ? kelurahan : await store.listAreas(level)).find((a) => a.code === q.area);
          if (!area) throw new NotFoundError(`No area or focus area "${q.area}". Use a code from /api/areas or a focus id from /api/areas?level=focus.`);
          name = area.name;
          where = { areaCodes: level === 'kelurahan' ? [area.code] : membersOf(area.code, kelurahan) };
        }
      }
      const rows = await store.countEventsByMonth(filter, where);
      const months = monthsOf(period).map((month) => {
        const counts = Object.fromEntries(types.map((t) => [t, 0])) as Partial<Record<EventType, number>>;
        for (const r of rows) if (r.month === month) counts[r.type] = (counts[r.type] ?? 0) + r.count;
        return { month, counts, total: Object.values(counts).reduce((s, n) => s + (n ?? 0), 0) };
      });
      if (c.get('principal')?.role === 'viewer') {
        return { area: q.area, name, period, types, suppression: { k: config.minCell }, months: suppressTrend(months, types, config.minCell) };
      }
      return { area: q.area, name, period, types, suppression: null, months };
    });
  });
}
