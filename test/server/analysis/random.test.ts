import { describe, expect, it } from 'vitest';
import { createRandom, partialShuffle, shuffle } from '../../../server/analysis/random';

describe('createRandom', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const c = createRandom(8);
    const sa = Array.from({ length: 100 }, a);
    expect(Array.from({ length: 100 }, b)).toEqual(sa);
    expect(Array.from({ length: 100 }, c)).not.toEqual(sa);
  });

  it('draws floats in [0, 1) with a flat distribution', () => {
    const random = createRandom(0);
    const bins = new Array<number>(10).fill(0);
    const n = 100_000;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = random();
      if (!(u >= 0 && u < 1)) outside++;
      bins[Math.floor(u * 10)]++;
    }
    expect(outside).toBe(0);
    // Chi-square with 9 degrees of freedom; 27.9 is its 99.9th percentile.
    const chi2 = bins.reduce((s, o) => s + (o - n / 10) ** 2 / (n / 10), 0);
    expect(chi2).toBeLessThan(27.9);
  });
});

describe('partialShuffle', () => {
  it('keeps the pool a permutation and samples each element evenly into the first slots', () => {
    const random = createRandom(3);
    const pool = Int32Array.from({ length: 10 }, (_, i) => i);
    const firstSlot = new Array<number>(10).fill(0);
    const draws = 20_000;
    for (let r = 0; r < draws; r++) {
      partialShuffle(pool, 3, random);
      firstSlot[pool[0]]++;
    }
    expect(Array.from(pool).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const count of firstSlot) expect(Math.abs(count - draws / 10)).toBeLessThan(200);
  });

  it('shuffles a whole array reproducibly', () => {
    const a = Float64Array.from({ length: 20 }, (_, i) => i);
    const b = Float64Array.from({ length: 20 }, (_, i) => i);
    shuffle(a, createRandom(1));
    shuffle(b, createRandom(1));
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
});
