// One entry point for hot spot analysis: validates the input, builds or checks the spatial weights, runs Gi* (Ord and Getis 1995) or Local Moran's I (Anselin 1995), applies Benjamini–Hochberg if asked, and returns one named record per input unit in input order.
import { queenWeights, rookWeights } from './contiguity-weights.js';
import { distanceWeights, knnWeights } from './distance-weights.js';
import { AnalysisInputError } from './errors.js';
import { benjaminiHochberg, bhCutoff, sortedPValues } from './fdr.js';
import type { AreaGeometry, SiteGeometry } from './geometry.js';
import { getisOrdStar, giConfidence, RAW_LEVELS, type Confidence, type GiBinLevels, type SpotClass } from './getis-ord.js';
import { kringWeights } from './kring-weights.js';
import { localMoran, quadrantName, type Quadrant } from './local-moran.js';
import { assertUniqueIds, assertWeightsMatch, islands, meanNeighbors, type SpatialWeights, type WeightsTransform } from './weights.js';

/** Fewest units either statistic is run on; below this a "hot spot" says nothing. */
export const MIN_FEATURES = 3;
export const MAX_PERMUTATIONS = 99_999;

/** How to relate units when the caller has no weights of its own; geometries align with `ids`. */
export type WeightsSpec =
  | { readonly type: 'kring'; readonly k?: number }
  | { readonly type: 'knn'; readonly k: number; readonly geometries: readonly SiteGeometry[] }
  | { readonly type: 'distance'; readonly thresholdKm: number; readonly geometries: readonly SiteGeometry[] }
  | { readonly type: 'queen' | 'rook'; readonly geometries: readonly AreaGeometry[]; readonly precision?: number };

export type HotspotMethod = 'gistar' | 'lisa';

export interface HotspotInput {
  readonly ids: readonly string[];
  readonly values: ArrayLike<number>;
  /** A spec to build weights from (for 'kring' the ids are H3 cells), or weights built earlier for exactly these ids. */
  readonly weights: WeightsSpec | SpatialWeights;
  readonly method: HotspotMethod;
  /** LISA conditional permutations; default 999. */
  readonly permutations?: number;
  /** LISA permutation seed; default 1, so results are reproducible unless a caller varies it. */
  readonly seed?: number;
  /** Significance level; default 0.05. Without FDR a unit is significant when p < alpha. */
  readonly alpha?: number;
  /** Benjamini–Hochberg at alpha: significant when p <= the FDR cutoff. Default false. */
  readonly fdr?: boolean;
  /** Default 'B' for Gi* (self weight 1, see getis-ord.ts) and 'R' for LISA. */
  readonly transform?: WeightsTransform;
}

export interface GiStarRecord {
  readonly id: string;
  readonly value: number;
  readonly z: number;
  readonly p: number;
  readonly significant: boolean;
  /** 'hot' or 'cold' by the sign of z when the Gi_Bin confidence is 90 % or more, else 'none'. */
  readonly class: SpotClass;
  /** The strictest ArcGIS Gi_Bin level (99/95/90 %) p passes, FDR-adjusted when fdr is on; independent of alpha. */
  readonly confidence: Confidence | null;
}

export interface LisaRecord {
  readonly id: string;
  readonly value: number;
  readonly I: number;
  readonly quadrant: Quadrant;
  readonly pSim: number;
  readonly significant: boolean;
  /** The quadrant when significant, else 'none'. */
  readonly class: Quadrant | 'none';
}

export interface WeightsSummary {
  readonly n: number;
  /** Ids of units without neighbours. */
  readonly islands: string[];
  readonly meanNeighbors: number;
}

interface AnalysisCommon {
  readonly weights: WeightsSummary;
  readonly alpha: number;
  /** Present when fdr is on: the Benjamini–Hochberg p cutoff at alpha (0 when nothing is significant). */
  readonly fdrCutoff?: number;
}
export interface GiStarAnalysis extends AnalysisCommon {
  readonly method: 'gistar';
  readonly features: GiStarRecord[];
}
export interface LisaAnalysis extends AnalysisCommon {
  readonly method: 'lisa';
  readonly permutations: number;
  readonly seed: number;
  readonly features: LisaRecord[];
}
export type HotspotAnalysis = GiStarAnalysis | LisaAnalysis;

function isSpatialWeights(w: WeightsSpec | SpatialWeights): w is SpatialWeights {
  return 'offsets' in w;
}

function buildWeights(ids: readonly string[], spec: WeightsSpec): SpatialWeights {
  if (spec.type === 'kring') return kringWeights(ids, spec.k ?? 1);
  if (spec.geometries.length !== ids.length) {
    throw new AnalysisInputError('length_mismatch', `Expected one geometry per id (${ids.length}), got ${spec.geometries.length}.`);
  }
  const sites = <G>(geometries: readonly G[]): Array<{ id: string; geometry: G }> => geometries.map((geometry, i) => ({ id: ids[i], geometry }));
  switch (spec.type) {
    case 'knn':
      return knnWeights(sites(spec.geometries), spec.k);
    case 'distance':
      return distanceWeights(sites(spec.geometries), spec.thresholdKm);
    case 'queen':
      return queenWeights(sites(spec.geometries), { precision: spec.precision });
    case 'rook':
      return rookWeights(sites(spec.geometries), { precision: spec.precision });
  }
}

