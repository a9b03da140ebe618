// Times the hot spot statistics end to end (k-ring weights, Gi*, Local Moran with 999 permutations) on 10,000 resolution-9 and 100,000 resolution-10 H3 cells around central Jakarta; the median of several runs after a warm-up.
import { gridDiskDistances, latLngToCell } from 'h3-js';
import { hotspotAnalysis } from '../server/analysis/hotspot-analysis.js';
import { kringWeights } from '../server/analysis/kring-weights.js';
import { createRandom } from '../server/analysis/random.js';

export interface BenchResult {
  readonly name: string;
  readonly n: number;
  readonly ms: number;
}

/** Sizes from the acceptance: Gi* within 20 ms and LISA 999 within 100 ms at 10,000 cells. */
const CASES = [
  { n: 10_000, resolution: 9, runs: 9 },
  { n: 100_000, resolution: 10, runs: 5 },
] as const;

/**
 * The n cells nearest central Jakarta (whole rings out from Monas, the last one cut), sorted as
 * `studyCells` sorts them, so row order and memory locality are what the routes see.
 */
function jakartaCells(n: number, resolution: number): string[] {
  const rings = gridDiskDistances(latLngToCell(-6.1754, 106.8272, resolution), Math.ceil(Math.sqrt(n / 3)) + 1);
  return rings.flat().slice(0, n).sort();
}

/** Synthetic counts: a Poisson background of mean 1 plus three planted clusters, reproducible. */
function syntheticCounts(n: number, seed: number): Float64Array {
  const random = createRandom(seed);
  const poisson = (mean: number): number => {
    // Knuth's multiplication method; the means here are small.
    const limit = Math.exp(-mean);
    let k = 0;
    for (let p = random(); p > limit; p *= random()) k++;
    return k;
  };
  const centres = [0.2, 0.5, 0.8].map((f) => Math.floor(f * n));
  const width = Math.max(1, Math.floor(n / 200));
  return Float64Array.from({ length: n }, (_, i) => poisson(centres.some((c) => Math.abs(i - c) < width) ? 4 : 1));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median of `runs` timed calls after three untimed ones (the optimising compiler needs a few calls, and the first one here follows the server benchmarks' garbage). */
function time(runs: number, f: () => unknown): number {
  for (let w = 0; w < 3; w++) f();
  const ms: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    f();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

export async function benchAnalysis(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const { n, resolution, runs } of CASES) {
    const ids = jakartaCells(n, resolution);
    const values = syntheticCounts(n, resolution);
    const kring = { type: 'kring', k: 1 } as const;
    results.push({ name: `k-ring 1 weights, res ${resolution}`, n, ms: time(runs, () => kringWeights(ids, 1)) });
    results.push({
      name: `Gi* incl. weights, res ${resolution}`,
      n,
      ms: time(runs, () => hotspotAnalysis({ ids, values, weights: kring, method: 'gistar', fdr: true })),
    });
    results.push({
      name: `LISA 999 perms incl. weights, res ${resolution}`,
      n,
      ms: time(runs, () => hotspotAnalysis({ ids, values, weights: kring, method: 'lisa', permutations: 999, seed: 1, fdr: true })),
    });
  }
  return results;
}
