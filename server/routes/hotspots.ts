// GET /api/hotspots and /api/hotspots/emerging: Gi* or Local Moran's I over every H3 cell of the study area,
// counting stored events per cell (zeros included); viewers get classes, with small cell counts withheld.
import { Hono } from 'hono';
import { z } from 'zod';
import { emergingHotSpots } from '../analysis/emerging.js';
import { getisOrdStar } from '../analysis/getis-ord.js';
import { hotspotAnalysis, MAX_PERMUTATIONS } from '../analysis/hotspot-analysis.js';
import { fromDay, monthsOf, toDay, type Period } from '../analysis/period.js';
import { requireRole } from '../auth/middleware.js';
import { EVENT_TYPES, type EventType } from '../domain/types.js';
import { UnprocessableInputError } from '../errors.js';
import type { AppDeps, AppEnv } from './context.js';
import { createHotspotService } from './hotspot-service.js';
import { eventTypes, isoDate } from './query-schemas.js';
import { resolvePeriod } from './resolve-period.js';
import { validQuery } from './validate.js';
import { cachedJson, createResponseCache } from './cached-json.js';

const bool = z.enum(['true', 'false', '1', '0'], { message: 'must be true or false' }).transform((v) => v === 'true' || v === '1');
const common = {
  resolution: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(7, 'must be 7 to 10').max(10, 'must be 7 to 10').default(9),
  from: isoDate.optional(),
  to: isoDate.optional(),
  types: eventTypes.optional(),
  k: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be 1 to 3').max(3, 'must be 1 to 3').default(1),
  alpha: z.coerce.number({ message: 'must be a number' }).gt(0, 'must be between 0 and 1').lt(1, 'must be between 0 and 1').default(0.05),
  fdr: bool.default(false),
};
const fromTo = (q: { from?: string; to?: string }) => q.from === undefined || q.to === undefined || q.from <= q.to;
const query = z
  .object({
    ...common,
    method: z.enum(['gistar', 'lisa'], { message: 'must be gistar or lisa' }).default('gistar'),
    permutations: z.coerce.number({ message: 'must be a number' }).int().min(1).max(MAX_PERMUTATIONS, `must be at most ${MAX_PERMUTATIONS}`).default(999),
    seed: z.coerce.number({ message: 'must be a number' }).int().default(1),
  })
  .refine(fromTo, { message: '"from" must not be later than "to"', path: ['from'] });
const emergingQuery = z
  .object({ ...common, slice: z.enum(['month', 'quarter'], { message: 'must be month or quarter' }).default('month') })
  .refine(fromTo, { message: '"from" must not be later than "to"', path: ['from'] });

/** Month or quarter slices of a period, clipped to it. */
function slices(p: Period, size: 'month' | 'quarter'): Period[] {
  const months = monthsOf(p);
  const groups: string[][] = [];
  for (const m of months) {
    const q = `${m.slice(0, 4)}-${Math.floor((Number(m.slice(5)) - 1) / 3)}`;
    const last = groups[groups.length - 1];
    if (size === 'quarter' && last && `${last[0].slice(0, 4)}-${Math.floor((Number(last[0].slice(5)) - 1) / 3)}` === q) last.push(m);
    else groups.push([m]);
  }
  return groups.map((g) => {
    const [y, mo] = g[g.length - 1].split('-').map(Number);
    const end = fromDay(toDay(`${y}-${String(mo).padStart(2, '0')}-01`) + new Date(Date.UTC(y, mo, 0)).getUTCDate() - 1);
    return { from: `${g[0]}-01` < p.from ? p.from : `${g[0]}-01`, to: end > p.to ? p.to : end };
  });
}

