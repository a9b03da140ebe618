import { gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { areaCentroid } from '../../../server/analysis/centroid';
import { queenWeights, rookWeights } from '../../../server/analysis/contiguity-weights';
import { distanceWeights, knnWeights } from '../../../server/analysis/distance-weights';
import type { PolygonGeometry, SiteGeometry } from '../../../server/analysis/geometry';
import { haversineKm } from '../../../server/analysis/haversine';
import { kringWeights } from '../../../server/analysis/kring-weights';
import { createRandom } from '../../../server/analysis/random';
import { fromNeighborLists, islands, meanNeighbors, transform, type SpatialWeights } from '../../../server/analysis/weights';
import { readPoints } from './reference';

/** Neighbour ids of each unit, for readable assertions. */
function byId(w: SpatialWeights): Record<string, string[]> {
  return Object.fromEntries(w.ids.map((id, i) => [id, Array.from(w.neighbors.subarray(w.offsets[i], w.offsets[i + 1]), (j) => w.ids[j])]));
}

function square(x: number, y: number, size = 1): PolygonGeometry {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + size, y],
        [x + size, y + size],
        [x, y + size],
        [x, y],
      ],
    ],
  };
}

const point = (lng: number, lat: number): SiteGeometry => ({ type: 'Point', coordinates: [lng, lat] });

describe('contiguity weights', () => {
  // A 2x2 block a b / c d (rows from the bottom) and e touching d at one corner only.
  //   e sits at (2,2)-(3,3); c d on top of a b.
  const features = [
    { id: 'a', geometry: square(0, 0) },
    { id: 'b', geometry: square(1, 0) },
    { id: 'c', geometry: square(0, 1) },
    { id: 'd', geometry: square(1, 1) },
    { id: 'e', geometry: square(2, 2) },
  ];

  it('queen links squares that share an edge or only a corner', () => {
    expect(byId(queenWeights(features))).toEqual({
      a: ['b', 'c', 'd'],
      b: ['a', 'c', 'd'],
      c: ['a', 'b', 'd'],
      d: ['a', 'b', 'c', 'e'],
      e: ['d'],
    });
  });

  it('rook links only squares that share an edge', () => {
    const w = rookWeights(features);
    expect(byId(w)).toEqual({ a: ['b', 'c'], b: ['a', 'd'], c: ['a', 'd'], d: ['b', 'c'], e: [] });
    expect(islands(w)).toEqual(['e']);
    expect(meanNeighbors(w)).toBeCloseTo(8 / 5, 12);
  });

  it('matches vertices within the rounding precision and handles multipolygons and edges in either direction', () => {
    const shifted = square(1 + 1e-9, 0);
    const reversed: PolygonGeometry = { type: 'Polygon', coordinates: [[...square(0, 1).coordinates[0]].reverse()] };
    const multi = { type: 'MultiPolygon' as const, coordinates: [square(5, 5).coordinates, square(0, 0).coordinates] };
    const w = rookWeights([
      { id: 'left', geometry: multi },
      { id: 'right', geometry: shifted },
      { id: 'top', geometry: reversed },
    ]);
    expect(byId(w)).toEqual({ left: ['right', 'top'], right: ['left'], top: ['left'] });
  });

  it('rejects geometries that are not polygons', () => {
    expect(() => queenWeights([{ id: 'x', geometry: { type: 'Polygon', coordinates: [[[0, 0]]] } }])).toThrowError(
      expect.objectContaining({ code: 'invalid_geometry' }),
    );
  });
});

/** Brute-force references for the indexed searches. */
function bruteKnn(pts: number[][], k: number): number[][] {
  return pts.map((a, i) =>
    pts
      .map((b, j) => ({ j, d: haversineKm([a[0], a[1]], [b[0], b[1]]) }))
      .filter((c) => c.j !== i)
      .sort((x, y) => x.d - y.d || x.j - y.j)
      .slice(0, k)
      .map((c) => c.j)
      .sort((x, y) => x - y),
  );
}

function lists(w: SpatialWeights): number[][] {
  return w.ids.map((_, i) => Array.from(w.neighbors.subarray(w.offsets[i], w.offsets[i + 1])));
}

function jakartaPoints(n: number, seed: number): number[][] {
  const random = createRandom(seed);
  // Half spread over the city, half packed into a few hundred metres, to exercise dense cells.
  return Array.from({ length: n }, (_, i) =>
    i % 2 === 0 ? [106.68 + 0.3 * random(), -6.38 + 0.3 * random()] : [106.8 + 0.004 * random(), -6.19 + 0.004 * random()],
  );
}

describe('distance weights', () => {
  it('reproduces the neighbour lists of the esda reference (0.8 km great-circle, inclusive)', () => {
    const ref = readPoints();
    const w = distanceWeights(
      ref.ids.map((id, i) => ({ id, geometry: ref.geometries[i] })),
      0.8,
    );
    expect(lists(w)).toEqual(ref.neighbours.map((l) => [...l].sort((a, b) => a - b)));
  });

  it('agrees with a brute-force search on clustered points', () => {
    const pts = jakartaPoints(900, 11);
    const w = distanceWeights(
      pts.map((p, i) => ({ id: String(i), geometry: point(p[0], p[1]) })),
      0.35,
    );
    const expected = pts.map((a, i) => pts.flatMap((b, j) => (j !== i && haversineKm([a[0], a[1]], [b[0], b[1]]) <= 0.35 ? [j] : [])));
    expect(lists(w)).toEqual(expected);
  });

  it('measures polygons from their area-weighted centroid', () => {
    const w = distanceWeights(
      [
        { id: 'sq', geometry: square(106.8, -6.2, 0.01) },
        { id: 'near', geometry: point(106.805, -6.195) },
        { id: 'far', geometry: point(106.9, -6.195) },
      ],
      0.1,
    );
    expect(byId(w)).toEqual({ sq: ['near'], near: ['sq'], far: [] });
  });

  it('rejects a non-positive threshold', () => {
    expect(() => distanceWeights([{ id: 'a', geometry: point(0, 0) }], 0)).toThrowError(expect.objectContaining({ code: 'invalid_parameter' }));
  });
});

