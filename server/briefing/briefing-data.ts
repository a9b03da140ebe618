// Gathers a briefing's figures for one area (a focus area, a kota or all Jakarta): events by approach against the
// previous period, rate, rank, monthly trend per approach, rehab coverage from the latest saved plan, nearby
// puskesmas with spare capacity, provenance — with the viewer small-cell rule applied to every count.
import { areaCentroid } from '../analysis/centroid.js';
import { briefingSentences, type BriefingFigures, type Lang, type Shown } from '../analysis/briefing-sentences.js';
import { haversineKm } from '../analysis/haversine.js';
import { monthsOf, periodDays, previousPeriod, type Period } from '../analysis/period.js';
import { suppressCells, type AdditiveLine } from '../auth/suppression.js';
import { APPROACHES, EVENT_TYPES, type Approach, type AreaGeometry, type EventType } from '../domain/types.js';
import { NotFoundError } from '../errors.js';
import type { GroupCount, MonthCount, Store } from '../store/store.js';

export const SPARE_RADIUS_KM = 3;
const APPROACH_KEYS = Object.keys(APPROACHES) as Approach[];
const approachOf = (t: EventType): Approach => APPROACH_KEYS.find((a) => (APPROACHES[a] as readonly EventType[]).includes(t)) ?? 'preventive';

interface Target {
  id: string;
  name: string;
  kind: 'focus' | 'kota' | 'jakarta';
  geometry: AreaGeometry | null;
  kelurahanCodes: string[];
  focusId: string | null;
  population: number | null;
}

async function resolveTarget(store: Store, id: string): Promise<Target> {
  const kelurahan = await store.listAreas('kelurahan');
  const popOf = (codes: string[]) => {
    const pops = codes.map((c) => kelurahan.find((k) => k.code === c)?.population ?? null);
    return pops.length > 0 && pops.every((p) => p !== null) ? pops.reduce((s: number, p) => s + (p ?? 0), 0) : null;
  };
  if (id === 'jakarta') {
    const codes = kelurahan.map((k) => k.code);
    return { id, name: 'DKI Jakarta', kind: 'jakarta', geometry: null, kelurahanCodes: codes, focusId: null, population: popOf(codes) };
  }
  const focus = (await store.listFocusAreas()).find((f) => f.id === id);
  if (focus)
    return { id, name: focus.name, kind: 'focus', geometry: focus.geometry, kelurahanCodes: [focus.kelurahanCode], focusId: focus.id, population: null };
  const kota = (await store.listAreas('kota')).find((k) => k.code === id);
  if (kota) {
    const codes = kelurahan.filter((k) => k.code.startsWith(`${id}.`)).map((k) => k.code);
    return { id, name: kota.name, kind: 'kota', geometry: kota.geometry, kelurahanCodes: codes, focusId: null, population: popOf(codes) };
  }
  throw new NotFoundError(`No briefing area "${id}": use jakarta, a focus area id (e.g. kampung-boncos) or a kota code (e.g. 31.73).`);
}

function inTarget(t: Target, key: string | null): boolean {
  if (key === null) return false;
  return t.focusId !== null ? key === t.focusId : t.kind === 'jakarta' || t.kelurahanCodes.includes(key);
}

function byApproach(rows: GroupCount[] | MonthCount[], pick: (r: GroupCount | MonthCount) => boolean): Record<Approach, number> {
  const out: Record<Approach, number> = { preventive: 0, early_detection: 0, curative: 0, enforcement: 0 };
  for (const r of rows) if (pick(r)) out[approachOf(r.type)] += r.count;
  return out;
}

/** Applies the small-cell rule to approach counts and their total (one additive line). */
function shownLine(counts: Record<Approach, number>, viewer: boolean, k: number): { byApproach: Record<Approach, Shown>; total: Shown } {
  const values = [...APPROACH_KEYS.map((a) => counts[a]), APPROACH_KEYS.reduce((s, a) => s + counts[a], 0)];
  const line: AdditiveLine = { members: APPROACH_KEYS.map((_, i) => i), total: APPROACH_KEYS.length };
  const hidden = viewer ? suppressCells(values, [line], k) : values.map(() => false);
  const byA = Object.fromEntries(APPROACH_KEYS.map((a, i) => [a, hidden[i] ? null : counts[a]])) as Record<Approach, Shown>;
  return { byApproach: byA, total: hidden[APPROACH_KEYS.length] ? null : values[APPROACH_KEYS.length] };
}

