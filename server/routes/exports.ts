// GET /api/exports/indicators.csv and .geojson: the current aggregated table, and the areas with their figures,
// for the dashboard's export buttons — with the same small-cell rule as the screen for viewers.
import { Hono } from 'hono';
import { audit } from '../auth/audit.js';
import { requireRole } from '../auth/middleware.js';
import type { AppDeps, AppEnv } from './context.js';
import { indicatorAnswer } from './indicator-answer.js';
import { indicatorQuery } from './indicators.js';
import { validQuery } from './validate.js';

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : typeof v === 'number' ? String(Math.round(v * 1e4) / 1e4) : String(v);
  return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function exportRoutes({ store, config }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/exports/indicators.csv', requireRole('viewer'), validQuery(indicatorQuery), async (c) => {
      const q = c.req.valid('query');
      const viewer = c.get('principal')?.role === 'viewer';
      const a = await indicatorAnswer(store, q, viewer, config.minCell);
      const header = [
        'code',
        'name',
        'level',
        'parent_code',
        ...a.types,
        'total',
        'population',
        'rate_per_10000',
        'previous_total',
        'change',
        'change_pct',
        'rank',
        'suppressed',
      ];
      const rows = a.areas.map((r) =>
        [
          r.code,
          r.name,
          r.level,
          r.parentCode,
          ...a.types.map((t) => r.counts[t]),
          r.total,
          r.population,
          r.ratePer10k,
          r.previousTotal,
          r.change,
          r.changePct,
          r.rank,
          r.suppressed.join(' '),
        ]
          .map(csvCell)
          .join(','),
      );
      await audit(store, c, c.get('principal'), 'export_indicators', `${q.level} csv`, { from: a.period.from, to: a.period.to });
      c.header('Content-Type', 'text/csv; charset=UTF-8');
      c.header('Content-Disposition', `attachment; filename="rawan-${q.level}-${a.period.from}-${a.period.to}.csv"`);
      const note = viewer
        ? `# Counts from 1 to ${config.minCell - 1} are withheld (empty) to protect the people in the data.`
        : '# Exact counts (analyst export).';
      return c.body(`\uFEFF${[header.join(','), ...rows].join('\n')}\n${note}\n`);
    })
    .get('/exports/indicators.geojson', requireRole('viewer'), validQuery(indicatorQuery), async (c) => {
      const q = c.req.valid('query');
      const viewer = c.get('principal')?.role === 'viewer';
      const a = await indicatorAnswer(store, q, viewer, config.minCell);
      const geometries = new Map<string, unknown>(
        q.level === 'focus' ? (await store.listFocusAreas()).map((f) => [f.id, f.geometry]) : (await store.listAreas(q.level)).map((x) => [x.code, x.geometry]),
      );
      await audit(store, c, c.get('principal'), 'export_indicators', `${q.level} geojson`, { from: a.period.from, to: a.period.to });
      c.header('Content-Disposition', `attachment; filename="rawan-${q.level}-${a.period.from}-${a.period.to}.geojson"`);
      return c.json({
        type: 'FeatureCollection',
        period: a.period,
        types: a.types,
        suppression: a.suppression,
        features: a.areas.map((r) => ({ type: 'Feature', id: r.code, geometry: geometries.get(r.code) ?? null, properties: r })),
      });
    });
}
