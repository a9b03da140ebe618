// Choropleth classification into at most k classes by quantiles or Jenks natural breaks, for display only.
import type { Classification } from '../view-state';

export interface Classes {
  /** Lower bounds of classes 1..n-1, strictly increasing; a value v is in class count(t <= v). */
  thresholds: number[];
  min: number;
  max: number;
}

/** Quantile p of sorted values by linear interpolation between order statistics (Hyndman & Fan 1996, type 7; R's default). */
export function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

function quantileThresholds(sorted: readonly number[], k: number): number[] {
  return Array.from({ length: k - 1 }, (_, i) => quantile(sorted, (i + 1) / k));
}

/**
 * Jenks natural breaks: the partition of sorted values into k contiguous classes minimising the total within-class
 * sum of squared deviations (Jenks 1967), by dynamic programming. Returns the first value of classes 2..k.
 */
export function jenksThresholds(sorted: readonly number[], k: number): number[] {
  const n = sorted.length;
  if (n <= k) return sorted.slice(1);
  const prefix = [0];
  const prefixSq = [0];
  for (const v of sorted) {
    prefix.push(prefix[prefix.length - 1] + v);
    prefixSq.push(prefixSq[prefixSq.length - 1] + v * v);
  }
  // Sum of squared deviations of sorted[i..j] inclusive.
  const ssd = (i: number, j: number): number => {
    const s = prefix[j + 1] - prefix[i];
    return prefixSq[j + 1] - prefixSq[i] - (s * s) / (j - i + 1);
  };
  // cost[c][j]: best cost of splitting sorted[0..j] into c+1 classes; start[c][j]: first index of the last class.
  const cost: number[][] = [sorted.map((_, j) => ssd(0, j))];
  const start: number[][] = [sorted.map(() => 0)];
  for (let c = 1; c < k; c++) {
    cost.push(new Array<number>(n).fill(Infinity));
    start.push(new Array<number>(n).fill(0));
    for (let j = c; j < n; j++) {
      for (let i = c; i <= j; i++) {
        const candidate = cost[c - 1][i - 1] + ssd(i, j);
        if (candidate < cost[c][j]) {
          cost[c][j] = candidate;
          start[c][j] = i;
        }
      }
    }
  }
  const firsts: number[] = [];
  let end = n - 1;
  for (let c = k - 1; c >= 1; c--) {
    const i = start[c][end];
    firsts.unshift(sorted[i]);
    end = i - 1;
  }
  return firsts;
}

/** Classes for the finite values given; equal thresholds merge, so fewer than k classes appear when values repeat. */
export function classify(values: readonly number[], method: Classification, k = 5): Classes | null {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  const raw = method === 'quantile' ? quantileThresholds(sorted, k) : jenksThresholds(sorted, k);
  const thresholds = [...new Set(raw)].filter((t) => t > min && t <= max).sort((a, b) => a - b);
  return { thresholds, min, max };
}

export function classOf(classes: Classes, value: number): number {
  let c = 0;
  for (const t of classes.thresholds) if (value >= t) c += 1;
  return c;
}

export function classCount(classes: Classes): number {
  return classes.thresholds.length + 1;
}