export interface BriefingOptions {
  period: Period;
  lang: Lang;
  viewer: boolean;
  minCell: number;
}

export async function briefingFor(store: Store, id: string, o: BriefingOptions) {
  const t = await resolveTarget(store, id);
  const prev = previousPeriod(o.period);
  const types = [...EVENT_TYPES];
  const by = t.focusId !== null ? 'focus' : 'area';
  const [cur, old] = await Promise.all([store.countEvents({ ...o.period, types }, by), store.countEvents({ ...prev, types }, by)]);
  const now = shownLine(
    byApproach(cur, (r) => inTarget(t, 'key' in r ? r.key : null)),
    o.viewer,
    o.minCell,
  );
  const before = shownLine(
    byApproach(old, (r) => inTarget(t, 'key' in r ? r.key : null)),
    o.viewer,
    o.minCell,
  );

  // Rank among peers of the same kind, by total events in the period.
  let rank: BriefingFigures['rank'] = null;
  if (t.kind === 'focus') {
    const totals = new Map<string, number>();
    for (const r of cur) if (r.key !== null) totals.set(r.key, (totals.get(r.key) ?? 0) + r.count);
    const focus = await store.listFocusAreas();
    const mine = totals.get(t.id) ?? 0;
    rank = { rank: 1 + focus.filter((f) => (totals.get(f.id) ?? 0) > mine).length, of: focus.length, among: 'focus' };
  } else if (t.kind === 'kota') {
    const kota = await store.listAreas('kota');
    const totalOf = (code: string) => cur.filter((r) => r.key !== null && r.key.startsWith(`${code}.`)).reduce((s, r) => s + r.count, 0);
    const mine = totalOf(t.id);
    rank = { rank: 1 + kota.filter((k) => totalOf(k.code) > mine).length, of: kota.length, among: 'kota' };
  }

  const where = t.focusId !== null ? { focusAreaId: t.focusId } : t.kind === 'jakarta' ? {} : { areaCodes: t.kelurahanCodes };
  const monthly = await store.countEventsByMonth({ ...o.period, types }, where);
  const trend = monthsOf(o.period).map((month) => ({
    month,
    ...shownLine(
      byApproach(monthly, (r) => 'month' in r && r.month === month),
      o.viewer,
      o.minCell,
    ),
  }));

  const coverage = await coverageFor(store, t, o);
  const facilities = await store.listFacilities();
  const centre = t.geometry ? areaCentroid(t.geometry) : null;
  const loads = new Map(coverage?.loads ?? []);
  const spare = centre
    ? facilities
        .map((f) => ({ name: f.name, km: haversineKm(centre, f.location), spare: (f.capacityPerMonth ?? 0) - (loads.get(f.id) ?? 0), rehab: f.rehab }))
        .filter((f) => f.km <= SPARE_RADIUS_KM && f.spare > 0.5)
        .sort((a, b) => a.km - b.km)
    : [];
  const population = t.population;
  const figures: BriefingFigures = {
    name: t.name,
    from: o.period.from,
    to: o.period.to,
    total: { current: now.total, previous: before.total },
    byApproach: Object.fromEntries(
      APPROACH_KEYS.map((a) => [a, { current: now.byApproach[a], previous: before.byApproach[a] }]),
    ) as BriefingFigures['byApproach'],
    rank,
    coverage: coverage?.summary ?? null,
    spare: spare.map((s) => ({ name: s.name, km: Math.round(s.km * 10) / 10, spare: Math.round(s.spare * 10) / 10 })),
    spareRadiusKm: SPARE_RADIUS_KM,
    minCell: o.minCell,
  };
  const changePct = now.total !== null && before.total !== null && before.total > 0 ? ((now.total - before.total) / before.total) * 100 : null;
  return {
    area: { id: t.id, name: t.name, kind: t.kind, geometry: t.geometry, kelurahanCodes: t.kelurahanCodes },
    period: { ...o.period, days: periodDays(o.period) },
    previousPeriod: prev,
    lang: o.lang,
    suppression: o.viewer ? { k: o.minCell } : null,
    figures: {
      total: now.total,
      previousTotal: before.total,
      changePct,
      byApproach: APPROACH_KEYS.map((a) => ({ approach: a, current: now.byApproach[a], previous: before.byApproach[a] })),
      ratePer10k: now.total !== null && population !== null && population > 0 ? (now.total / population) * 10_000 : null,
      population,
      rank,
    },
    trend,
    coverage: coverage?.detail ?? null,
    spare: figures.spare,
    spareRadiusKm: SPARE_RADIUS_KM,
    sentences: briefingSentences(figures, o.lang),
  };
}

