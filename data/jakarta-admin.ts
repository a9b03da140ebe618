// Builds approximate kota, kecamatan and kelurahan polygons for DKI Jakarta from the `geografis` package's codes, names and centroids.
// No official polygon ships in an npm package, so each kelurahan becomes the Voronoi cell of its centroid, clipped to an outline
// generated from all centroids (a concave hull buffered by 1 km; island kelurahan get a 2 km disc); kecamatan and kota are unions.
import * as turf from '@turf/turf';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import type { Area, AreaGeometry } from '../server/domain/types.js';

export interface KelurahanRecord {
  code: string;
  name: string;
  kecamatanName: string;
  kotaName: string;
  centroid: [number, number];
}

export const ADMIN_SOURCE = 'geografis npm package (Permendagri 72/2019 codes and centroids); polygons approximated by Rawan (Voronoi)';

interface GeografisEntry {
  code: string;
  city: string;
  district: string;
  village: string;
  latitude: number;
  longitude: number;
}

function isEntry(v: unknown): v is GeografisEntry {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return typeof r.code === 'string' && typeof r.village === 'string' && typeof r.latitude === 'number' && typeof r.longitude === 'number';
}

/** Reads the 267 DKI Jakarta kelurahan (codes starting `31.`) from geografis' data file without loading its search index. */
export function loadJakartaKelurahan(): KelurahanRecord[] {
  const require = createRequire(import.meta.url);
  const file = require.resolve('geografis/data/json/data.json');
  const all: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(all)) throw new Error('geografis data.json is not an array');
  return all
    .filter(isEntry)
    .filter((e) => e.code.startsWith('31.'))
    .map((e) => ({
      code: e.code,
      name: e.village.trim().replace(/\.$/, ''),
      kecamatanName: e.district.trim().replace(/\.$/, ''),
      kotaName: e.city.trim().replace(/\.$/, ''),
      centroid: [e.longitude, e.latitude] as [number, number],
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

const isIsland = (code: string): boolean => code.startsWith('31.01.');

function toGeometry(f: Feature<Polygon | MultiPolygon> | null): AreaGeometry | null {
  return f ? f.geometry : null;
}

function voronoiCells(records: KelurahanRecord[], clip: Feature<Polygon | MultiPolygon>): Map<string, AreaGeometry> {
  const points = turf.featureCollection(records.map((r) => turf.point(r.centroid, { code: r.code })));
  const [minX, minY, maxX, maxY] = turf.bbox(clip);
  const cells = turf.voronoi(points, { bbox: [minX - 0.1, minY - 0.1, maxX + 0.1, maxY + 0.1] });
  const out = new Map<string, AreaGeometry>();
  cells.features.forEach((cell, i) => {
    if (!cell) return;
    const clipped = toGeometry(turf.intersect(turf.featureCollection([cell, clip])));
    if (clipped) out.set(records[i].code, roundGeometry(clipped));
  });
  return out;
}

function roundGeometry(g: AreaGeometry): AreaGeometry {
  const r = (n: number) => Math.round(n * 1e6) / 1e6;
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map((ring) => ring.map(([x, y]) => [r(x), r(y)])) };
  return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((ring) => ring.map(([x, y]) => [r(x), r(y)]))) };
}

function unionOf(geoms: AreaGeometry[]): AreaGeometry {
  if (geoms.length === 1) return geoms[0];
  const merged = turf.union(turf.featureCollection(geoms.map((g) => turf.feature(g))));
  if (!merged) throw new Error('union of kelurahan cells was empty');
  return roundGeometry(merged.geometry);
}

/** The mainland outline: a concave hull of the mainland centroids, buffered so edge kelurahan keep their area. */
export function mainlandOutline(records: KelurahanRecord[]): Feature<Polygon | MultiPolygon> {
  const pts = turf.featureCollection(records.filter((r) => !isIsland(r.code)).map((r) => turf.point(r.centroid)));
  const hull = turf.concave(pts, { maxEdge: 6, units: 'kilometers' }) ?? turf.convex(pts);
  if (!hull) throw new Error('could not build a Jakarta outline from kelurahan centroids');
  const buffered = turf.buffer(hull, 1, { units: 'kilometers', steps: 8 });
  if (!buffered) throw new Error('could not buffer the Jakarta outline');
  return buffered;
}

/** All approximate areas: 267 kelurahan, 44 kecamatan, 6 kota (5 kota + Kepulauan Seribu). */
export function buildApproximateAreas(records: KelurahanRecord[] = loadJakartaKelurahan()): Area[] {
  const mainland = records.filter((r) => !isIsland(r.code));
  const islands = records.filter((r) => isIsland(r.code));
  const cells = voronoiCells(mainland, mainlandOutline(records));
  const islandClip = turf.union(turf.featureCollection(islands.map((r) => turf.circle(r.centroid, 2, { steps: 16, units: 'kilometers' }))));
  if (islandClip) for (const [code, g] of voronoiCells(islands, islandClip)) cells.set(code, g);

  const base = { source: ADMIN_SOURCE, approximate: true };
  const kelurahan: Area[] = records.map((r) => {
    const geometry = cells.get(r.code);
    if (!geometry) throw new Error(`no Voronoi cell for kelurahan ${r.code}`);
    return { ...base, code: r.code, name: r.name, level: 'kelurahan', parentCode: r.code.slice(0, 8), geometry };
  });
  const groups = (len: number) => {
    const m = new Map<string, Area[]>();
    for (const k of kelurahan) m.set(k.code.slice(0, len), [...(m.get(k.code.slice(0, len)) ?? []), k]);
    return m;
  };
  const byCode = new Map(records.map((r) => [r.code, r]));
  const kecamatan: Area[] = [...groups(8)].map(([code, ks]) => ({
    ...base,
    code,
    name: byCode.get(ks[0].code)?.kecamatanName ?? code,
    level: 'kecamatan',
    parentCode: code.slice(0, 5),
    geometry: unionOf(ks.map((k) => k.geometry)),
  }));
  const kota: Area[] = [...groups(5)].map(([code, ks]) => ({
    ...base,
    code,
    name: byCode.get(ks[0].code)?.kotaName ?? code,
    level: 'kota',
    parentCode: '31',
    geometry: unionOf(ks.map((k) => k.geometry)),
  }));
  return [...kota, ...kecamatan, ...kelurahan];
}

export function centroidPoint(r: KelurahanRecord): Feature<Point> {
  return turf.point(r.centroid);
}
