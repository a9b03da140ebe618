// Per-area indicators: event counts by type, totals, rate per 10,000 population and change against the previous period,
// with kecamatan and kota rolled up from their kelurahan so every level sums to the same total.
import type { EventType } from '../domain/types.js';

export interface IndicatorArea {
  code: string;
  name: string;
  level: 'kota' | 'kecamatan' | 'kelurahan' | 'focus';
  parentCode: string | null;
  /** Kelurahan codes whose counts make up this area; for focus areas, the focus id itself. */
  members: readonly string[];
}

export interface PopulationFigure {
  population: number;
  year: number | null;
  source: string;
  approximate: boolean;
}

export interface CountRow {
  key: string | null;
  type: EventType;
  count: number;
}

export interface IndicatorRecord {
  code: string;
  name: string;
  level: IndicatorArea['level'];
  parentCode: string | null;
  counts: Record<EventType, number>;
  total: number;
  population: number | null;
  populationYear: number | null;
  populationApproximate: boolean | null;
  ratePer10k: number | null;
  previousTotal: number;
  change: number;
  /** Relative change in percent; null when the previous period had no events. */
  changePct: number | null;
  rank: number;
}

export interface IndicatorInput {
  areas: readonly IndicatorArea[];
  current: readonly CountRow[];
  previous: readonly CountRow[];
  /** Population per kelurahan code (or focus id); an area's population is known only if all its members' are. */
  population: ReadonlyMap<string, PopulationFigure>;
}

function zeroCounts(): Record<EventType, number> {
  return { prevention: 0, early_detection: 0, user_case: 0, rehab_intake: 0, dealer_arrest: 0 };
}

function index(rows: readonly CountRow[]): Map<string, Map<EventType, number>> {
  const m = new Map<string, Map<EventType, number>>();
  for (const r of rows) {
    if (r.key === null) continue;
    const byType = m.get(r.key) ?? new Map<EventType, number>();
    byType.set(r.type, (byType.get(r.type) ?? 0) + r.count);
    m.set(r.key, byType);
  }
  return m;
}

/** Competition ranking (1, 2, 2, 4): the area with most events ranks 1. */
function ranks(totals: readonly number[]): number[] {
  return totals.map((t) => 1 + totals.filter((o) => o > t).length);
}

export function computeIndicators(input: IndicatorInput): IndicatorRecord[] {
  const cur = index(input.current);
  const prev = index(input.previous);
  const records = input.areas.map((a): Omit<IndicatorRecord, 'rank'> => {
    const counts = zeroCounts();
    let previousTotal = 0;
    for (const member of a.members) {
      for (const [t, n] of cur.get(member) ?? []) counts[t] += n;
      for (const n of (prev.get(member) ?? new Map()).values()) previousTotal += n;
    }
    const total = Object.values(counts).reduce((s, n) => s + n, 0);
    const figures = a.members.map((m) => input.population.get(m));
    const known = figures.every((f) => f !== undefined) && figures.length > 0;
    const population = known ? figures.reduce((s, f) => s + (f?.population ?? 0), 0) : null;
    return {
      code: a.code,
      name: a.name,
      level: a.level,
      parentCode: a.parentCode,
      counts,
      total,
      population,
      populationYear: known ? (figures[0]?.year ?? null) : null,
      populationApproximate: known ? figures.some((f) => f?.approximate) : null,
      ratePer10k: population !== null && population > 0 ? (total / population) * 10_000 : null,
      previousTotal,
      change: total - previousTotal,
      changePct: previousTotal > 0 ? ((total - previousTotal) / previousTotal) * 100 : null,
    };
  });
  const r = ranks(records.map((x) => x.total));
  return records.map((x, i) => ({ ...x, rank: r[i] }));
}
