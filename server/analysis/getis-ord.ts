// Getis-Ord Gi* local statistic as a z-score (Ord and Getis, "Local spatial autocorrelation statistics: distributional issues and an application", Geographical Analysis 27, 1995, eq. 9; as ArcGIS Hot Spot Analysis and esda G_Local(star=True)) with normal p-values and ArcGIS-style Gi_Bin classes.
import { AnalysisInputError } from './errors.js';
import { twoSidedP } from './normal.js';
import { finiteMean, populationSd } from './values.js';
import type { SpatialWeights, WeightsTransform } from './weights.js';

export interface GetisOrdOptions {
  /**
   * 'B' (default, the reference case): every neighbour and the unit itself weigh 1.
   * 'R': the unit itself is first given weight 1 next to its neighbours' weights, then the whole
   * row, self included, is divided by its sum (what esda does with star=True, transform='R').
   */
  readonly transform?: WeightsTransform;
}

export interface GiStarResult {
  readonly z: Float64Array;
  readonly p: Float64Array;
}

/**
 * Gi* z-scores and two-sided normal p-values. With x̄ the mean, S = √(Σx²/n − x̄²), and row i of
 * the weights augmented with w_ii = 1 (see `GetisOrdOptions.transform`), W_i = Σ_j w_ij and
 * S1_i = Σ_j w_ij²:  z_i = (Σ_j w_ij x_j − x̄ W_i) / (S √((n S1_i − W_i²)/(n − 1))).
 * A unit whose neighbourhood is every unit has no spread to test and gets z = 0, p = 1.
 */
export function getisOrdStar(values: ArrayLike<number>, w: SpatialWeights, options: GetisOrdOptions = {}): GiStarResult {
  const n = w.n;
  if (values.length !== n) throw new AnalysisInputError('length_mismatch', `Expected ${n} values to match the weights, got ${values.length}.`);
  if (n < 2) throw new AnalysisInputError('too_few_features', `Gi* needs at least 2 units, got ${n}.`);
  const kind = options.transform ?? 'B';

  const mean = finiteMean(values);
  const s = populationSd(values, mean);

  const z = new Float64Array(n);
  const p = new Float64Array(n);
  const { offsets, neighbors, weights } = w;
  for (let i = 0; i < n; i++) {
    const start = offsets[i];
    const end = offsets[i + 1];
    let rowSum = 1;
    if (kind === 'R') for (let t = start; t < end; t++) rowSum += weights[t];
    const scale = kind === 'R' ? 1 / rowSum : 1;
    let lag = values[i] * scale;
    let wSum = scale;
    let wSq = scale * scale;
    for (let t = start; t < end; t++) {
      const wij = kind === 'B' ? 1 : weights[t] * scale;
      lag += wij * values[neighbors[t]];
      wSum += wij;
      wSq += wij * wij;
    }
    const spread = (n * wSq - wSum * wSum) / (n - 1);
    if (spread <= 1e-12 * wSum * wSum) {
      z[i] = 0;
      p[i] = 1;
      continue;
    }
    z[i] = (lag - mean * wSum) / (s * Math.sqrt(spread));
    p[i] = twoSidedP(z[i]);
  }
  return { z, p };
}

export type SpotClass = 'hot' | 'cold' | 'none';
export type Confidence = 99 | 95 | 90;

export interface GiBin {
  /** ArcGIS Gi_Bin: ±3, ±2, ±1 for hot/cold at 99, 95, 90 % confidence, 0 otherwise. */
  readonly bin: -3 | -2 | -1 | 0 | 1 | 2 | 3;
  readonly class: SpotClass;
  readonly confidence: Confidence | null;
}

/**
 * p-value cut-offs for the three confidence levels; `inclusive` means p <= cut-off passes (as for
 * FDR cut-offs, where a negative cut-off stands for "nothing passes").
 */
export interface GiBinLevels {
  readonly p99: number;
  readonly p95: number;
  readonly p90: number;
  readonly inclusive: boolean;
}

export const RAW_LEVELS: GiBinLevels = { p99: 0.01, p95: 0.05, p90: 0.1, inclusive: false };

/** Classifies one Gi* result the way ArcGIS's Gi_Bin does: the sign of z, the strictest level p passes. */
export function giBin(z: number, p: number, levels: GiBinLevels = RAW_LEVELS): GiBin {
  const confidence = giConfidence(p, levels);
  if (confidence === null || z === 0 || Number.isNaN(z)) return NO_BIN;
  return z > 0 ? HOT_BINS[confidence] : COLD_BINS[confidence];
}

/** The strictest level p passes, or null. Called once per unit, so it builds no closure. */
export function giConfidence(p: number, levels: GiBinLevels): Confidence | null {
  if (levels.inclusive) return p <= levels.p99 ? 99 : p <= levels.p95 ? 95 : p <= levels.p90 ? 90 : null;
  return p < levels.p99 ? 99 : p < levels.p95 ? 95 : p < levels.p90 ? 90 : null;
}

const NO_BIN: GiBin = Object.freeze({ bin: 0, class: 'none', confidence: null });
const HOT_BINS: Readonly<Record<Confidence, GiBin>> = {
  99: Object.freeze({ bin: 3, class: 'hot', confidence: 99 }),
  95: Object.freeze({ bin: 2, class: 'hot', confidence: 95 }),
  90: Object.freeze({ bin: 1, class: 'hot', confidence: 90 }),
};
const COLD_BINS: Readonly<Record<Confidence, GiBin>> = {
  99: Object.freeze({ bin: -3, class: 'cold', confidence: 99 }),
  95: Object.freeze({ bin: -2, class: 'cold', confidence: 95 }),
  90: Object.freeze({ bin: -1, class: 'cold', confidence: 90 }),
};
