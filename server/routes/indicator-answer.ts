// Computes the indicator answer for a level, period and types — exact for analysts, small-cell suppressed for
// viewers — shared by GET /api/indicators and the CSV/GeoJSON exports.
import { computeIndicators } from '../analysis/indicators.js';
import { periodDays, previousPeriod } from '../analysis/period.js';
import { suppressIndicators } from '../auth/suppress-aggregates.js';
import { EVENT_TYPES, type AreaLevel, type EventType } from '../domain/types.js';
import type { Store } from '../store/store.js';
import { loadCatalog } from './area-catalog.js';
import { resolvePeriod } from './resolve-period.js';

export interface IndicatorQuery {
  level: AreaLevel | 'focus';
  from?: string;
  to?: string;
  types?: EventType[];
}

export async function indicatorAnswer(store: Store, q: IndicatorQuery, viewer: boolean, minCell: number) {
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
  if (viewer) {
    const safe = suppressIndicators(areas, types, totals, minCell);
    return {
      ...head,
      suppression: { k: minCell, rule: 'counts 1..k−1 withheld, with complementary cells so none can be recovered by subtraction' },
      ...safe,
    };
  }
  const { outsideByType: _o, previousOutside: _p, ...shownTotals } = totals;
  return {
    ...head,
    suppression: null,
    totals: { ...shownTotals, inAreas: areas.reduce((s, a) => s + a.total, 0) },
    areas: areas.map((a) => ({ ...a, suppressed: [] as string[] })),
  };
}
