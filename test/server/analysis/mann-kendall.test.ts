import { describe, expect, it } from 'vitest';
import { mannKendall } from '../../../server/analysis/mann-kendall';

describe('mannKendall', () => {
  it('matches a hand-worked series with a tie', () => {
    // Pairs of [1, 3, 2, 5, 5]: 8 increases, 1 decrease (3 → 2), 1 tie (5, 5): S = 7.
    // Var = (5·4·15 − 2·1·9)/18 = 282/18; z = (7 − 1)/√(282/18) = 1.51587...
    const r = mannKendall([1, 3, 2, 5, 5]);
    expect(r.s).toBe(7);
    expect(r.variance).toBeCloseTo(282 / 18, 12);
    expect(r.z).toBeCloseTo(1.5158734579197342, 12);
    expect(r.p).toBeCloseTo(0.1295513529044089, 12);
    // tau-b = 7/√(10·(10 − 1)).
    expect(r.tau).toBeCloseTo(7 / Math.sqrt(90), 12);
  });

  it('matches a hand-worked strictly decreasing series', () => {
    // S = −10, Var = 5·4·15/18 = 50/3, z = (−10 + 1)/√(50/3) = −2.20454...
    const r = mannKendall([5, 4, 3, 2, 1]);
    expect(r.s).toBe(-10);
    expect(r.variance).toBeCloseTo(50 / 3, 12);
    expect(r.z).toBeCloseTo(-2.2045407685048604, 12);
    expect(r.p).toBeCloseTo(0.027486336111510353, 12);
    expect(r.tau).toBe(-1);
  });

  it('reports no trend for constant or too-short series', () => {
    expect(mannKendall([2, 2, 2, 2])).toMatchObject({ s: 0, z: 0, p: 1 });
    expect(mannKendall([1, 2])).toMatchObject({ z: 0, p: 1 });
  });
});
