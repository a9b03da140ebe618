// Choropleth classification against hand-computed breaks (quantile type 7 and Jenks on clearly clustered values).
import { describe, expect, test } from 'vitest';
import { classCount, classify, classOf, jenksThresholds, quantile } from '../../web/map/classify';

describe('quantile (Hyndman & Fan type 7)', () => {
  const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  test('interpolates between order statistics', () => {
    // h = (n-1)p = 9 * 0.2 = 1.8 → x[1] + 0.8 (x[2] - x[1]) = 2 + 0.8 = 2.8
    expect(quantile(ten, 0.2)).toBeCloseTo(2.8, 12);
    expect(quantile(ten, 0.5)).toBeCloseTo(5.5, 12);
    expect(quantile(ten, 0)).toBe(1);
    expect(quantile(ten, 1)).toBe(10);
  });
});

describe('classify', () => {
  test('five quantile classes of 1..10 break at 2.8, 4.6, 6.4, 8.2', () => {
    const c = classify([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 'quantile', 5);
    expect(c).not.toBeNull();
    if (!c) return;
    expect(c.thresholds.map((t) => Math.round(t * 10) / 10)).toEqual([2.8, 4.6, 6.4, 8.2]);
    expect([c.min, c.max]).toEqual([1, 10]);
    expect(classOf(c, 1)).toBe(0);
    expect(classOf(c, 2.79)).toBe(0);
    expect(classOf(c, 2.8)).toBe(1); // lower bound belongs to the class
    expect(classOf(c, 10)).toBe(4);
  });

  test('Jenks finds the three obvious clusters', () => {
    expect(jenksThresholds([1, 2, 3, 10, 11, 12, 20, 21, 22], 3)).toEqual([10, 20]);
    const c = classify([22, 1, 12, 2, 21, 3, 10, 20, 11], 'jenks', 3);
    expect(c?.thresholds).toEqual([10, 20]);
    if (c) expect([1, 3, 10, 12, 20, 22].map((v) => classOf(c, v))).toEqual([0, 0, 1, 1, 2, 2]);
  });

  test('Jenks with two values per class splits between them', () => {
    // Four values, two classes: {0, 1} | {9, 10} has SSD 0.5 + 0.5 = 1, far below any other split.
    expect(jenksThresholds([0, 1, 9, 10], 2)).toEqual([9]);
  });

  test('repeated values merge classes instead of inventing empty ones', () => {
    // Eight zeros, a 1 and a 5: the 20/40/60% quantiles are 0 and the 80% quantile is 0 + 0.2 * (1 - 0) = 0.2.
    const c = classify([0, 0, 0, 0, 0, 0, 0, 0, 1, 5], 'quantile', 5);
    expect(c?.thresholds.map((t) => Math.round(t * 10) / 10)).toEqual([0.2]);
    if (c) expect(classCount(c)).toBe(2);
  });

  test('no finite values means no classes', () => {
    expect(classify([], 'quantile')).toBeNull();
    expect(classify([Number.NaN], 'jenks')).toBeNull();
  });
});
