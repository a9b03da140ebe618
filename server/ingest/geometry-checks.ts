// Checks polygon geometry from imported files: types, closed rings, enough vertices, coordinate ranges, self-intersections.
import * as turf from '@turf/turf';
import type { Geometry } from 'geojson';
import type { AreaGeometry } from '../domain/types.js';
import { msg, type Msg } from './messages.js';
import { checkLngLat } from './values.js';

/** A failure says what is wrong; `crossing` marks a boundary that crosses itself (each caller advises its own fix). */
export type GeometryCheck = { ok: true; geometry: AreaGeometry; warnings: Msg[] } | { ok: false; message: Msg; crossing?: true };

/** What to do about a boundary in an imported file that crosses itself. */
export const FIX_CROSSING_FILE = msg(
  'fix the polygon (e.g. ST_MakeValid or QGIS "Fix geometries") and import again',
  'perbaiki poligonnya (misalnya ST_MakeValid atau "Fix geometries" di QGIS) lalu impor lagi',
);

function isPosition(p: unknown): p is [number, number] {
  return Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number';
}

/** `where`: the ring's place, e.g. ring 1 of polygon 2 (`[1, 2]`). */
function checkRing(ring: unknown, [r, p]: [number, number]): Msg | null {
  const en = `ring ${r} of polygon ${p}`;
  const id = `cincin ${r} poligon ${p}`;
  if (!Array.isArray(ring) || !ring.every(isPosition)) return msg(`${en} is not a list of [longitude, latitude] positions`, `${id} bukan daftar posisi [bujur, lintang]`);
  if (ring.length < 4) return msg(`${en} has ${ring.length} positions; a closed ring needs at least 4`, `${id} punya ${ring.length} posisi; cincin tertutup perlu sedikitnya 4`);
  const [a, b] = [ring[0], ring[ring.length - 1]];
  if (a[0] !== b[0] || a[1] !== b[1]) return msg(`${en} is not closed (its first and last positions differ)`, `${id} tidak tertutup (posisi pertama dan terakhirnya berbeda)`);
  for (const [lng, lat] of ring) {
    const c = checkLngLat(lng, lat);
    if (!c.ok) return msg(`${en}: ${c.message.en}`, `${id}: ${c.message.id}`);
  }
  return null;
}

export function checkPolygonGeometry(g: Geometry | null): GeometryCheck {
  if (g === null) return { ok: false, message: msg('has no geometry', 'tidak punya geometri') };
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon')
    return { ok: false, message: msg(`geometry is a ${g.type}; boundaries must be Polygon or MultiPolygon`, `geometri berupa ${g.type}; batas wilayah harus Polygon atau MultiPolygon`) };
  const polygons: unknown[] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  if (!Array.isArray(polygons) || polygons.length === 0) return { ok: false, message: msg('geometry has no coordinates', 'geometri tidak punya koordinat') };
  const warnings: Msg[] = [];
  for (const [pi, rings] of polygons.entries()) {
    if (!Array.isArray(rings) || rings.length === 0) return { ok: false, message: msg(`polygon ${pi + 1} has no rings`, `poligon ${pi + 1} tidak punya cincin`) };
    for (const [ri, ring] of rings.entries()) {
      const problem = checkRing(ring, [ri + 1, pi + 1]);
      if (problem) return { ok: false, message: problem };
    }
  }
  const geometry: AreaGeometry = g.type === 'Polygon' ? { type: 'Polygon', coordinates: g.coordinates } : { type: 'MultiPolygon', coordinates: g.coordinates };
  const kinks = turf.kinks(turf.feature(geometry)).features;
  if (kinks.length > 0) {
    const [x, y] = kinks[0].geometry.coordinates;
    return {
      ok: false,
      crossing: true,
      message: msg(
        `boundary crosses itself at ${kinks.length} point(s), first near (${x.toFixed(5)}, ${y.toFixed(5)})`,
        `batas wilayah memotong dirinya sendiri di ${kinks.length} titik, yang pertama dekat (${x.toFixed(5)}, ${y.toFixed(5)})`,
      ),
    };
  }
  return { ok: true, geometry, warnings };
}
