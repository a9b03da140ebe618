// Checks polygon geometry from imported files: types, closed rings, enough vertices, coordinate ranges, self-intersections.
import * as turf from '@turf/turf';
import type { Geometry } from 'geojson';
import type { AreaGeometry } from '../domain/types.js';
import { checkLngLat } from './values.js';

export type GeometryCheck = { ok: true; geometry: AreaGeometry; warnings: string[] } | { ok: false; message: string };

function isPosition(p: unknown): p is [number, number] {
  return Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number';
}

function checkRing(ring: unknown, where: string): string | null {
  if (!Array.isArray(ring) || !ring.every(isPosition)) return `${where} is not a list of [longitude, latitude] positions`;
  if (ring.length < 4) return `${where} has ${ring.length} positions; a closed ring needs at least 4`;
  const [a, b] = [ring[0], ring[ring.length - 1]];
  if (a[0] !== b[0] || a[1] !== b[1]) return `${where} is not closed (its first and last positions differ)`;
  for (const [lng, lat] of ring) {
    const c = checkLngLat(lng, lat);
    if (!c.ok) return `${where}: ${c.message}`;
  }
  return null;
}

export function checkPolygonGeometry(g: Geometry | null): GeometryCheck {
  if (g === null) return { ok: false, message: 'has no geometry' };
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return { ok: false, message: `geometry is a ${g.type}; boundaries must be Polygon or MultiPolygon` };
  const polygons: unknown[] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  if (!Array.isArray(polygons) || polygons.length === 0) return { ok: false, message: 'geometry has no coordinates' };
  const warnings: string[] = [];
  for (const [pi, rings] of polygons.entries()) {
    if (!Array.isArray(rings) || rings.length === 0) return { ok: false, message: `polygon ${pi + 1} has no rings` };
    for (const [ri, ring] of rings.entries()) {
      const problem = checkRing(ring, `ring ${ri + 1} of polygon ${pi + 1}`);
      if (problem) return { ok: false, message: problem };
    }
  }
  const geometry: AreaGeometry = g.type === 'Polygon' ? { type: 'Polygon', coordinates: g.coordinates } : { type: 'MultiPolygon', coordinates: g.coordinates };
  const kinks = turf.kinks(turf.feature(geometry)).features;
  if (kinks.length > 0) {
    const [x, y] = kinks[0].geometry.coordinates;
    return {
      ok: false,
      message: `boundary crosses itself at ${kinks.length} point(s), first near (${x.toFixed(5)}, ${y.toFixed(5)}); fix the polygon (e.g. ST_MakeValid or QGIS "Fix geometries") and import again`,
    };
  }
  return { ok: true, geometry, warnings };
}
