// Local Moran's I (Anselin, "Local indicators of spatial association—LISA", Geographical Analysis 27, 1995) computed as esda's Moran_Local, with its conditional-permutation pseudo p-values (esda crand).
import { conditionalPValues } from './conditional-permutation.js';
import { AnalysisInputError } from './errors.js';
import { finiteMean, populationSd } from './values.js';
import { transform as transformWeights, type SpatialWeights, type WeightsTransform } from './weights.js';

/** esda quadrants: 1 HH (z > 0, lag > 0), 2 LH (z ≤ 0, lag > 0), 3 LL (z ≤ 0, lag ≤ 0), 4 HL (z > 0, lag ≤ 0). */
export type Quadrant = 'HH' | 'LH' | 'LL' | 'HL';
export const QUADRANTS: readonly Quadrant[] = ['HH', 'LH', 'LL', 'HL'];

export interface LocalMoranOptions {
  /** Conditional permutations per unit; 0 skips inference (pSim is NaN). Default 999. */
  readonly permutations?: number;
  /** Seed of the permutation stream; the same seed gives the same pSim. Default 1. */
  readonly seed?: number;
  /** Applied to the weights before anything else; 'R' (row-standardised) by default, as esda. */
  readonly transform?: WeightsTransform;
}

export interface LocalMoranResult {
  /** I_i = (n − 1) z_i (Wz)_i / Σ z². */
  readonly I: Float64Array;
  /** z_i = (x_i − x̄)/σ with the population σ. */
  readonly z: Float64Array;
  /** The spatial lag (Wz)_i. */
  readonly lag: Float64Array;
  /** 1..4 as `QUADRANTS` (index + 1). */
  readonly quadrant: Uint8Array;
  /** Folded pseudo p-value (M + 1)/(R + 1); 1 for units whose I is 0 under every permutation. */
  readonly pSim: Float64Array;
}

export function quadrantName(code: number): Quadrant {
  return QUADRANTS[code - 1];
}

/**
 * Local Moran's I with conditional randomisation: x_i stays at unit i while its k_i neighbour
 * slots take k_i values drawn without replacement from the other n − 1 units, R times; M counts
 * simulated I ≥ observed I (ties within rounding included), is folded to R − M when that is
 * smaller, and p = (M + 1)/(R + 1); see conditional-permutation.ts.
 *
 * Units without neighbours, or whose value is exactly the mean, have I = 0 under every
 * permutation; esda's rule would then report the most extreme p, so they get p = 1 instead.
 */
export function localMoran(values: ArrayLike<number>, weights: SpatialWeights, options: LocalMoranOptions = {}): LocalMoranResult {
  const n = weights.n;
  if (values.length !== n) throw new AnalysisInputError('length_mismatch', `Expected ${n} values to match the weights, got ${values.length}.`);
  if (n < 3) throw new AnalysisInputError('too_few_features', `Local Moran's I needs at least 3 units, got ${n}.`);
  const permutations = options.permutations ?? 999;
  if (!Number.isInteger(permutations) || permutations < 0) {
    throw new AnalysisInputError('invalid_parameter', `permutations must be a non-negative integer, got ${permutations}.`);
  }
  const w = transformWeights(weights, options.transform ?? 'R');
  const { offsets, neighbors } = w;
  const wts = w.weights;

  const mean = finiteMean(values);
  const sd = populationSd(values, mean);
  const z = new Float64Array(n);
  let den = 0;
  for (let i = 0; i < n; i++) {
    z[i] = (values[i] - mean) / sd;
    den += z[i] * z[i];
  }
  const scaling = (n - 1) / den;

  const I = new Float64Array(n);
  const lag = new Float64Array(n);
  const quadrant = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let l = 0;
    for (let t = offsets[i]; t < offsets[i + 1]; t++) l += wts[t] * z[neighbors[t]];
    lag[i] = l;
    I[i] = z[i] * l * scaling;
    quadrant[i] = z[i] > 0 ? (l > 0 ? 1 : 4) : l > 0 ? 2 : 3;
  }

  const pSim = permutations === 0 ? new Float64Array(n).fill(Number.NaN) : conditionalPValues(z, w, I, scaling, permutations, options.seed ?? 1);
  return { I, z, lag, quadrant, pSim };
}
