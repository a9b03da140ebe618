// Great-circle distance, polygon label points and bounds, and nearest-puskesmas lookup, against hand-computed values.
import { describe, expect, test } from 'vitest';
import { haversineKm } from '../../web/geo/haversine';
import { nearestIdByPoint, nearestTo } from '../../web/geo/nearest';
import { boundsOf, centroidOf } from '../../web/geo/shape';

describe('haversineKm', () => {
  test('one degree of latitude is R·π/180 = 6371.0088 × 0.0174533 ≈ 111.195 km', () => {
    expect(haversineKm([106.8, -6], [106.8, -7])).toBeCloseTo(111.1951, 3);
  });
  test('one degree of longitude on the equator is the same; at 60° it is half', () => {
    expect(haversineKm([0, 0], [1, 0])).toBeCloseTo(111.1951, 3);
    expect(haversineKm([0, 60], [1, 60])).toBeCloseTo(55.597, 1);
  });
  test('zero for the same point, symmetric', () => {
    expect(haversineKm([106.8, -6.2], [106.8, -6.2])).toBe(0);
    expect(haversineKm([106.8, -6.2], [106.9, -6.1])).toBeCloseTo(haversineKm([106.9, -6.1], [106.8, -6.2]), 12);
  });
});

describe('shape', () => {
  test('centroid of a square is its centre', () => {
    const square = { type: 'Polygon' as const, coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] };
    expect(centroidOf(square)).toEqual([1, 1]);
    expect(boundsOf(square)).toEqual([[0, 0], [2, 2]]);
  });
  test('centroid of an L shape weights its two rectangles by area', () => {
    // A 2×1 rectangle (centre 1, 0.5; area 2) plus a 1×1 square on top at the left (centre 0.5, 1.5; area 1):
    // x = (2·1 + 1·0.5)/3 = 5/6, y = (2·0.5 + 1·1.5)/3 = 5/6.
    const l = { type: 'Polygon' as const, coordinates: [[[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2], [0, 0]]] };
    const [x, y] = centroidOf(l);
    expect(x).toBeCloseTo(5 / 6, 12);
    expect(y).toBeCloseTo(5 / 6, 12);
  });
  test('a multipolygon of two equal squares has its centroid between them', () => {
    const m = { type: 'MultiPolygon' as const, coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]], [[[3, 0], [4, 0], [4, 1], [3, 1], [3, 0]]]] };
    expect(centroidOf(m)).toEqual([2, 0.5]);
    expect(boundsOf(m)).toEqual([[0, 0], [4, 1]]);
  });
});

describe('nearest', () => {
  const items: { id: string; location: [number, number] }[] = [
    { id: 'far', location: [106.9, -6.2] },
    { id: 'near', location: [106.801, -6.2] },
    { id: 'mid', location: [106.85, -6.2] },
  ];
  test('nearestTo orders by distance and limits', () => {
    const r = nearestTo([106.8, -6.2], items, 2);
    expect(r.map((x) => x.item.id)).toEqual(['near', 'mid']);
    // 0.001° of longitude at 6.2°S: 111.1951 × cos(6.2°) × 0.001 ≈ 0.11055 km
    expect(r[0].km).toBeCloseTo(0.11055, 4);
  });
  test('nearestIdByPoint assigns each point its closest item', () => {
    const m = nearestIdByPoint([{ id: 'a', location: [106.89, -6.2] }, { id: 'b', location: [106.8, -6.2] }], items);
    expect(Object.fromEntries(m)).toEqual({ a: 'far', b: 'near' });
    expect(nearestIdByPoint([{ id: 'a', location: [0, 0] }], []).size).toBe(0);
  });
});