export function hotspotRoutes({ store, config }: AppDeps) {
  const service = createHotspotService(store);
  const cache = createResponseCache();
  // Build the default grid (resolution 9, k-ring 1) and count the default period now, so the first planner does not wait.
  resolvePeriod(store, undefined, undefined)
    .then((period) => service.cellValues({ ...period, types: [...EVENT_TYPES] }, 9, 1))
    .catch(() => {});
  return new Hono<AppEnv>()
    .get('/hotspots', requireRole('viewer'), validQuery(query), async (c) => {
      const q = c.req.valid('query');
      return cachedJson(c, store, cache, q, async () => {
        const types: EventType[] = q.types ?? [...EVENT_TYPES];
        const period = await resolvePeriod(store, q.from, q.to);
        const { grid, values, outside } = await service.cellValues({ ...period, types }, q.resolution, q.k);
        const viewer = c.get('principal')?.role === 'viewer';
        const head = {
          method: q.method,
          resolution: q.resolution,
          period,
          types,
          alpha: q.alpha,
          fdr: q.fdr,
          nCells: grid.cells.length,
          eventsOutsideCells: viewer ? null : outside,
        };
        const total = values.reduce((s, v) => s + v, 0);
        if (values.every((v) => v === values[0])) {
          return {
            ...head,
            fdrCutoff: null,
            weights: { type: 'kring', k: q.k, n: grid.cells.length, islands: [], meanNeighbors: 0 },
            summary: {},
            cells: [],
            noteCode: total === 0 ? ('no_events' as const) : ('no_variance' as const),
            note: total === 0 ? 'No events match these filters.' : 'Every cell has the same count; there is no pattern to test.',
          };
        }
        const analysis = hotspotAnalysis({
          ids: grid.cells,
          values,
          weights: grid.weights,
          method: q.method,
          permutations: q.permutations,
          seed: q.seed,
          alpha: q.alpha,
          fdr: q.fdr,
        });
        const summary: Record<string, number> = {};
        const shownValue = (v: number) => (viewer && v > 0 && v < config.minCell ? null : v);
        const cells = [];
        for (const f of analysis.features) {
          summary[f.class] = (summary[f.class] ?? 0) + 1;
          if (f.value === 0 && f.class === 'none') continue;
          const { id, ...rest } = f;
          cells.push({ h3: id, ...rest, value: shownValue(f.value) });
        }
        return {
          ...head,
          ...(analysis.method === 'lisa' ? { permutations: analysis.permutations, seed: analysis.seed } : {}),
          fdrCutoff: analysis.fdrCutoff ?? null,
          weights: { type: 'kring', k: q.k, ...analysis.weights, islands: analysis.weights.islands.length },
          suppression: viewer ? { k: config.minCell } : null,
          summary,
          cells,
        };
      });
    })
    .get('/hotspots/emerging', requireRole('viewer'), validQuery(emergingQuery), async (c) => {
      const q = c.req.valid('query');
      return cachedJson(c, store, cache, q, async () => {
        const types: EventType[] = q.types ?? [...EVENT_TYPES];
        const period = await resolvePeriod(store, q.from, q.to);
        const parts = slices(period, q.slice);
        if (parts.length < 3)
          throw new UnprocessableInputError(
            'too_few_slices',
            `Emerging hot spots need at least 3 ${q.slice} slices; ${period.from}..${period.to} has ${parts.length}. Choose a longer period.`,
          );
        const grid = await service.grid(q.resolution, q.k);
        const series = [];
        for (const part of parts) {
          const { values } = await service.cellValues({ ...part, types }, q.resolution, q.k);
          const flat = values.every((v) => v === values[0]);
          series.push(flat ? { z: new Float64Array(values.length), p: new Float64Array(values.length).fill(1) } : getisOrdStar(values, grid.weights));
        }
        const records = emergingHotSpots({ ids: grid.cells, slices: series, alpha: q.alpha, fdr: q.fdr });
        const summary: Record<string, number> = {};
        const cells = [];
        for (const r of records) {
          summary[r.category] = (summary[r.category] ?? 0) + 1;
          if (r.category === 'no_pattern') continue;
          cells.push({
            h3: r.id,
            category: r.category,
            pattern: r.pattern,
            spot: r.spot,
            trend: { z: r.trend.z, p: r.trend.p, tau: r.trend.tau },
            hotSlices: r.hotSlices,
            coldSlices: r.coldSlices,
          });
        }
        return {
          resolution: q.resolution,
          period,
          slice: q.slice,
          slices: parts,
          types,
          alpha: q.alpha,
          fdr: q.fdr,
          nCells: grid.cells.length,
          summary,
          cells,
        };
      });
    });
}
