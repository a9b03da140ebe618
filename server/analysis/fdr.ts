// False discovery rate control by the Benjamini–Hochberg step-up procedure (Benjamini and Hochberg, "Controlling the false discovery rate", JRSS B 57, 1995).
import { AnalysisInputError } from './errors.js';

export interface FdrResult {
  /** The largest p_(i) with p_(i) <= i·alpha/n, or 0 when there is none. */
  readonly cutoff: number;
  /** 1 where p <= cutoff (and a cutoff exists), else 0; in input order. */
  readonly significant: Uint8Array;
  /** How many tests are significant. */
  readonly count: number;
}

/** The p-values ascending, NaN (never significant) counted as +∞; sort once to ask `bhCutoff` at several levels. */
export function sortedPValues(p: ArrayLike<number>): Float64Array {
  const sorted = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) sorted[i] = Number.isNaN(p[i]) ? Infinity : p[i];
  return sorted.sort();
}

/** The Benjamini–Hochberg cutoff at level alpha from `sortedPValues`: the largest p_(i) <= i·alpha/n, or null when there is none. */
export function bhCutoff(sorted: Float64Array, alpha: number): number | null {
  if (!(alpha > 0 && alpha < 1)) throw new AnalysisInputError('invalid_parameter', `alpha must be between 0 and 1 (exclusive), got ${alpha}.`);
  const n = sorted.length;
  for (let i = n; i >= 1; i--) if (sorted[i - 1] <= (i * alpha) / n) return sorted[i - 1];
  return null;
}

/** Benjamini–Hochberg at level alpha. NaN p-values count as tests that are never significant. */
export function benjaminiHochberg(p: ArrayLike<number>, alpha: number, sorted: Float64Array = sortedPValues(p)): FdrResult {
  const found = bhCutoff(sorted, alpha);
  const n = p.length;
  const significant = new Uint8Array(n);
  let count = 0;
  if (found !== null) {
    for (let i = 0; i < n; i++) {
      if (p[i] <= found) {
        significant[i] = 1;
        count++;
      }
    }
  }
  return { cutoff: found ?? 0, significant, count };
}
