import { describe, expect, it } from 'vitest';
import { classifyEmerging, emergingHotSpots, type EmergingCategory } from '../../../server/analysis/emerging';

/**
 * A location's ten slices written as a string: 'H' hot, 'C' cold, '.' not significant; z values
 * from `z` when given (their signs must agree with the letters), else ±3 and 0.5.
 */
function series(pattern: string, z?: number[]): { z: number[]; sig: boolean[] } {
  const letters = [...pattern];
  return {
    z: z ?? letters.map((c) => (c === 'H' ? 3 : c === 'C' ? -3 : 0.5)),
    sig: letters.map((c) => c !== '.'),
  };
}

const rising = [2, 2.2, 2.4, 2.6, 2.8, 3, 3.2, 3.4, 3.6, 3.8];
const falling = [...rising].reverse();
const flat = [3, 2.5, 3.1, 2.4, 3.3, 2.6, 2.9, 2.8, 3.0, 2.7];
const negate = (xs: number[]): number[] => xs.map((x) => -x);

const cases: Array<[EmergingCategory, string, number[]?]> = [
  ['new_hot', '.........H'],
  ['consecutive_hot', '.......HHH'],
  ['intensifying_hot', 'HHHHHHHHHH', rising],
  ['persistent_hot', 'HHHHHHHHHH', flat],
  ['diminishing_hot', 'HHHHHHHHHH', falling],
  ['sporadic_hot', '..H..H...H'],
  ['oscillating_hot', '.C..H....H'],
  ['historical_hot', 'HHHHHHHHH.'],
  ['new_cold', '.........C'],
  ['consecutive_cold', '........CC'],
  // Stronger cold clustering is a falling z.
  ['intensifying_cold', 'CCCCCCCCCC', negate(rising)],
  ['persistent_cold', 'CCCCCCCCCC', negate(flat)],
  ['diminishing_cold', 'CCCCCCCCCC', negate(falling)],
  ['sporadic_cold', 'C...C....C'],
  ['oscillating_cold', 'H..C.....C'],
  ['historical_cold', 'CCCCCCCCC.'],
  ['no_pattern', '..........'],
  ['no_pattern', '...HH.....'],
];

describe('classifyEmerging (ArcGIS Pro definitions)', () => {
  it.each(cases)('classifies %s from %s', (category, pattern, z) => {
    const s = series(pattern, z);
    expect(classifyEmerging(s.z, s.sig).category).toBe(category);
  });

  it('checks that the flat series really has no significant trend', () => {
    expect(classifyEmerging(flat, flat.map(() => true)).trend.p).toBeGreaterThan(0.05);
  });

  it('tells consecutive from sporadic and new from oscillating', () => {
    // A final run preceded by an earlier hot slice is sporadic, not consecutive.
    expect(classifyEmerging(series('.H.....HHH').z, series('.H.....HHH').sig).category).toBe('sporadic_hot');
    // A first hot slice after an earlier cold one is oscillating, not new.
    expect(classifyEmerging(series('C........H').z, series('C........H').sig).category).toBe('oscillating_hot');
    // Nine hot slices then a cold one: the final slice decides.
    expect(classifyEmerging(series('HHHHHHHHHC').z, series('HHHHHHHHHC').sig).category).toBe('oscillating_cold');
  });

  it('reports counts and the trend', () => {
    const s = series('..H..H...H');
    const r = classifyEmerging(s.z, s.sig);
    expect(r).toMatchObject({ pattern: 'sporadic', spot: 'hot', slices: 10, hotSlices: 3, coldSlices: 0 });
    expect(r.trend.n).toBe(10);
  });
});

describe('emergingHotSpots', () => {
  it('classifies every location from per-slice z and p, with optional FDR per slice', () => {
    // Location a is hot in every slice with rising z; b never significant; c hot only at the end.
    const slices = rising.map((z, t) => ({
      z: [z, 0.3, t === 9 ? 2.9 : 0.1],
      p: [0.001, 0.7, t === 9 ? 0.004 : 0.9],
    }));
    const records = emergingHotSpots({ ids: ['a', 'b', 'c'], slices });
    expect(records.map((r) => [r.id, r.category])).toEqual([
      ['a', 'intensifying_hot'],
      ['b', 'no_pattern'],
      ['c', 'new_hot'],
    ]);
    // With BH over 3 locations, p = 0.004 at rank 2 passes (0.004 <= 2·0.05/3).
    const withFdr = emergingHotSpots({ ids: ['a', 'b', 'c'], slices, fdr: true });
    expect(withFdr.map((r) => r.category)).toEqual(['intensifying_hot', 'no_pattern', 'new_hot']);
  });

  it('refuses slices that do not cover every id', () => {
    expect(() => emergingHotSpots({ ids: ['a', 'b'], slices: [{ z: [1], p: [0.1] }] })).toThrowError(
      expect.objectContaining({ code: 'length_mismatch' }),
    );
  });
});
