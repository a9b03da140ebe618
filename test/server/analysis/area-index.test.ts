// The point-in-polygon grid gives exactly what a scan of every polygon gives.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { areaIndexGridData, buildAreaIndex, polygonContains } from '../../../server/analysis/area-index.js';
import type { AreaGeometry, LngLat } from '../../../server/domain/types.js';
import { buildDefaultDataset } from '../../../data/default-dataset.js';

const lat = (min: number, max: number) => fc.double({ min, max, noNaN: true });

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
      // Past the first 1,000 lookups the index answers from its grid; with gridAfter 0, from the first one.
      const index = buildAreaIndex(items);
      const gridAtOnce = buildAreaIndex(items, { gridAfter: 0 });
      // A grid built apart (as the main thread builds it for an import's thread) and moved through a structured clone.
      const data = areaIndexGridData(items);
      if (data === null) throw new Error('no grid for these polygons');
      const moved = structuredClone(data, { transfer: [data.near.buffer, data.owner.buffer, data.start.buffer, data.candidates.buffer] });
      expect(data.owner.length).toBe(0);
      const handed = buildAreaIndex(items, { grid: moved });
      const scan = (p: LngLat) => items.find((it) => polygonContains(it.geometry.type === 'Polygon' ? [it.geometry.coordinates as LngLat[][]] : (it.geometry.coordinates as LngLat[][][]), p))?.key ?? null;
      expect(gridAtOnce.containing([106.8, -6.2])).toBe(scan([106.8, -6.2]));
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
          expect(gridAtOnce.containing([x, y])).toBe(scan([x, y]));
          expect(handed.containing([x, y])).toBe(scan([x, y]));
        }),
        { numRuns: 50_000, seed: 4 },
      );
      for (const p of points) {
        expect(index.containing(p)).toBe(scan(p));
        expect(gridAtOnce.containing(p)).toBe(scan(p));
        expect(handed.containing(p)).toBe(scan(p));
      }
    });
  }
});
