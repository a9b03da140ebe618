// The demand–facility pairs a coverage solution may use: great-circle km (haversine, radius 6371.0088) × detour factor within the cap, or the locked facility at any distance; a latitude band prunes the search because |Δφ|·R never exceeds the great-circle distance.
import { ProblemTooLargeError } from './coverage-errors.js';
import { EARTH_RADIUS_KM, haversineRadKm } from './haversine.js';
import type { LngLat } from './geometry.js';

export interface DemandSite {
  readonly id: string;
  readonly at: LngLat;
  readonly amount: number;
}

export interface FacilitySite {
  readonly id: string;
  readonly at: LngLat;
  readonly capacity: number;
  readonly designated: boolean;
  readonly excluded: boolean;
}

/**
 * Allowed pairs grouped by demand point (`start[i]..start[i+1]`), as typed arrays rather than
 * records because the solvers walk millions of them.
 */
export interface AllowedPairs {
  readonly count: number;
  readonly start: Int32Array;
  readonly demand: Int32Array;
  readonly facility: Int32Array;
  readonly km: Float64Array;
}

export interface PairRules {
  readonly maxDistanceKm: number;
  readonly detourFactor: number;
  /** Demand index → the only facility index it may use. */
  readonly lockOf: ReadonlyMap<number, number>;
  readonly maxPairs: number;
}

const RAD = Math.PI / 180;

class PairBuffer {
  demand = new Int32Array(1024);
  facility = new Int32Array(1024);
  km = new Float64Array(1024);
  count = 0;
  constructor(readonly limit: number) {}

  push(i: number, j: number, km: number): void {
    if (this.count === this.limit) {
      throw new ProblemTooLargeError(
        'too_many_pairs',
        `More than ${this.limit.toLocaleString('en')} demand–facility pairs lie within maxDistanceKm; lower maxDistanceKm or send fewer points (split the area).`,
      );
    }
    if (this.count === this.demand.length) this.grow();
    this.demand[this.count] = i;
    this.facility[this.count] = j;
    this.km[this.count] = km;
    this.count++;
  }

  private grow(): void {
    const size = this.demand.length * 2;
    const demand = new Int32Array(size);
    const facility = new Int32Array(size);
    const km = new Float64Array(size);
    demand.set(this.demand);
    facility.set(this.facility);
    km.set(this.km);
    this.demand = demand;
    this.facility = facility;
    this.km = km;
  }
}

/** Road-distance estimate in km between a demand point and a facility, as the contract defines it. */
export function pairDistanceKm(a: LngLat, b: LngLat, detourFactor: number): number {
  const lat1 = a[1] * RAD;
  const lat2 = b[1] * RAD;
  return haversineRadKm(lat1, a[0] * RAD, Math.cos(lat1), lat2, b[0] * RAD, Math.cos(lat2)) * detourFactor;
}

/**
 * Every pair a solution may use. Excluded facilities and zero-capacity ones get none, nor do
 * demand points with zero demand: none of them can carry flow.
 */
export function allowedPairs(demand: readonly DemandSite[], facilities: readonly FacilitySite[], rules: PairRules): AllowedPairs {
  const usable = facilities.flatMap((f, j) => (f.excluded || f.capacity <= 0 ? [] : [j]));
  usable.sort((a, b) => facilities[a].at[1] - facilities[b].at[1]);
  const lat = usable.map((j) => facilities[j].at[1]);
  const lngRad = usable.map((j) => facilities[j].at[0] * RAD);
  const latRad = lat.map((v) => v * RAD);
  const cosLat = latRad.map(Math.cos);
  // A slightly widened band: pruning must never drop a pair the exact test would keep.
  const bandDeg = ((rules.maxDistanceKm / rules.detourFactor / EARTH_RADIUS_KM) / RAD) * (1 + 1e-9) + 1e-9;

  const out = new PairBuffer(rules.maxPairs);
  const start = new Int32Array(demand.length + 1);
  demand.forEach((d, i) => {
    start[i] = out.count;
    if (d.amount <= 0) return;
    const locked = rules.lockOf.get(i);
    if (locked !== undefined) {
      if (!facilities[locked].excluded && facilities[locked].capacity > 0) out.push(i, locked, pairDistanceKm(d.at, facilities[locked].at, rules.detourFactor));
      return;
    }
    const lat1 = d.at[1] * RAD;
    const lng1 = d.at[0] * RAD;
    const cos1 = Math.cos(lat1);
    for (let k = lowerBound(lat, d.at[1] - bandDeg); k < lat.length && lat[k] <= d.at[1] + bandDeg; k++) {
      const km = haversineRadKm(lat1, lng1, cos1, latRad[k], lngRad[k], cosLat[k]) * rules.detourFactor;
      if (km <= rules.maxDistanceKm) out.push(i, usable[k], km);
    }
  });
  start[demand.length] = out.count;
  return {
    count: out.count,
    start,
    demand: out.demand.slice(0, out.count),
    facility: out.facility.slice(0, out.count),
    km: out.km.slice(0, out.count),
  };
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
