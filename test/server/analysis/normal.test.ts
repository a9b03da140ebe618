import { describe, expect, it } from 'vitest';
import { erfc, normalCdf, normalQuantile, normalSf, twoSidedP } from '../../../server/analysis/normal';

// Reference values from glibc's erfc (Python math.erfc), an independent implementation.
const ERFC: Array<[number, number]> = [
  [-10, 2.0],
  [-2, 1.9953222650189528],
  [-0.5, 1.5204998778130465],
  [0, 1.0],
  [1e-10, 0.999999999887162],
  [0.2, 0.7772974107895215],
  [0.46875, 0.507386526782062],
  [0.47, 0.5062549491139179],
  [1, 0.15729920705028513],
  [2.5, 0.0004069520174449589],
  [3.9, 3.479224859723177e-08],
  [4.0001, 1.5404564743590145e-08],
  [6, 2.1519736712498916e-17],
  [9, 4.13703174651381e-37],
  [15, 7.212994172451206e-100],
  [26, 5.663192408856143e-296],
];

describe('normal distribution', () => {
  it('computes erfc to about 1e-14 relative across its range', () => {
    for (const [x, expected] of ERFC) expect(Math.abs(erfc(x) - expected) / expected).toBeLessThan(1e-14);
    expect(erfc(27)).toBeLessThan(1e-300);
  });

  it('gives the CDF, survival function and two-sided p', () => {
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 15);
    expect(normalSf(3)).toBeCloseTo(0.0013498980316300957, 17);
    expect(Math.abs(normalSf(8) - 6.220960574271819e-16) / 6.220960574271819e-16).toBeLessThan(1e-12);
    expect(twoSidedP(1.959963984540054)).toBeCloseTo(0.05, 15);
    expect(twoSidedP(-1.959963984540054)).toBeCloseTo(0.05, 15);
    expect(Math.abs(twoSidedP(-6) - 1.9731752900754024e-9) / 1.9731752900754024e-9).toBeLessThan(1e-12);
  });

  it('inverts the CDF', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 13);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    for (const p of [1e-300, 1e-20, 1e-6, 0.01, 0.02425, 0.3, 0.7, 0.99, 0.999999]) {
      const back = normalCdf(normalQuantile(p));
      expect(Math.abs(back - p) / Math.min(p, 1 - p)).toBeLessThan(1e-12);
    }
  });
});