interface PlanRun {
  params: { area: string; basis: string };
  demand: Array<{ id: string; observedCases: number }>;
  facilities: Array<{ id: string; name: string; capacity: number; rehab: boolean; location: [number, number] }>;
  proposedDesignations: string[];
  result: {
    assignments: Array<{ demandId: string; facilityId: string; amount: number }>;
    unmet: Array<{ demandId: string; amount: number }>;
    facilities: Array<{ id: string; load: number; capacity: number }>;
  };
}

/** The latest saved plan whose demand includes this area (for all Jakarta: the latest plan made for all Jakarta). */
async function coverageFor(store: Store, t: Target, o: BriefingOptions) {
  for (const meta of await store.listPlans()) {
    const plan = await store.getPlan(meta.id);
    if (!plan) continue;
    const run: PlanRun = JSON.parse(plan.result);
    if (t.kind === 'jakarta' && run.params.area !== 'jakarta') continue;
    const mine = run.demand.filter((d) => t.kind === 'jakarta' || d.id === t.focusId || t.kelurahanCodes.includes(d.id));
    if (mine.length === 0) continue;
    const ids = new Set(mine.map((d) => d.id));
    // Observed demand is a count of user cases per month: withhold it from viewers when the cases are few.
    const withheld = o.viewer && run.params.basis === 'observed' && mine.reduce((s, d) => s + d.observedCases, 0) < o.minCell;
    const served = run.result.assignments.filter((a) => ids.has(a.demandId));
    const facilityIds = [...new Set(served.map((a) => a.facilityId))];
    const fac = new Map(run.facilities.map((f) => [f.id, f]));
    const load = new Map(run.result.facilities.map((f) => [f.id, f]));
    const proposed = run.proposedDesignations.filter((id) => facilityIds.includes(id));
    const servedSum = served.reduce((s, a) => s + a.amount, 0);
    const unmetSum = run.result.unmet.filter((u) => ids.has(u.demandId)).reduce((s, u) => s + u.amount, 0);
    return {
      loads: run.result.facilities.map((f) => [f.id, f.load] as [string, number]),
      summary: withheld
        ? null
        : { plan: plan.name, version: plan.version, served: servedSum, unmet: unmetSum, facilities: facilityIds.length, proposed: proposed.length },
      detail: {
        plan: { id: plan.id, name: plan.name, version: plan.version, createdAt: plan.createdAt, basis: run.params.basis },
        withheld,
        served: withheld ? null : servedSum,
        unmet: withheld ? null : unmetSum,
        facilities: facilityIds.map((id) => ({
          id,
          name: fac.get(id)?.name ?? id,
          location: fac.get(id)?.location ?? null,
          capacity: load.get(id)?.capacity ?? fac.get(id)?.capacity ?? 0,
          load: withheld ? null : (load.get(id)?.load ?? 0),
          fromArea: withheld ? null : served.filter((a) => a.facilityId === id).reduce((s, a) => s + a.amount, 0),
          rehab: fac.get(id)?.rehab ?? false,
          proposed: proposed.includes(id),
        })),
      },
    };
  }
  return null;
}
