// Drawn focus-area outlines: the kelurahan holding most of one, and the checks that refuse unusable outlines.
import { describe, expect, it } from 'vitest';
import { checkFocusGeometry, kelurahanOf } from '../../../server/analysis/focus-area-geometry.js';
import type { AreaGeometry } from '../../../server/domain/types.js';

const rect = (w: number, s: number, e: number, n: number): AreaGeometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});
// Two kelurahan side by side, split at longitude 106.81.
const KEL = [
  { code: 'A', geometry: rect(106.8, -6.21, 106.81, -6.19) },
  { code: 'B', geometry: rect(106.81, -6.21, 106.82, -6.19) },
];

describe('kelurahanOf', () => {
  it('takes the kelurahan holding the larger share, wherever the centroid lies', () => {
    // 106.803..106.81 (0.007°) lies in A, 106.81..106.813 (0.003°) in B: 70% in A.
    expect(kelurahanOf(rect(106.803, -6.2, 106.813, -6.199), KEL)).toBe('A');
    expect(kelurahanOf(rect(106.807, -6.2, 106.817, -6.199), KEL)).toBe('B');
    // An L shape whose centroid (106.8043, -6.2023) lies outside it: 0.018 of its 0.020 square milli-degrees are in A.
    const l: AreaGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [106.801, -6.205],
          [106.812, -6.205],
          [106.812, -6.204],
          [106.802, -6.204],
          [106.802, -6.195],
          [106.801, -6.195],
          [106.801, -6.205],
        ],
      ],
    };
    expect(kelurahanOf(l, KEL)).toBe('A');
  });

  it('falls back to the kelurahan within 1 km of the centroid when nothing overlaps', () => {
    expect(kelurahanOf(rect(106.821, -6.2, 106.822, -6.199), KEL)).toBe('B');
    expect(kelurahanOf(rect(106.9, -6.2, 106.901, -6.199), KEL)).toBeNull();
  });
});

describe('checkFocusGeometry', () => {
  it('accepts a sensible outline, drops heights and reports its area', () => {
    const withHeights = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [106.803, -6.2, 5],
          [106.805, -6.2, 5],
          [106.805, -6.198, 5],
          [106.803, -6.198, 5],
          [106.803, -6.2, 5],
        ],
      ],
    };
    const r = checkFocusGeometry(withHeights, KEL);
    expect(r.ok && r.geometry).toEqual(rect(106.803, -6.2, 106.805, -6.198));
    // 0.002° × 0.002° at 6.2° S: 222.6 m × 221.3 m on turf's sphere ≈ 0.0493 km².
    expect(r.ok && r.areaKm2).toBeCloseTo(0.0493, 3);
    expect(r.ok && r.kelurahanCode).toBe('A');
  });

  it('refuses vertices more than 1 km outside every kelurahan, naming the first', () => {
    const r = checkFocusGeometry(rect(106.83, -6.2, 106.84, -6.199), KEL);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem.message).toMatch(/^Vertex 1 at \(106\.83000, -6\.20000\) lies outside DKI Jakarta/);
  });
});
