// Applies small-cell suppression to the aggregate answers viewers receive: indicator tables and monthly trends.
import type { EventType } from '../domain/types.js';
import type { IndicatorRecord } from '../analysis/indicators.js';
import { suppressCells, tableLines, type AdditiveLine } from './suppression.js';

export type Shown = number | null;

export interface ViewerIndicator extends Omit<IndicatorRecord, 'counts' | 'total' | 'previousTotal' | 'change'> {
  counts: Partial<Record<EventType, Shown>>;
  total: Shown;
  previousTotal: Shown;
  change: Shown;
  /** Names of the fields withheld by the small-cell rule. */
  suppressed: string[];
}

export interface IndicatorTotals {
  events: number;
  byType: Partial<Record<EventType, number>>;
  previousEvents: number;
  outsideAreas: number;
  outsideByType: Partial<Record<EventType, number>>;
  previousOutside: number;
}

/**
 * The table viewers see: one row per area plus one row for events outside every area, a column per selected
 * type, row totals, column totals (`byType`) and the grand total; previous-period totals form a second table.
 */
export function suppressIndicators(areas: readonly IndicatorRecord[], types: readonly EventType[], totals: IndicatorTotals, k: number) {
  const rows = areas.length + 1;
  const cols = types.length;
  const { lines, rowTotal, colTotal, grand } = tableLines(rows, cols);
  const values: number[] = [];
  const rowCounts = (r: number) => (r < areas.length ? areas[r].counts : totals.outsideByType);
  for (let r = 0; r < rows; r++) for (const t of types) values.push(rowCounts(r)[t] ?? 0);
  for (let r = 0; r < rows; r++) values.push(r < areas.length ? areas[r].total : totals.outsideAreas);
  for (const t of types) values.push(totals.byType[t] ?? 0);
  values.push(totals.events);
  const hidden = suppressCells(values, lines, k);

  const prevValues = [...areas.map((a) => a.previousTotal), totals.previousOutside, totals.previousEvents];
  const prevLines: AdditiveLine[] = [{ members: Array.from({ length: rows }, (_, r) => r), total: rows }];
  const prevHidden = suppressCells(prevValues, prevLines, k);

  const shown = (i: number, v: number): Shown => (hidden[i] ? null : v);
  const viewerAreas: ViewerIndicator[] = areas.map((a, r) => {
    const suppressed: string[] = [];
    const counts: Partial<Record<EventType, Shown>> = {};
    types.forEach((t, c) => {
      counts[t] = shown(r * cols + c, a.counts[t]);
      if (counts[t] === null) suppressed.push(`counts.${t}`);
    });
    const total = shown(rowTotal(r), a.total);
    const previousTotal = prevHidden[r] ? null : a.previousTotal;
    if (total === null) suppressed.push('total', 'ratePer10k');
    if (previousTotal === null) suppressed.push('previousTotal');
    const both = total !== null && previousTotal !== null;
    if (!both) suppressed.push('change', 'changePct');
    return {
      ...a,
      counts,
      total,
      previousTotal,
      change: both ? a.change : null,
      changePct: both ? a.changePct : null,
      ratePer10k: total === null ? null : a.ratePer10k,
      suppressed,
    };
  });
  return {
    areas: viewerAreas,
    totals: {
      events: shown(grand, totals.events),
      byType: Object.fromEntries(types.map((t, c) => [t, shown(colTotal(c), totals.byType[t] ?? 0)])),
      previousEvents: prevHidden[rows] ? null : totals.previousEvents,
      outsideAreas: shown(rowTotal(areas.length), totals.outsideAreas),
    },
  };
}

export interface TrendMonth {
  month: string;
  counts: Partial<Record<EventType, number>>;
  total: number;
}

/** Monthly trend rows: each month's type counts and its total form one additive line. */
export function suppressTrend(months: readonly TrendMonth[], types: readonly EventType[], k: number) {
  const cols = types.length;
  const values: number[] = [];
  const lines: AdditiveLine[] = [];
  months.forEach((m, r) => {
    for (const t of types) values.push(m.counts[t] ?? 0);
    values.push(m.total);
    const base = r * (cols + 1);
    lines.push({ members: Array.from({ length: cols }, (_, c) => base + c), total: base + cols });
  });
  const hidden = suppressCells(values, lines, k);
  return months.map((m, r) => {
    const base = r * (cols + 1);
    const counts: Partial<Record<EventType, Shown>> = {};
    types.forEach((t, c) => (counts[t] = hidden[base + c] ? null : (m.counts[t] ?? 0)));
    return { month: m.month, counts, total: hidden[base + cols] ? null : m.total, suppressed: hidden.slice(base, base + cols + 1).some(Boolean) };
  });
}
