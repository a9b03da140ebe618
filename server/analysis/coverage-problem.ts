// Checks a coverage request against the contract of issue 5 and turns it into an indexed problem (sites, allowed pairs, parameters with defaults); every refusal is a CoverageInputError saying what is valid.
import {
  ConflictingLocksError,
  DuplicateIdError,
  InvalidCoverageParameterError,
  InvalidPointError,
  LockedToExcludedError,
  NegativeAmountError,
  OpenCountError,
  ProblemTooLargeError,
  UnknownIdError,
  type CoverageErrorDetail,
} from './coverage-errors.js';
import { allowedPairs, type AllowedPairs, type DemandSite, type FacilitySite } from './coverage-pairs.js';
import { COVERAGE_LIMITS, type CoverageParams, type CoverageRequest, type FeatureId, type PointFeatureInput } from './coverage-types.js';
import type { LngLat } from './geometry.js';

export interface CoverageProblem {
  readonly demand: readonly DemandSite[];
  readonly facilities: readonly FacilitySite[];
  readonly pairs: AllowedPairs;
  readonly params: CoverageParams;
}

const MAX_DETAILS = 20;

function idText(id: FeatureId): string {
  return typeof id === 'number' ? String(id) : id;
}

function isId(id: unknown): id is FeatureId {
  return (typeof id === 'string' && id !== '') || (typeof id === 'number' && Number.isFinite(id));
}

function checkParams(req: CoverageRequest): void {
  const bad = (message: string, path: string) => new InvalidCoverageParameterError(message, [{ path, message }]);
  if (req.objective !== 'min-distance' && req.objective !== 'max-coverage') {
    throw bad(`objective must be "min-distance" or "max-coverage", not ${JSON.stringify(req.objective)}.`, 'objective');
  }
  if (!Number.isFinite(req.maxDistanceKm) || req.maxDistanceKm < 0) {
    throw bad('maxDistanceKm must be a finite number of kilometres ≥ 0.', 'maxDistanceKm');
  }
  const detour = req.detourFactor ?? 1;
  if (!Number.isFinite(detour) || detour < 1 || detour > COVERAGE_LIMITS.maxDetourFactor) {
    throw bad(`detourFactor is road over straight-line distance and must lie in 1..${COVERAGE_LIMITS.maxDetourFactor}.`, 'detourFactor');
  }
  const t = req.timeLimitS ?? COVERAGE_LIMITS.defaultTimeLimitS;
  if (!Number.isFinite(t) || t <= 0 || t > COVERAGE_LIMITS.maxTimeLimitS) {
    throw bad(`timeLimitS must be a number of seconds in (0, ${COVERAGE_LIMITS.maxTimeLimitS}].`, 'timeLimitS');
  }
  if (req.open !== undefined && (!Number.isInteger(req.open) || req.open < 0)) {
    throw bad('open must be a whole number ≥ 0 (how many facilities may be open).', 'open');
  }
}

function checkSizes(req: CoverageRequest): void {
  const nd = req.demand.features.length;
  const nf = req.facilities.features.length;
  if (nd > COVERAGE_LIMITS.maxDemandPoints || nf > COVERAGE_LIMITS.maxFacilities) {
    throw new ProblemTooLargeError(
      'too_many_points',
      `At most ${COVERAGE_LIMITS.maxDemandPoints.toLocaleString('en')} demand points and ${COVERAGE_LIMITS.maxFacilities.toLocaleString('en')} facilities per request; got ${nd.toLocaleString('en')} and ${nf.toLocaleString('en')}.`,
    );
  }
}

/** Reads id, position and amount of each feature, collecting every bad one before refusing. */
function readSites<P extends { readonly id: FeatureId }>(
  features: readonly PointFeatureInput<P>[],
  name: 'demand' | 'facilities',
  amountKey: 'demand' | 'capacity',
  amountOf: (p: P) => number,
): { id: string; at: LngLat; amount: number }[] {
  const geometry: CoverageErrorDetail[] = [];
  const amounts: CoverageErrorDetail[] = [];
  const ids: CoverageErrorDetail[] = [];
  const sites = features.map((f, k) => {
    const c = f.geometry?.type === 'Point' ? f.geometry.coordinates : [];
    const ok = c.length >= 2 && Number.isFinite(c[0]) && Number.isFinite(c[1]) && Math.abs(c[0]) <= 180 && Math.abs(c[1]) <= 90;
    if (!ok) geometry.push({ path: `${name}.features.${k}.geometry`, message: 'must be a Point with [lng, lat], |lng| ≤ 180 and |lat| ≤ 90' });
    const rawId: unknown = f.properties?.id;
    if (!isId(rawId)) ids.push({ path: `${name}.features.${k}.properties.id`, message: 'must be a non-empty string or a finite number' });
    const amount = f.properties ? amountOf(f.properties) : NaN;
    if (!(Number.isFinite(amount) && amount >= 0)) {
      amounts.push({ path: `${name}.features.${k}.properties.${amountKey}`, message: `must be a finite number ≥ 0, got ${String(amount)}` });
    }
    return { id: isId(rawId) ? idText(rawId) : '', at: [c[0], c[1]] as const, amount };
  });
  if (ids.length > 0) throw new InvalidCoverageParameterError(`Every ${name} feature needs properties.id, a non-empty string or a number.`, ids.slice(0, MAX_DETAILS));
  if (geometry.length > 0) throw new InvalidPointError(`${geometry.length} ${name} feature(s) are not valid points; send GeoJSON Points [lng, lat] in WGS84.`, geometry.slice(0, MAX_DETAILS));
  if (amounts.length > 0) throw new NegativeAmountError(`${amountKey} must be a finite number ≥ 0 on every ${name} feature; ${amounts.length} are not.`, amounts.slice(0, MAX_DETAILS));
  const seen = new Map<string, number>();
  const dup: CoverageErrorDetail[] = [];
  sites.forEach((s, k) => {
    const first = seen.get(s.id);
    if (first === undefined) seen.set(s.id, k);
    else dup.push({ path: `${name}.features.${k}.properties.id`, id: s.id, message: `repeats the id of ${name}.features.${first}` });
  });
  if (dup.length > 0) {
    throw new DuplicateIdError(`${name} ids must be unique (7 and "7" count as the same id); ${dup.length} repeat an earlier one.`, dup.slice(0, MAX_DETAILS));
  }
  return sites;
}

