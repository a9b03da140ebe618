// The conditional-permutation counts (prefix sums, in-block corrections, binary search over sorted sums) against the plain definition: redraw the same table per block, sum each unit's drawn neighbours, and decide every row.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conditionalPValues } from '../../../server/analysis/conditional-permutation';
import { localMoran } from '../../../server/analysis/local-moran';
import { createRandom, partialShuffle } from '../../../server/analysis/random';
import { fromNeighborLists, type SpatialWeights } from '../../../server/analysis/weights';

const BLOCK = 128;
const TIE_TOLERANCE = 1e-12;

/** The definition, row by row: x_i stays, its k_i slots take the drawn units (skipping i), weighted slot by slot. */
function naivePValues(z: Float64Array, w: SpatialWeights, I: Float64Array, scaling: number, permutations: number, seed: number): Float64Array {
  const n = w.n;
  let maxK = 0;
  for (let i = 0; i < n; i++) maxK = Math.max(maxK, w.offsets[i + 1] - w.offsets[i]);
  const zMax = z.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const random = createRandom(seed);
  const pool = Int32Array.from({ length: n - 1 }, (_, v) => v);
  const pSim = new Float64Array(n);
  for (let first = 0; first < n; first += BLOCK) {
    const rows: Int32Array[] = [];
    for (let r = 0; r < permutations; r++) {
      partialShuffle(pool, maxK, random);
      rows.push(pool.slice(0, maxK));
    }
    for (let i = first; i < Math.min(n, first + BLOCK); i++) {
      const start = w.offsets[i];
      const k = w.offsets[i + 1] - start;
      if (k === 0 || z[i] === 0) {
        pSim[i] = 1;
        continue;
      }
      let absW = 0;
      for (let t = start; t < start + k; t++) absW += Math.abs(w.weights[t]);
      const threshold = I[i] - TIE_TOLERANCE * Math.abs(z[i]) * scaling * absW * zMax;
      let larger = 0;
      for (const row of rows) {
        let lag = 0;
        for (let t = 0; t < k; t++) lag += w.weights[start + t] * z[row[t] < i ? row[t] : row[t] + 1];
        if (z[i] * lag * scaling >= threshold) larger++;
      }
      pSim[i] = (Math.min(larger, permutations - larger) + 1) / (permutations + 1);
    }
  }
  return pSim;
}

/** A random graph: unit i links to `degree(i)` distinct others, some units none. */
function randomWeights(n: number, maxDegree: number, weight: number, seed: number): SpatialWeights {
  const random = createRandom(seed);
  const lists = Array.from({ length: n }, (_, i) => {
    const degree = random() < 0.05 ? 0 : 1 + Math.floor(random() * Math.min(maxDegree, n - 1));
    const others = new Set<number>();
    while (others.size < degree) {
      const j = Math.floor(random() * n);
      if (j !== i) others.add(j);
    }
    return [...others];
  });
  return fromNeighborLists(
    Array.from({ length: n }, (_, i) => `u${i}`),
    lists,
    lists.map((l) => l.map(() => weight)),
  );
}

function normals(n: number, seed: number): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()));
}

/** z, I and the scaling as localMoran forms them, for weights used as they are. */
function moments(values: Float64Array, w: SpatialWeights): { z: Float64Array; I: Float64Array; scaling: number } {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / n);
  const z = values.map((v) => (v - mean) / sd);
  const scaling = (n - 1) / z.reduce((s, v) => s + v * v, 0);
  const I = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let lag = 0;
    for (let t = w.offsets[i]; t < w.offsets[i + 1]; t++) lag += w.weights[t] * z[w.neighbors[t]];
    I[i] = z[i] * lag * scaling;
  }
  return { z, I, scaling };
}

describe('conditionalPValues', () => {
  it('equals deciding every row directly, for blocks full of in-block draws and sparse ones, any degree, either sign of weight', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(3, 7, 60, 129, 300, 1000),
        fc.constantFrom(1, 3, 6, 12),
        fc.constantFrom(1, 0.25, -0.5),
        fc.constantFrom(1, 2, 19, 99),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        (n, maxDegree, weight, permutations, seed) => {
          const w = randomWeights(n, maxDegree, weight, seed);
          const { z, I, scaling } = moments(normals(n, seed ^ 0x5bd1e995), w);
          const fast = conditionalPValues(z, w, I, scaling, permutations, seed);
          expect(Array.from(fast)).toEqual(Array.from(naivePValues(z, w, I, scaling, permutations, seed)));
        },
      ),
      { seed: 20260413, numRuns: 120 },
    );
  });

  it('counts ties alike on the equal-weight and the slot-by-slot paths', () => {
    fc.assert(
      fc.property(fc.constantFrom(40, 200, 700), fc.integer({ min: 1, max: 2 ** 31 - 1 }), (n, seed) => {
        const w = randomWeights(n, 8, 1, seed);
        const nudged = { ...w, weights: Float64Array.from(w.weights) };
        for (let i = 0; i < n; i++) if (w.offsets[i + 1] > w.offsets[i]) nudged.weights[w.offsets[i]] *= 1 + 1e-14;
        const random = createRandom(seed);
        // Mostly zeros and small counts: sums tie all the time.
        const counts = Float64Array.from({ length: n }, () => (random() < 0.6 ? 0 : Math.floor(random() * 3)));
        if (counts.every((c) => c === counts[0])) counts[0] += 1;
        const fast = localMoran(counts, w, { permutations: 99, seed });
        const slow = localMoran(counts, nudged, { permutations: 99, seed });
        expect(Array.from(slow.pSim)).toEqual(Array.from(fast.pSim));
      }),
      { seed: 20260414, numRuns: 40 },
    );
  });
});
