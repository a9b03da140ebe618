// Times the hot spot statistics end to end (k-ring weights, Gi*, Local Moran with 999 permutations) on H3 cells covering Jakarta at resolutions 9 and 10; the median of a few runs after a warm-up.
import { polygonToCells } from 'h3-js';
import { hotspotAnalysis } from '../server/analysis/hotspot-analysis.js';
import { kringWeights } from '../server/analysis/kring-weights.js';
import { createRandom } from '../server/analysis/random.js';

export interface BenchResult {
  readonly name: string;
  readonly n: number;
  readonly ms: number;
}

/** The bbox lng 106.68..106.98, lat −6.38..−6.08 as a GeoJSON ring. */
const JAKARTA_BBOX: number[][] = [
  [106.68, -6.38],
  [106.98, -6.38],
  [106.98, -6.08],
  [106.68, -6.08],
  [106.68, -6.38],
];

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

function time(runs: number, f: () => unknown): number {
  f();
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
  for (const resolution of [9, 10]) {
    const ids = polygonToCells(JAKARTA_BBOX, resolution, true);
    const values = syntheticCounts(ids.length, resolution);
    const runs = ids.length > 50_000 ? 3 : 5;
    const n = ids.length;
    results.push({ name: `k-ring 1 weights, res ${resolution}`, n, ms: time(runs, () => kringWeights(ids, 1)) });
    results.push({
      name: `Gi* incl. weights, res ${resolution}`,
      n,
      ms: time(runs, () => hotspotAnalysis({ ids, values, weights: { type: 'kring', k: 1 }, method: 'gistar', fdr: true })),
    });
    results.push({
      name: `LISA 999 perms incl. weights, res ${resolution}`,
      n,
      ms: time(runs, () => hotspotAnalysis({ ids, values, weights: { type: 'kring', k: 1 }, method: 'lisa', permutations: 999, seed: 1, fdr: true })),
    });
  }
  return results;
}
