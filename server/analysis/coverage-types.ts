// Request, result and limits of capacitated coverage analysis (the service contract of issue 5: transportation problem and capacitated MCLP, Church and ReVelle 1974; Current and Storbeck 1988).

export type CoverageObjective = 'min-distance' | 'max-coverage';
export type FeatureId = string | number;

/** A GeoJSON Point feature as the caller sends it; only the listed properties are read. */
export interface PointFeatureInput<P> {
  readonly geometry: { readonly type: 'Point'; readonly coordinates: readonly number[] };
  readonly properties: P;
}

export interface DemandPropertiesInput {
  readonly id: FeatureId;
  /** People (or cases) per period needing a place; any non-negative real. */
  readonly demand: number;
}

export interface FacilityPropertiesInput {
  readonly id: FeatureId;
  /** Clients per period the facility can take; any non-negative real. */
  readonly capacity: number;
  /** Already designated for rehab: max-coverage always keeps it open. */
  readonly designated?: boolean;
}

export interface LockInput {
  readonly demandId: FeatureId;
  readonly facilityId: FeatureId;
}

export interface CoverageRequest {
  readonly demand: { readonly features: readonly PointFeatureInput<DemandPropertiesInput>[] };
  readonly facilities: { readonly features: readonly PointFeatureInput<FacilityPropertiesInput>[] };
  /** Longest usable trip, in km after the detour factor; a lock ignores it. */
  readonly maxDistanceKm: number;
  /** Road distance over great-circle distance; default 1. */
  readonly detourFactor?: number;
  readonly objective: CoverageObjective;
  /** max-coverage: most facilities open, designated ones included. Ignored by min-distance. */
  readonly open?: number;
  /** Demand points served only by the named facility, at any distance. */
  readonly locks?: readonly LockInput[];
  /** Facilities closed whatever else the request says. */
  readonly exclude?: readonly FeatureId[];
  /** max-coverage: wall-clock budget of the MIP; default 30 s. */
  readonly timeLimitS?: number;
}

/** The request's parameters with every default filled in, echoed in the result. */
export interface CoverageParams {
  readonly maxDistanceKm: number;
  readonly detourFactor: number;
  readonly objective: CoverageObjective;
  readonly open: number | null;
  readonly locks: readonly { readonly demandId: string; readonly facilityId: string }[];
  readonly exclude: readonly string[];
  readonly timeLimitS: number;
}

export interface CoverageAssignment {
  readonly demandId: string;
  readonly facilityId: string;
  readonly amount: number;
  readonly distanceKm: number;
}

export interface CoverageUnmet {
  readonly demandId: string;
  readonly amount: number;
}

export interface CoverageFacilityLoad {
  readonly id: string;
  /** min-distance: not excluded; max-coverage: designated or chosen (a chosen facility always carries load). */
  readonly open: boolean;
  readonly load: number;
  readonly capacity: number;
}

export interface CoverageResult {
  readonly assignments: CoverageAssignment[];
  /** Demand points with some demand left unserved, and how much. */
  readonly unmet: CoverageUnmet[];
  /** Every facility of the request, in request order. */
  readonly facilities: CoverageFacilityLoad[];
  readonly totalDemand: number;
  readonly servedDemand: number;
  /** Σ amount × distanceKm over the assignments. */
  readonly weightedDistanceKm: number;
  /** True when both levels of the objective are proven optimal. */
  readonly optimal: boolean;
  /** Proven relative gap of the level named by `gapOf` (0 when optimal). */
  readonly gap: number;
  /** Which level the gap bounds: served demand if the first level was not proven, else weighted distance. */
  readonly gapOf: 'servedDemand' | 'weightedDistanceKm';
  readonly solver: string;
  readonly params: CoverageParams;
}

/** Documented limits; larger requests are refused rather than left to exhaust memory or the clock. */
export const COVERAGE_LIMITS = {
  maxDemandPoints: 20_000,
  maxFacilities: 5_000,
  /** Allowed demand–facility pairs (after the distance cap) for min-distance. */
  maxPairs: 2_000_000,
  /** Allowed pairs for max-coverage, whose MIP grows with two rows per pair. */
  maxPairsMip: 200_000,
  maxTimeLimitS: 300,
  defaultTimeLimitS: 30,
  maxDetourFactor: 10,
} as const;