describe('knn weights', () => {
  it('breaks distance ties by input order', () => {
    // b and c are exactly as far from a (east and west along the equator); the earlier one wins.
    const sites = [
      { id: 'a', geometry: point(0, 0) },
      { id: 'b', geometry: point(-0.01, 0) },
      { id: 'c', geometry: point(0.01, 0) },
      { id: 'd', geometry: point(0.5, 0.5) },
    ];
    expect(byId(knnWeights(sites, 1)).a).toEqual(['b']);
    const swapped = [sites[0], sites[2], sites[1], sites[3]];
    expect(byId(knnWeights(swapped, 1)).a).toEqual(['c']);
    // Not symmetrised: d's nearest is c, but c's nearest is a.
    expect(byId(knnWeights(sites, 1))).toEqual({ a: ['b'], b: ['a'], c: ['a'], d: ['c'] });
  });

  it('agrees with a brute-force search on clustered points', () => {
    const pts = jakartaPoints(800, 12);
    const sites = pts.map((p, i) => ({ id: String(i), geometry: point(p[0], p[1]) }));
    expect(lists(knnWeights(sites, 5))).toEqual(bruteKnn(pts, 5));
  });

  it('refuses k at or above the number of sites', () => {
    const sites = [point(0, 0), point(1, 1), point(2, 2)].map((geometry, i) => ({ id: `s${i}`, geometry }));
    expect(() => knnWeights(sites, 3)).toThrowError(expect.objectContaining({ code: 'k_too_large' }));
  });
});

describe('k-ring weights', () => {
  const centre = latLngToCell(-6.2, 106.83, 9);
  const cells = gridDisk(centre, 2);

  it('links each H3 cell to the input cells within k steps', () => {
    const w1 = kringWeights(cells, 1);
    const w2 = kringWeights(cells, 2);
    const i = cells.indexOf(centre);
    expect(w1.offsets[i + 1] - w1.offsets[i]).toBe(6);
    expect(w2.offsets[i + 1] - w2.offsets[i]).toBe(18);
    expect(byId(w1)[centre].sort()).toEqual(gridDisk(centre, 1).filter((c) => c !== centre).sort());
    // Outer cells lose the neighbours that fall outside the input.
    expect(Math.min(...cells.map((_, j) => w1.offsets[j + 1] - w1.offsets[j]))).toBe(3);
  });

  it('rejects ids that are not H3 cells', () => {
    expect(() => kringWeights(['not-a-cell', centre])).toThrowError(expect.objectContaining({ code: 'invalid_h3_cell' }));
  });
});

describe('weights basics', () => {
  it('row-standardises and binarises', () => {
    const w = fromNeighborLists(['a', 'b', 'c'], [[1, 2], [0], []], [[1, 3], [2], []]);
    expect(Array.from(transform(w, 'R').weights)).toEqual([0.25, 0.75, 1]);
    expect(Array.from(transform(w, 'B').weights)).toEqual([1, 1, 1]);
    expect(islands(w)).toEqual(['c']);
  });

  it('rejects self-links, bad indices, repeats and duplicate ids', () => {
    expect(() => fromNeighborLists(['a', 'b'], [[0], []])).toThrowError(expect.objectContaining({ code: 'invalid_weights' }));
    expect(() => fromNeighborLists(['a', 'b'], [[2], []])).toThrowError(expect.objectContaining({ code: 'invalid_weights' }));
    expect(() => fromNeighborLists(['a', 'b'], [[1, 1], []])).toThrowError(expect.objectContaining({ code: 'invalid_weights' }));
    expect(() => fromNeighborLists(['a', 'a'], [[], []])).toThrowError(expect.objectContaining({ code: 'duplicate_ids' }));
  });
});

describe('geometry helpers', () => {
  it('computes area-weighted centroids with holes and multipolygons', () => {
    const holed: PolygonGeometry = { type: 'Polygon', coordinates: [square(0, 0, 4).coordinates[0], square(1, 1, 1).coordinates[0]] };
    const [hx, hy] = areaCentroid(holed);
    expect(hx).toBeCloseTo((16 * 2 - 1.5) / 15, 12);
    expect(hy).toBeCloseTo((16 * 2 - 1.5) / 15, 12);
    const [mx, my] = areaCentroid({ type: 'MultiPolygon', coordinates: [square(0, 0).coordinates, square(3, 0, 2).coordinates] });
    expect(mx).toBeCloseTo(3.3, 12);
    expect(my).toBeCloseTo(0.9, 12);
  });

  it('measures great-circle distance on the 6371.0088 km sphere', () => {
    // A quarter of the equator.
    expect(haversineKm([0, 0], [90, 0])).toBeCloseTo((Math.PI / 2) * 6371.0088, 9);
    expect(haversineKm([106.8, -6.2], [106.8, -6.2])).toBe(0);
    // One degree of latitude.
    expect(haversineKm([106.8, -6.2], [106.8, -5.2])).toBeCloseTo((Math.PI / 180) * 6371.0088, 9);
  });
});
