import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../../server/analysis/fdr';

describe('benjaminiHochberg', () => {
  it('steps up to the largest p_(i) <= i·alpha/n', () => {
    // Sorted: 0.005 0.01 0.03 0.04 0.041 0.20 against 0.0083 0.0167 0.025 0.0333 0.0417 0.05.
    // 0.03 and 0.04 miss their own thresholds but rank below 0.041, which passes at i = 5.
    const r = benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.2, 0.041], 0.05);
    expect(r.cutoff).toBe(0.041);
    expect(Array.from(r.significant)).toEqual([1, 1, 1, 1, 0, 1]);
    expect(r.count).toBe(5);
  });

  it('returns cutoff 0 and nothing significant when no p passes', () => {
    const r = benjaminiHochberg([0.2, 0.5, 0.03], 0.05);
    expect(r.cutoff).toBe(0);
    expect(Array.from(r.significant)).toEqual([0, 0, 0]);
  });

  it('is stricter than the unadjusted level', () => {
    // 0.02 < 0.05 but 0.02 > 1·0.05/4 and 0.03 > 2·0.05/4, ...: nothing survives.
    const r = benjaminiHochberg([0.02, 0.03, 0.04, 0.5], 0.05);
    expect(r.count).toBe(0);
    // With ties every tied p shares the decision.
    expect(Array.from(benjaminiHochberg([0.01, 0.01, 0.5], 0.05).significant)).toEqual([1, 1, 0]);
  });

  it('treats NaN as never significant and rejects a bad alpha', () => {
    expect(Array.from(benjaminiHochberg([0.001, Number.NaN], 0.05).significant)).toEqual([1, 0]);
    expect(() => benjaminiHochberg([0.1], 1)).toThrowError(expect.objectContaining({ code: 'invalid_parameter' }));
  });
});
