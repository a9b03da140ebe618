import { gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { AnalysisInputError } from '../../../server/analysis/errors';
import { hotspotAnalysis } from '../../../server/analysis/hotspot-analysis';
import { fromNeighborLists } from '../../../server/analysis/weights';
import { readLattice, readPoints } from './reference';

describe('hotspotAnalysis with Gi*', () => {
  it('returns named records in input order matching esda, with classes and confidence', () => {
    const ref = readLattice();
    const result = hotspotAnalysis({ ids: ref.ids, values: ref.values, weights: { type: 'queen', geometries: ref.geometries }, method: 'gistar' });
    expect(result.features.map((f) => f.id)).toEqual(ref.ids);
    result.features.forEach((f, i) => {
      expect(Math.abs(f.z - ref.gistarZ[i])).toBeLessThan(1e-9);
      expect(f.value).toBe(ref.values[i]);
      expect(f.significant).toBe(f.p < 0.05);
      expect(f.class).toBe(f.p < 0.1 ? (f.z > 0 ? 'hot' : 'cold') : 'none');
      expect(f.confidence).toBe(f.p < 0.01 ? 99 : f.p < 0.05 ? 95 : f.p < 0.1 ? 90 : null);
    });
    expect(result.weights).toEqual({ n: 49, islands: [], meanNeighbors: (4 * 3 + 20 * 5 + 25 * 8) / 49 });
    expect(result.fdrCutoff).toBeUndefined();
  });

  it('applies Benjamini–Hochberg when asked', () => {
    const ref = readPoints();
    const result = hotspotAnalysis({
      ids: ref.ids,
      values: ref.values,
      weights: { type: 'distance', thresholdKm: 0.8, geometries: ref.geometries },
      method: 'gistar',
      fdr: true,
    });
    expect(result.fdrCutoff).toBeGreaterThan(0);
    const cutoff = result.fdrCutoff ?? 0;
    for (const f of result.features) {
      expect(f.significant).toBe(f.p <= cutoff);
      if (f.significant) expect(f.confidence).not.toBeNull();
    }
    // FDR never marks more than the unadjusted test does.
    const raw = hotspotAnalysis({ ids: ref.ids, values: ref.values, weights: { type: 'distance', thresholdKm: 0.8, geometries: ref.geometries }, method: 'gistar' });
    const count = (fs: Array<{ significant: boolean }>): number => fs.filter((f) => f.significant).length;
    expect(count(result.features)).toBeLessThanOrEqual(count(raw.features));
  });

  it('builds k-ring weights from H3 ids and reports islands', () => {
    const centre = latLngToCell(-6.2, 106.83, 9);
    const far = latLngToCell(-6.1, 106.7, 9);
    const ids = [...gridDisk(centre, 2), far];
    const values = ids.map((_, i) => (i < 7 ? 10 : 1));
    const result = hotspotAnalysis({ ids, values, weights: { type: 'kring', k: 1 }, method: 'gistar' });
    expect(result.weights.islands).toEqual([far]);
    expect(result.features[0]).toMatchObject({ id: centre, class: 'hot' });
  });
});

describe('hotspotAnalysis with Local Moran', () => {
  it('labels significant units with their quadrant and the rest none, reproducibly', () => {
    const ref = readLattice();
    const input = { ids: ref.ids, values: ref.values, weights: { type: 'queen' as const, geometries: ref.geometries }, method: 'lisa' as const, permutations: 999, seed: 7 };
    const result = hotspotAnalysis(input);
    result.features.forEach((f, i) => {
      expect(Math.abs(f.I - ref.lisaI[i])).toBeLessThan(1e-9);
      expect(f.quadrant).toBe(ref.quadrants[i]);
      expect(f.significant).toBe(f.pSim < 0.05);
      expect(f.class).toBe(f.significant ? f.quadrant : 'none');
    });
    expect(result).toMatchObject({ method: 'lisa', permutations: 999, seed: 7 });
    expect(hotspotAnalysis(input).features).toEqual(result.features);
  });

  it('accepts prebuilt weights for the same ids', () => {
    const w = fromNeighborLists(['a', 'b', 'c', 'd'], [[1], [0, 2], [1, 3], [2]]);
    const result = hotspotAnalysis({ ids: ['a', 'b', 'c', 'd'], values: [1, 2, 8, 9], weights: w, method: 'lisa', permutations: 9, fdr: true });
    expect(result.features.map((f) => f.quadrant)).toEqual(['LL', 'LL', 'HH', 'HH']);
    expect(result.fdrCutoff).toBeDefined();
  });
});

describe('hotspotAnalysis input errors', () => {
  const ids = ['a', 'b', 'c', 'd'];
  const w = fromNeighborLists(ids, [[1], [0, 2], [1, 3], [2]]);
  const points = [0, 1, 2, 3].map((i) => ({ type: 'Point' as const, coordinates: [106.8 + i / 100, -6.2] }));
  const code = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      if (e instanceof AnalysisInputError) return e.code;
      throw e;
    }
    return 'no error';
  };

  it('names each condition', () => {
    expect(code(() => hotspotAnalysis({ ids: ['a', 'b'], values: [1, 2], weights: fromNeighborLists(['a', 'b'], [[1], [0]]), method: 'gistar' }))).toBe(
      'too_few_features',
    );
    expect(code(() => hotspotAnalysis({ ids, values: [3, 3, 3, 3], weights: w, method: 'gistar' }))).toBe('no_variance');
    expect(code(() => hotspotAnalysis({ ids, values: [1, 2, 3, 4], weights: { type: 'knn', k: 4, geometries: points }, method: 'gistar' }))).toBe('k_too_large');
    expect(code(() => hotspotAnalysis({ ids: ['a', 'b', 'b', 'd'], values: [1, 2, 3, 4], weights: w, method: 'gistar' }))).toBe('duplicate_ids');
    expect(code(() => hotspotAnalysis({ ids, values: [1, Number.NaN, 3, 4], weights: w, method: 'lisa' }))).toBe('non_numeric_value');
    expect(code(() => hotspotAnalysis({ ids, values: [1, 2, 3], weights: w, method: 'gistar' }))).toBe('length_mismatch');
    expect(code(() => hotspotAnalysis({ ids, values: [1, 2, 3, 4], weights: { type: 'knn', k: 1, geometries: points.slice(1) }, method: 'gistar' }))).toBe(
      'length_mismatch',
    );
    expect(code(() => hotspotAnalysis({ ids: ['d', 'c', 'b', 'a'], values: [1, 2, 3, 4], weights: w, method: 'gistar' }))).toBe('length_mismatch');
    expect(code(() => hotspotAnalysis({ ids, values: [1, 2, 3, 4], weights: w, method: 'gistar', alpha: 1.5 }))).toBe('invalid_parameter');
    expect(code(() => hotspotAnalysis({ ids, values: [1, 2, 3, 4], weights: w, method: 'lisa', permutations: 0 }))).toBe('invalid_parameter');
    expect(code(() => hotspotAnalysis({ ids, values: [1, 2, 3, 4], weights: { type: 'kring' }, method: 'gistar' }))).toBe('invalid_h3_cell');
  });

  it('says what is valid in its messages', () => {
    expect(() => hotspotAnalysis({ ids, values: [1, 2, 3, 4], weights: { type: 'knn', k: 4, geometries: points }, method: 'gistar' })).toThrowError(
      /k must be smaller than the number of sites \(4\)/,
    );
  });
});
