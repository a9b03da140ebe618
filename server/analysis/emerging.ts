// Emerging hot spot categories from a location's per-slice Gi* results and the Mann-Kendall trend of its z-scores, following ArcGIS Pro's "How Emerging Hot Spot Analysis works" (https://pro.arcgis.com/en/pro-app/latest/tool-reference/space-time-pattern-mining/learnmoreemerging.htm).
import { AnalysisInputError } from './errors.js';
import { benjaminiHochberg } from './fdr.js';
import { mannKendall, type MannKendallResult } from './mann-kendall.js';

export type EmergingPattern = 'new' | 'consecutive' | 'intensifying' | 'persistent' | 'diminishing' | 'sporadic' | 'oscillating' | 'historical';
export type EmergingSpot = 'hot' | 'cold';
export type EmergingCategory = `${EmergingPattern}_${EmergingSpot}` | 'no_pattern';

export interface EmergingClassification {
  readonly category: EmergingCategory;
  readonly pattern: EmergingPattern | 'none';
  readonly spot: EmergingSpot | 'none';
  /** Mann-Kendall test of the z-score series. */
  readonly trend: MannKendallResult;
  readonly slices: number;
  readonly hotSlices: number;
  readonly coldSlices: number;
}

export interface EmergingOptions {
  /** Significance level of the trend; default 0.05. */
  readonly trendAlpha?: number;
}

/** At least 90 % of the slices, in integers so that 9 of 10 counts exactly. */
const mostly = (count: number, slices: number): boolean => count * 10 >= slices * 9;

/** The pattern of a location whose final slice is a `kind` spot; `isKind`/`isOther` flag the slices of each kind. */
function classifyFinal(kind: EmergingSpot, isKind: boolean[], isOther: boolean[], trendUp: boolean, trendDown: boolean): EmergingPattern {
  const n = isKind.length;
  const count = isKind.filter(Boolean).length;
  const countOther = isOther.filter(Boolean).length;
  // A new spot is significant for the first time in the final slice and never significant
  // otherwise: a prior opposite spot makes it oscillating instead.
  if (count === 1 && countOther === 0) return 'new';
  if (mostly(count, n)) {
    // Stronger clustering means rising z for hot spots and falling z for cold spots.
    if (kind === 'hot' ? trendUp : trendDown) return 'intensifying';
    if (kind === 'hot' ? trendDown : trendUp) return 'diminishing';
    return 'persistent';
  }
  let run = 0;
  while (run < n && isKind[n - 1 - run]) run++;
  // Consecutive: one uninterrupted final run of at least two, nothing significant before it.
  if (run >= 2 && run === count && countOther === 0) return 'consecutive';
  if (countOther > 0) return 'oscillating';
  return 'sporadic';
}

/**
 * The ArcGIS Pro pattern of one location, slices in time order. A slice is a hot (cold) spot
 * when it is significant with z > 0 (z < 0). With h hot slices out of n, the final slice hot:
 * - new: the final slice is the only significant one;
 * - intensifying / diminishing / persistent: h >= 90 % of n, and the Mann-Kendall trend of z is
 *   significantly up / significantly down / not significant;
 * - consecutive: a final run of at least two hot slices, nothing significant before it, h < 90 %;
 * - oscillating: h < 90 % and some earlier slice was a cold spot;
 * - sporadic: h < 90 %, never a cold spot, hot on and off;
 * and with the final slice not significant, historical when h >= 90 % of n. Cold spots mirror
 * this, with intensifying meaning a significant downward trend of z. Where ArcGIS's wording lets
 * two patterns apply (a final cold slice after >= 90 % hot ones is "not hot" yet cold now), the
 * final slice decides: that location is an oscillating cold spot.
 */
export function classifyEmerging(z: ArrayLike<number>, significant: ArrayLike<boolean | number>, options: EmergingOptions = {}): EmergingClassification {
  const n = z.length;
  if (n < 2) throw new AnalysisInputError('too_few_features', `Emerging hot spot analysis needs at least 2 time slices, got ${n}.`);
  if (significant.length !== n) throw new AnalysisInputError('length_mismatch', `Expected ${n} significance flags, one per slice, got ${significant.length}.`);
  const trendAlpha = options.trendAlpha ?? 0.05;
  const sig = Array.from({ length: n }, (_, t) => Boolean(significant[t]));
  const hot = sig.map((s, t) => s && z[t] > 0);
  const cold = sig.map((s, t) => s && z[t] < 0);
  const trend = mannKendall(z);
  const trendSignificant = trend.p < trendAlpha;
  const up = trendSignificant && trend.z > 0;
  const down = trendSignificant && trend.z < 0;
  const hotSlices = hot.filter(Boolean).length;
  const coldSlices = cold.filter(Boolean).length;
  const base = { trend, slices: n, hotSlices, coldSlices };

  const spot: EmergingSpot | null = hot[n - 1] ? 'hot' : cold[n - 1] ? 'cold' : null;
  if (spot !== null) {
    const pattern = spot === 'hot' ? classifyFinal('hot', hot, cold, up, down) : classifyFinal('cold', cold, hot, up, down);
    return { ...base, category: `${pattern}_${spot}`, pattern, spot };
  }
  // Historical: not a spot now, but one in at least 90 % of the slices (the final one excepted).
  if (mostly(hotSlices, n)) return { ...base, category: 'historical_hot', pattern: 'historical', spot: 'hot' };
  if (mostly(coldSlices, n)) return { ...base, category: 'historical_cold', pattern: 'historical', spot: 'cold' };
  return { ...base, category: 'no_pattern', pattern: 'none', spot: 'none' };
}

export interface EmergingSlice {
  /** Gi* z per location, in the order of `ids`. */
  readonly z: ArrayLike<number>;
  /** Gi* p per location, in the order of `ids`. */
  readonly p: ArrayLike<number>;
}

export interface EmergingInput {
  readonly ids: readonly string[];
  /** Time slices in order, oldest first. */
  readonly slices: readonly EmergingSlice[];
  /** Bin significance level; default 0.05. */
  readonly alpha?: number;
  /** Benjamini–Hochberg within each slice (as ArcGIS's FDR correction) instead of p < alpha. */
  readonly fdr?: boolean;
  readonly trendAlpha?: number;
}

export interface EmergingRecord extends EmergingClassification {
  readonly id: string;
}

/** Classifies every location of a space-time series of Gi* results. */
export function emergingHotSpots(input: EmergingInput): EmergingRecord[] {
  const { ids, slices } = input;
  const alpha = input.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw new AnalysisInputError('invalid_parameter', `alpha must be between 0 and 1 (exclusive), got ${alpha}.`);
  for (const slice of slices) {
    if (slice.z.length !== ids.length || slice.p.length !== ids.length) {
      throw new AnalysisInputError('length_mismatch', `Every slice needs one z and one p per id (${ids.length}).`);
    }
  }
  const flags = slices.map((slice) =>
    input.fdr === true ? benjaminiHochberg(slice.p, alpha).significant : Uint8Array.from({ length: ids.length }, (_, i) => (slice.p[i] < alpha ? 1 : 0)),
  );
  return ids.map((id, i) => {
    const z = Float64Array.from(slices, (s) => s.z[i]);
    const sig = Uint8Array.from(flags, (f) => f[i]);
    return { id, ...classifyEmerging(z, sig, { trendAlpha: input.trendAlpha }) };
  });
}
