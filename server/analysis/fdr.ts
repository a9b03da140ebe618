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

/** Benjamini–Hochberg at level alpha. NaN p-values count as tests that are never significant. */
export function benjaminiHochberg(p: ArrayLike<number>, alpha: number): FdrResult {
  if (!(alpha > 0 && alpha < 1)) throw new AnalysisInputError('invalid_parameter', `alpha must be between 0 and 1 (exclusive), got ${alpha}.`);
  const n = p.length;
  const sorted = Float64Array.from({ length: n }, (_, i) => (Number.isNaN(p[i]) ? Infinity : p[i])).sort();
  let cutoff = 0;
  let found = false;
  for (let i = n; i >= 1; i--) {
    if (sorted[i - 1] <= (i * alpha) / n) {
      cutoff = sorted[i - 1];
      found = true;
      break;
    }
  }
  const significant = new Uint8Array(n);
  let count = 0;
  if (found) {
    for (let i = 0; i < n; i++) {
      if (p[i] <= cutoff) {
        significant[i] = 1;
        count++;
      }
    }
  }
  return { cutoff, significant, count };
}
