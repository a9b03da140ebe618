// Mann-Kendall trend test (Mann, Econometrica 13, 1945; Kendall, "Rank Correlation Methods", 1975): S, its variance with the ties correction, the continuity-corrected z, a two-sided normal p-value and Kendall's tau-b against time.
import { twoSidedP } from './normal.js';

export interface MannKendallResult {
  readonly n: number;
  /** S = Σ_{i<j} sign(x_j − x_i). */
  readonly s: number;
  /** Var(S) = [n(n−1)(2n+5) − Σ_t t(t−1)(2t+5)]/18 over groups of t tied values. */
  readonly variance: number;
  /** (S − 1)/√Var for S > 0, (S + 1)/√Var for S < 0, else 0. */
  readonly z: number;
  readonly p: number;
  /** S/√(n₀(n₀ − n₁)) with n₀ = n(n−1)/2 and n₁ = Σ_t t(t−1)/2 (time has no ties). */
  readonly tau: number;
}

/** The trend test of a series in time order; fewer than 3 values, or no variation, give z = 0 and p = 1. */
export function mannKendall(series: ArrayLike<number>): MannKendallResult {
  const n = series.length;
  let s = 0;
  for (let i = 0; i < n - 1; i++) {
    for (let j = i + 1; j < n; j++) s += Math.sign(series[j] - series[i]);
  }
  const sorted = Float64Array.from(series).sort();
  let tieTerm = 0;
  let tiedPairs = 0;
  for (let a = 0; a < n; ) {
    let b = a + 1;
    while (b < n && sorted[b] === sorted[a]) b++;
    const t = b - a;
    tieTerm += t * (t - 1) * (2 * t + 5);
    tiedPairs += (t * (t - 1)) / 2;
    a = b;
  }
  const variance = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  const pairs = (n * (n - 1)) / 2;
  if (n < 3 || variance <= 0) return { n, s, variance: Math.max(variance, 0), z: 0, p: 1, tau: 0 };
  const z = s > 0 ? (s - 1) / Math.sqrt(variance) : s < 0 ? (s + 1) / Math.sqrt(variance) : 0;
  return { n, s, variance, z, p: twoSidedP(z), tau: s / Math.sqrt(pairs * (pairs - tiedPairs)) };
}