function validate(input: HotspotInput): { alpha: number; permutations: number; seed: number } {
  const { ids, values } = input;
  if (values.length !== ids.length) throw new AnalysisInputError('length_mismatch', `Expected one value per id (${ids.length}), got ${values.length}.`);
  assertUniqueIds(ids);
  if (ids.length < MIN_FEATURES) {
    throw new AnalysisInputError('too_few_features', `Hot spot analysis needs at least ${MIN_FEATURES} features, got ${ids.length}.`);
  }
  for (let i = 0; i < values.length; i++) {
    if (typeof values[i] !== 'number' || !Number.isFinite(values[i])) {
      throw new AnalysisInputError('non_numeric_value', `Feature "${ids[i]}" has value ${String(values[i])}; every value must be a finite number.`, [{ id: ids[i] }]);
    }
  }
  const alpha = input.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw new AnalysisInputError('invalid_parameter', `alpha must be between 0 and 1 (exclusive), got ${alpha}.`);
  const permutations = input.permutations ?? 999;
  if (!Number.isInteger(permutations) || permutations < 1 || permutations > MAX_PERMUTATIONS) {
    throw new AnalysisInputError('invalid_parameter', `permutations must be an integer from 1 to ${MAX_PERMUTATIONS}, got ${permutations}.`);
  }
  const seed = input.seed ?? 1;
  if (!Number.isInteger(seed)) throw new AnalysisInputError('invalid_parameter', `seed must be an integer, got ${seed}.`);
  return { alpha, permutations, seed };
}

/** Runs the chosen statistic; throws `AnalysisInputError` (see errors.ts) for anything the caller must fix. */
export function hotspotAnalysis(input: HotspotInput & { readonly method: 'gistar' }): GiStarAnalysis;
export function hotspotAnalysis(input: HotspotInput & { readonly method: 'lisa' }): LisaAnalysis;
export function hotspotAnalysis(input: HotspotInput): HotspotAnalysis;
export function hotspotAnalysis(input: HotspotInput): HotspotAnalysis {
  const { alpha, permutations, seed } = validate(input);
  const { ids, values } = input;
  let w: SpatialWeights;
  if (isSpatialWeights(input.weights)) {
    w = input.weights;
    assertWeightsMatch(w, ids);
  } else {
    w = buildWeights(ids, input.weights);
  }
  const summary: WeightsSummary = { n: w.n, islands: islands(w), meanNeighbors: meanNeighbors(w) };
  const fdr = input.fdr ?? false;

  if (input.method === 'gistar') {
    const { z, p } = getisOrdStar(values, w, { transform: input.transform ?? 'B' });
    const sorted = fdr ? sortedPValues(p) : null;
    const bh = sorted !== null ? benjaminiHochberg(p, alpha, sorted) : null;
    const fdrCut = (s: Float64Array, level: number): number => bhCutoff(s, level) ?? -1;
    const levels: GiBinLevels = sorted !== null ? { p99: fdrCut(sorted, 0.01), p95: fdrCut(sorted, 0.05), p90: fdrCut(sorted, 0.1), inclusive: true } : RAW_LEVELS;
    const features = ids.map((id, i): GiStarRecord => {
      const significant = bh !== null ? bh.significant[i] === 1 : p[i] < alpha;
      // The class is ArcGIS's Gi_Bin (hot or cold at 99, 95 or 90 % confidence), independent of alpha;
      // `significant` answers the caller's alpha (or the FDR cutoff).
      const passed = giConfidence(p[i], levels);
      const confidence = z[i] === 0 || Number.isNaN(z[i]) ? null : passed;
      const spot: SpotClass = confidence === null ? 'none' : z[i] > 0 ? 'hot' : 'cold';
      return { id, value: values[i], z: z[i], p: p[i], significant, class: spot, confidence };
    });
    return { method: 'gistar', features, weights: summary, alpha, ...(bh !== null ? { fdrCutoff: bh.cutoff } : {}) };
  }

  const lisa = localMoran(values, w, { permutations, seed, transform: input.transform ?? 'R' });
  const bh = fdr ? benjaminiHochberg(lisa.pSim, alpha) : null;
  const features = ids.map((id, i): LisaRecord => {
    const significant = bh !== null ? bh.significant[i] === 1 : lisa.pSim[i] < alpha;
    const quadrant = quadrantName(lisa.quadrant[i]);
    return { id, value: values[i], I: lisa.I[i], quadrant, pSim: lisa.pSim[i], significant, class: significant ? quadrant : 'none' };
  });
  return { method: 'lisa', permutations, seed, features, weights: summary, alpha, ...(bh !== null ? { fdrCutoff: bh.cutoff } : {}) };
}