function indexOf(sites: readonly { id: string }[]): Map<string, number> {
  return new Map(sites.map((s, k) => [s.id, k]));
}

/** Validates the request and builds the indexed problem the solvers work on. */
export function coverageProblem(req: CoverageRequest): CoverageProblem {
  checkParams(req);
  checkSizes(req);
  const demand: DemandSite[] = readSites(req.demand.features, 'demand', 'demand', (p) => p.demand);
  const facilitySites = readSites(req.facilities.features, 'facilities', 'capacity', (p) => p.capacity);
  const demandIndex = indexOf(demand);
  const facilityIndex = indexOf(facilitySites);

  const exclude = (req.exclude ?? []).map(idText);
  const unknown: CoverageErrorDetail[] = [];
  exclude.forEach((id, k) => {
    if (!facilityIndex.has(id)) unknown.push({ path: `exclude.${k}`, id, message: 'is not the id of any facility in the request' });
  });
  const locks = (req.locks ?? []).map((l) => ({ demandId: idText(l.demandId), facilityId: idText(l.facilityId) }));
  locks.forEach((l, k) => {
    if (!demandIndex.has(l.demandId)) unknown.push({ path: `locks.${k}.demandId`, id: l.demandId, message: 'is not the id of any demand point in the request' });
    if (!facilityIndex.has(l.facilityId)) unknown.push({ path: `locks.${k}.facilityId`, id: l.facilityId, message: 'is not the id of any facility in the request' });
  });
  if (unknown.length > 0) {
    throw new UnknownIdError('Locks and exclusions must name demand points and facilities present in this request.', unknown.slice(0, MAX_DETAILS));
  }

  const excluded = new Set(exclude);
  const lockOf = new Map<number, number>();
  locks.forEach((l, k) => {
    const i = demandIndex.get(l.demandId) ?? -1;
    const j = facilityIndex.get(l.facilityId) ?? -1;
    const prior = lockOf.get(i);
    if (prior !== undefined && prior !== j) {
      throw new ConflictingLocksError(`Demand point "${l.demandId}" is locked to two facilities; lock each demand point to one facility only.`, [
        { path: `locks.${k}`, id: l.demandId, message: `also locked to "${facilitySites[prior].id}"` },
      ]);
    }
    if (excluded.has(l.facilityId)) {
      throw new LockedToExcludedError(`Facility "${l.facilityId}" is both excluded and the target of a lock; drop one of the two.`, [
        { path: `locks.${k}.facilityId`, id: l.facilityId, message: 'is excluded' },
      ]);
    }
    lockOf.set(i, j);
  });

  const facilities: FacilitySite[] = facilitySites.map((s, k) => ({
    id: s.id,
    at: s.at,
    capacity: s.amount,
    designated: req.facilities.features[k].properties.designated === true,
    excluded: excluded.has(s.id),
  }));

  const params: CoverageParams = {
    maxDistanceKm: req.maxDistanceKm,
    detourFactor: req.detourFactor ?? 1,
    objective: req.objective,
    open: req.open ?? null,
    locks: [...new Map(locks.map((l) => [`${l.demandId}\u0000${l.facilityId}`, l])).values()],
    exclude: [...excluded],
    timeLimitS: req.timeLimitS ?? COVERAGE_LIMITS.defaultTimeLimitS,
  };
  if (params.objective === 'max-coverage') checkOpen(params.open, facilities);

  const pairs = allowedPairs(demand, facilities, {
    maxDistanceKm: params.maxDistanceKm,
    detourFactor: params.detourFactor,
    lockOf,
    maxPairs: params.objective === 'max-coverage' ? COVERAGE_LIMITS.maxPairsMip : COVERAGE_LIMITS.maxPairs,
  });
  return { demand, facilities, pairs, params };
}

function checkOpen(open: number | null, facilities: readonly FacilitySite[]): void {
  const designated = facilities.filter((f) => f.designated && !f.excluded).length;
  if (open === null) {
    throw new OpenCountError('open_required', `max-coverage needs "open": how many facilities may be open in total, at least the ${designated} designated (and not excluded) ones.`, [
      { path: 'open', message: 'is required for max-coverage' },
    ]);
  }
  if (open < designated) {
    throw new OpenCountError('open_below_designated', `open is ${open} but ${designated} facilities are designated and not excluded, and they always stay open; ask for open ≥ ${designated}.`, [
      { path: 'open', message: `must be ≥ ${designated}` },
    ]);
  }
}
