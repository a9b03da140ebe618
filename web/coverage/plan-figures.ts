// Pure: the figures the coverage panel shows for a run or saved plan — served and unmet demand, mean distance, capacity used per puskesmas, two plans side by side, and the plan's extent on the map.
import type { CoverageRun, PlanDetail } from '../api';

export interface PlanFigures {
  /** Clients per month in the plan's areas. */
  total: number;
  served: number;
  unmet: number;
  /** served / total, 0 when there is no demand. */
  servedShare: number;
  /** Mean distance per client served (detour included); null when nobody is served. */
  meanKm: number | null;
  /** Puskesmas with clients assigned. */
  used: number;
  /** Puskesmas the plan opens that are not designated for rehab yet. */
  proposed: number;
  optimal: boolean;
  gap: number | null;
}

export function planFigures(run: CoverageRun): PlanFigures {
  const r = run.result;
  const unmet = Math.max(0, r.totalDemand - r.servedDemand);
  return {
    total: r.totalDemand,
    served: r.servedDemand,
    unmet: Math.round(unmet * 1000) / 1000,
    servedShare: r.totalDemand > 0 ? r.servedDemand / r.totalDemand : 0,
    meanKm: r.servedDemand > 0 ? r.weightedDistanceKm / r.servedDemand : null,
    used: r.facilities.filter((f) => f.load > 0).length,
    proposed: run.proposedDesignations.length,
    optimal: r.optimal,
    gap: typeof r.gap === 'number' ? r.gap : null,
  };
}

export interface UtilisationBar {
  id: string;
  name: string;
  load: number;
  capacity: number;
  /** load / capacity (1 when a puskesmas without capacity on record has load). */
  share: number;
  proposed: boolean;
}

function shareOfCapacity(load: number, capacity: number): number {
  if (capacity > 0) return load / capacity;
  return load > 0 ? 1 : 0;
}

/** Capacity used per puskesmas serving clients in the plan, busiest first. */
export function utilisation(run: CoverageRun): UtilisationBar[] {
  const names = new Map(run.facilities.map((f) => [f.id, f.name]));
  const proposed = new Set(run.proposedDesignations);
  return run.result.facilities
    .filter((f) => f.load > 0)
    .map((f) => ({
      id: f.id,
      name: names.get(f.id) ?? f.id,
      load: f.load,
      capacity: f.capacity,
      share: shareOfCapacity(f.load, f.capacity),
      proposed: proposed.has(f.id),
    }))
    .sort((a, b) => b.share - a.share || b.load - a.load || a.name.localeCompare(b.name));
}

export interface UnmetArea {
  id: string;
  name: string;
  unmet: number;
  demand: number;
}

/** Areas with demand left unserved, most first. */
export function unmetAreas(run: CoverageRun): UnmetArea[] {
  const byId = new Map(run.demand.map((d) => [d.id, d]));
  return run.result.unmet
    .filter((u) => u.amount > 1e-9)
    .map((u) => ({ id: u.demandId, name: byId.get(u.demandId)?.name ?? u.demandId, unmet: u.amount, demand: byId.get(u.demandId)?.demand ?? 0 }))
    .sort((a, b) => b.unmet - a.unmet || a.name.localeCompare(b.name));
}

export interface ComparedValue {
  id: string;
  name: string;
  a: number | null;
  b: number | null;
}

export interface PlanComparison {
  a: PlanFigures;
  b: PlanFigures;
  /** Load (clients/month) per puskesmas either plan uses; null where a plan does not use it. */
  facilities: ComparedValue[];
}

function loadsOf(run: CoverageRun): Map<string, number> {
  return new Map(run.result.facilities.filter((f) => f.load > 0).map((f) => [f.id, f.load]));
}

/** Two saved plans side by side: their figures and the load of each puskesmas either uses, busiest first. */
export function comparePlans(a: PlanDetail, b: PlanDetail): PlanComparison {
  const loadA = loadsOf(a.run);
  const loadB = loadsOf(b.run);
  const names = new Map([...b.run.facilities, ...a.run.facilities].map((f) => [f.id, f.name]));
  const ids = [...new Set([...loadA.keys(), ...loadB.keys()])];
  const facilities = ids
    .map((id) => ({ id, name: names.get(id) ?? id, a: loadA.get(id) ?? null, b: loadB.get(id) ?? null }))
    .sort((x, y) => Math.max(y.a ?? 0, y.b ?? 0) - Math.max(x.a ?? 0, x.b ?? 0) || x.name.localeCompare(y.name));
  return { a: planFigures(a.run), b: planFigures(b.run), facilities };
}

export type LngLatBounds = [[number, number], [number, number]];

/** The box around the plan's demand areas and the puskesmas serving them; null for an empty plan. */
export function planBounds(run: CoverageRun): LngLatBounds | null {
  const serving = new Set(run.result.assignments.filter((a) => a.amount > 0).map((a) => a.facilityId));
  const points: [number, number][] = [...run.demand.map((d) => d.location), ...run.facilities.filter((f) => serving.has(f.id)).map((f) => f.location)];
  if (points.length === 0) return null;
  let [minLon, minLat] = points[0];
  let [maxLon, maxLat] = points[0];
  for (const [lon, lat] of points) {
    minLon = Math.min(minLon, lon);
    minLat = Math.min(minLat, lat);
    maxLon = Math.max(maxLon, lon);
    maxLat = Math.max(maxLat, lat);
  }
  return [
    [minLon, minLat],
    [maxLon, maxLat],
  ];
}
