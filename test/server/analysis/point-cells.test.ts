// Cells from parents checked against hexagons, parents from index strings, and the point-in-polygon grid all give
// exactly what the plain computations give.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { cellToChildren, cellToParent, getRes0Cells, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { buildAreaIndex, polygonContains } from '../../../server/analysis/area-index.js';
import { cellParent } from '../../../server/analysis/cell-parent.js';
import { pointCells } from '../../../server/analysis/point-cells.js';
import type { AreaGeometry, LngLat } from '../../../server/domain/types.js';
import { buildDefaultDataset } from '../../../data/default-dataset.js';

const lat = (min: number, max: number) => fc.double({ min, max, noNaN: true });

describe('pointCells', () => {
  it('equals latLngToCell at 9, 8 and 7 for points in Jakarta and anywhere on Earth', () => {
    const check = (la: number, lo: number) => {
      const got = pointCells(la, lo, latLngToCell(la, lo, 10));
      expect([got.h3_9, got.h3_8, got.h3_7]).toEqual([latLngToCell(la, lo, 9), latLngToCell(la, lo, 8), latLngToCell(la, lo, 7)]);
    };
    fc.assert(fc.property(lat(-6.4, -6.05), lat(106.65, 107.0), check), { numRuns: 200_000, seed: 1 });
    fc.assert(fc.property(lat(-90, 90), lat(-180, 180), check), { numRuns: 100_000, seed: 2 });
  });

  it('gives the right cells when the finer cell it starts from is someone else’s', () => {
    const other = latLngToCell(-6.1, 106.9, 10);
    const got = pointCells(-6.1868, 106.8031, other);
    expect([got.h3_9, got.h3_8, got.h3_7]).toEqual([9, 8, 7].map((r) => latLngToCell(-6.1868, 106.8031, r)));
  });
});

describe('cellParent', () => {
  it('equals h3-js cellToParent, pentagons included', () => {
    fc.assert(
      fc.property(lat(-90, 90), lat(-180, 180), fc.integer({ min: 1, max: 15 }), (la, lo, r) => {
        const c = latLngToCell(la, lo, r);
        for (let p = 0; p <= r; p++) expect(cellParent(c, p)).toBe(cellToParent(c, p));
      }),
      { numRuns: 20_000, seed: 3 },
    );
    for (const b of getRes0Cells()) for (const c of cellToChildren(b, 2)) for (let p = 0; p <= 2; p++) expect(cellParent(c, p)).toBe(cellToParent(c, p));
  });
});

describe('area index grid', () => {
  const JAKARTA = resolve(process.cwd(), '../shared/data/jakarta/jakarta_kelurahan_cahyadsn.geojson');
  const sets: Array<[string, Array<{ key: string; geometry: AreaGeometry }>]> = [
    ['built-in kelurahan', buildDefaultDataset(20250411).areas.filter((a) => a.level === 'kelurahan').map((a) => ({ key: a.code, geometry: a.geometry }))],
  ];
  if (existsSync(JAKARTA)) {
    const fcoll = JSON.parse(readFileSync(JAKARTA, 'utf8'));
    sets.push(['official kelurahan', fcoll.features.map((f: any, i: number) => ({ key: String(i), geometry: f.geometry }))]);
  }

  for (const [name, items] of sets) {
    it(`answers as a scan of every polygon would (${name}), on random points, vertices and edge points`, () => {
      const index = buildAreaIndex(items);
      const scan = (p: LngLat) => items.find((it) => polygonContains(it.geometry.type === 'Polygon' ? [it.geometry.coordinates as LngLat[][]] : (it.geometry.coordinates as LngLat[][][]), p))?.key ?? null;
      // Past the first 1,000 lookups the index answers from its grid.
      for (let i = 0; i < 1_000; i++) index.containing([106.8, -6.2]);
      const points: LngLat[] = [];
      for (const it of items.slice(0, 80)) {
        const rings = it.geometry.type === 'Polygon' ? [it.geometry.coordinates] : it.geometry.coordinates;
        for (const ring of rings[0]) for (let i = 1; i < ring.length; i += 3) {
          const [a, b] = [ring[i - 1] as LngLat, ring[i] as LngLat];
          points.push(a, [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2], [a[0] + 1e-12, a[1] - 1e-12]);
        }
      }
      fc.assert(
        fc.property(lat(-6.4, -5.1), lat(106.3, 107.1), (y, x) => {
          expect(index.containing([x, y])).toBe(scan([x, y]));
        }),
        { numRuns: 50_000, seed: 4 },
      );
      for (const p of points) expect(index.containing(p)).toBe(scan(p));
    });
  }
});
