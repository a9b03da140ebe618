import { gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { queenWeights } from '../../../server/analysis/contiguity-weights';
import { kringWeights } from '../../../server/analysis/kring-weights';
import { localMoran, quadrantName } from '../../../server/analysis/local-moran';
import { createRandom, shuffle } from '../../../server/analysis/random';
import { fromNeighborLists } from '../../../server/analysis/weights';
import { readLattice } from './reference';

function lattice() {
  const ref = readLattice();
  const w = queenWeights(ref.ids.map((id, i) => ({ id, geometry: ref.geometries[i] })));
  return { ref, w };
}

/** About 2,800 H3 cells around central Jakarta with k-ring-1 weights. */
function jakartaCells() {
  const cells = gridDisk(latLngToCell(-6.2, 106.83, 9), 30);
  return { cells, w: kringWeights(cells, 1) };
}

function normalValues(n: number, seed: number): Float64Array {
  const random = createRandom(seed);
  // Box–Muller: continuous values, so ties cannot distort the permutation ranks.
  return Float64Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()));
}

describe('localMoran against PySAL esda Moran_Local', () => {
  it('reproduces I to 1e-9 and the quadrants on the 7x7 queen lattice', () => {
    const { ref, w } = lattice();
    const result = localMoran(ref.values, w, { permutations: 0 });
    ref.lisaI.forEach((expected, i) => expect(Math.abs(result.I[i] - expected)).toBeLessThan(1e-9));
    expect(Array.from(result.quadrant, quadrantName)).toEqual(ref.quadrants);
  });

  it('reproduces the pseudo p-values within sampling error with 9,999 permutations', () => {
    const { ref, w } = lattice();
    const { pSim } = localMoran(ref.values, w, { permutations: 9999, seed: 20250411 });
    ref.pSim.forEach((expected, i) => expect(Math.abs(pSim[i] - expected)).toBeLessThan(0.02));
  });
});

describe('localMoran permutation inference', () => {
  const { cells, w } = jakartaCells();
  const R = 199;

  it('keeps every pseudo p-value in [1/(R+1), 1]', () => {
    const { pSim } = localMoran(normalValues(cells.length, 1), w, { permutations: R, seed: 5 });
    for (const p of pSim) {
      expect(p).toBeGreaterThanOrEqual(1 / (R + 1));
      expect(p).toBeLessThanOrEqual(1);
    }
  });

  it('gives roughly uniform p-values under a shuffled null', () => {
    const values = normalValues(cells.length, 2);
    shuffle(values, createRandom(3));
    const { pSim } = localMoran(values, w, { permutations: R, seed: 9 });
    const share = (cut: number): number => pSim.filter((p) => p < cut).length / pSim.length;
    // The folded p is one-sided in the direction the unit deviates, so it is uniform on (0, 0.5]:
    // the share below 0.025 estimates a 5 % tail and the share below 0.05 a 10 % one.
    expect(share(0.025)).toBeGreaterThan(0.02);
    expect(share(0.025)).toBeLessThan(0.09);
    expect(share(0.05)).toBeGreaterThan(0.06);
    expect(share(0.05)).toBeLessThan(0.14);
    expect(share(0.25)).toBeGreaterThan(0.42);
    expect(share(0.25)).toBeLessThan(0.58);
    expect(Math.max(...pSim)).toBeLessThanOrEqual(0.5 + 1 / (R + 1));
  });

  it('finds a planted cluster', () => {
    const values = normalValues(cells.length, 4);
    const centre = cells[0];
    const planted = new Set(gridDisk(centre, 3));
    cells.forEach((c, i) => {
      if (planted.has(c)) values[i] += 4;
    });
    const { pSim, quadrant } = localMoran(values, w, { permutations: R, seed: 1 });
    const i = cells.indexOf(centre);
    expect(quadrantName(quadrant[i])).toBe('HH');
    expect(pSim[i]).toBeLessThan(0.01);
  });

  it('is reproducible from its seed and changes with it', () => {
    const values = normalValues(cells.length, 6);
    const a = localMoran(values, w, { permutations: 99, seed: 42 });
    const b = localMoran(values, w, { permutations: 99, seed: 42 });
    const c = localMoran(values, w, { permutations: 99, seed: 43 });
    expect(Array.from(b.pSim)).toEqual(Array.from(a.pSim));
    expect(Array.from(c.pSim)).not.toEqual(Array.from(a.pSim));
    expect(Array.from(c.I)).toEqual(Array.from(a.I));
  });

  it('counts the same with equal weights (prefix sums) as with weights taken slot by slot', () => {
    // Nudging one weight per row sends every unit down the general path; the p-values must agree,
    // also for counts full of ties.
    const nudged = { ...w, weights: Float64Array.from(w.weights) };
    for (let i = 0; i < w.n; i++) if (w.offsets[i + 1] > w.offsets[i]) nudged.weights[w.offsets[i]] *= 1 + 1e-14;
    const random = createRandom(8);
    const counts = Float64Array.from({ length: w.n }, () => (random() < 0.7 ? 0 : Math.floor(random() * 4)));
    for (const values of [normalValues(w.n, 7), counts]) {
      const fast = localMoran(values, w, { permutations: 99, seed: 3 });
      const slow = localMoran(values, nudged, { permutations: 99, seed: 3 });
      expect(Array.from(slow.pSim)).toEqual(Array.from(fast.pSim));
    }
  });

  it('gives islands and units at the mean p = 1 rather than the most extreme p', () => {
    const iw = fromNeighborLists(['a', 'b', 'c', 'd', 'e'], [[1], [0, 2], [1], [], [2]]);
    const { pSim, I } = localMoran([1, 5, 3, 9, 2], iw, { permutations: 99, seed: 1 });
    expect(I[3]).toBe(0);
    expect(pSim[3]).toBe(1);
    // Value 4 is the mean of [1, 7, 4, 2, 6]: z = 0 there.
    const { pSim: p2 } = localMoran([1, 7, 4, 2, 6], iw, { permutations: 99, seed: 1 });
    expect(p2[2]).toBe(1);
  });
});
