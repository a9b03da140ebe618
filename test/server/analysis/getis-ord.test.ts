import { describe, expect, it } from 'vitest';
import { queenWeights } from '../../../server/analysis/contiguity-weights';
import { distanceWeights } from '../../../server/analysis/distance-weights';
import { AnalysisInputError } from '../../../server/analysis/errors';
import { getisOrdStar, giBin } from '../../../server/analysis/getis-ord';
import { fromNeighborLists } from '../../../server/analysis/weights';
import { readLattice, readPoints } from './reference';

describe('getisOrdStar against PySAL esda', () => {
  it('reproduces G_Local(star=True, transform="B") on the 7x7 queen lattice to 1e-9', () => {
    const ref = readLattice();
    const w = queenWeights(ref.ids.map((id, i) => ({ id, geometry: ref.geometries[i] })));
    const { z } = getisOrdStar(ref.values, w);
    ref.gistarZ.forEach((expected, i) => expect(Math.abs(z[i] - expected)).toBeLessThan(1e-9));
  });

  it('reproduces esda on the 40 points with a 0.8 km great-circle band to 1e-9', () => {
    const ref = readPoints();
    const w = distanceWeights(
      ref.ids.map((id, i) => ({ id, geometry: ref.geometries[i] })),
      0.8,
    );
    const { z } = getisOrdStar(ref.values, w);
    ref.gistarZ.forEach((expected, i) => expect(Math.abs(z[i] - expected)).toBeLessThan(1e-9));
  });

  it('matches the hand-worked esda docstring case (planar distance band 15)', () => {
    const points = [
      [10, 10],
      [20, 10],
      [40, 10],
      [15, 20],
      [30, 20],
      [30, 30],
    ];
    const lists = points.map((a, i) => points.flatMap((b, j) => (j !== i && Math.hypot(a[0] - b[0], a[1] - b[1]) <= 15 ? [j] : [])));
    const w = fromNeighborLists(
      points.map((_, i) => `p${i}`),
      lists,
    );
    const { z, p } = getisOrdStar([2, 3, 3.2, 5, 8, 7], w);
    const expected = [-1.39727626, -0.28917762, 0.65064964, -0.28917762, 1.23452088, 2.02424331];
    expected.forEach((e, i) => expect(z[i]).toBeCloseTo(e, 7));
    // Two-sided normal p: p(2.02424331) = 0.042946...
    expect(p[5]).toBeCloseTo(0.04294, 4);
  });
});

describe('getisOrdStar formula details', () => {
  it('gives z = 0 and p = 1 where the neighbourhood is every unit', () => {
    const w = fromNeighborLists(['a', 'b', 'c'], [[1, 2], [0], [0]]);
    const { z, p } = getisOrdStar([1, 2, 6], w);
    expect(z[0]).toBe(0);
    expect(p[0]).toBe(1);
  });

  it("with transform 'R' adds the unit itself at weight 1 before row-standardising", () => {
    // Row i becomes 1/(k+1) for itself and each neighbour: W_i = 1, S1_i = 1/(k+1).
    const w = fromNeighborLists(['a', 'b', 'c', 'd'], [[1], [0, 2], [1, 3], [2]]);
    const x = [1, 4, 2, 8];
    const { z } = getisOrdStar(x, w, { transform: 'R' });
    const n = 4;
    const mean = 15 / 4;
    const s = Math.sqrt(x.reduce((acc, v) => acc + v * v, 0) / n - mean * mean);
    const local = (1 + 4) / 2;
    const expected = (local - mean) / (s * Math.sqrt((n * (1 / 2) - 1) / (n - 1)));
    expect(z[0]).toBeCloseTo(expected, 12);
  });

  it('refuses constant values and mismatched lengths with named errors', () => {
    const w = fromNeighborLists(['a', 'b', 'c'], [[1], [0, 2], [1]]);
    expect(() => getisOrdStar([2, 2, 2], w)).toThrowError(expect.objectContaining({ code: 'no_variance' }));
    expect(() => getisOrdStar([1, 2], w)).toThrowError(AnalysisInputError);
    expect(() => getisOrdStar([1, Number.NaN, 3], w)).toThrowError(expect.objectContaining({ code: 'non_numeric_value' }));
  });
});

describe('giBin', () => {
  it('classifies like ArcGIS Gi_Bin', () => {
    expect(giBin(3.2, 0.001)).toEqual({ bin: 3, class: 'hot', confidence: 99 });
    expect(giBin(-2.2, 0.03)).toEqual({ bin: -2, class: 'cold', confidence: 95 });
    expect(giBin(1.7, 0.08)).toEqual({ bin: 1, class: 'hot', confidence: 90 });
    expect(giBin(1.2, 0.23)).toEqual({ bin: 0, class: 'none', confidence: null });
    // p exactly at a level is not below it.
    expect(giBin(-1.96, 0.05)).toEqual({ bin: -1, class: 'cold', confidence: 90 });
  });

  it('uses inclusive cut-offs when given FDR levels', () => {
    const levels = { p99: 0.002, p95: 0.02, p90: 0.05, inclusive: true };
    expect(giBin(2.5, 0.02).confidence).toBe(95);
    expect(giBin(2.5, 0.021, levels).confidence).toBe(90);
    expect(giBin(2.5, 0.06, levels)).toEqual({ bin: 0, class: 'none', confidence: null });
    expect(giBin(2.5, 0, { p99: -1, p95: -1, p90: -1, inclusive: true }).confidence).toBeNull();
  });
});
