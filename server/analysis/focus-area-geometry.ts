// Checks an outline an analyst drew for a focus area (valid rings, no self-crossing, inside Jakarta, a sensible size)
// and derives its kelurahan: the one holding the largest share of it (areas by turf's spherical formula).
import * as turf from '@turf/turf';
import type { Geometry } from 'geojson';
import type { AreaGeometry, LngLat } from '../domain/types.js';
import { checkPolygonGeometry } from '../ingest/geometry-checks.js';
import { buildAreaIndex } from './area-index.js';
import { areaCentroid } from './centroid.js';

/** A focus area is a kampung or a few RW: from about 30 m × 30 m up to a large kelurahan. */
export const MIN_FOCUS_AREA_M2 = 1_000;
export const MAX_FOCUS_AREA_KM2 = 25;
export const MAX_FOCUS_VERTICES = 5_000;
/** Vertices may lie this far outside every kelurahan (the built-in coastline is simplified). */
export const OUTSIDE_TOLERANCE_KM = 1;

export interface KelurahanOutline {
  code: string;
  geometry: AreaGeometry;
}

export interface GeometryProblem {
  field: 'geometry';
  message: string;
}

export type FocusGeometryCheck = { ok: true; geometry: AreaGeometry; kelurahanCode: string; areaKm2: number } | { ok: false; problem: GeometryProblem };

const fail = (message: string): FocusGeometryCheck => ({ ok: false, problem: { field: 'geometry', message } });

function vertices(g: AreaGeometry): LngLat[] {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polygons.flatMap((rings) => rings.flatMap((ring) => ring.slice(0, -1).map(([x, y]): LngLat => [x, y])));
}

/** Drops heights: outlines are stored 2D. */
function flat(g: AreaGeometry): AreaGeometry {
  const ring = (r: number[][]) => r.map(([x, y]) => [x, y]);
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(ring)) };
}

function overlapM2(a: AreaGeometry, b: AreaGeometry): number {
  try {
    const cut = turf.intersect(turf.featureCollection([turf.feature(a), turf.feature(b)]));
    return cut ? turf.area(cut) : 0;
  } catch {
    // A kelurahan outline the clipper cannot handle counts as no overlap; the centroid rule below still applies.
    return 0;
  }
}

/** The kelurahan holding the largest part of the outline; ties and slivers fall back to the one holding its centroid. */
export function kelurahanOf(g: AreaGeometry, kelurahan: readonly KelurahanOutline[]): string | null {
  const [w, s, e, n] = turf.bbox(g);
  let best: { code: string; m2: number } | null = null;
  for (const k of kelurahan) {
    const [kw, ks, ke, kn] = turf.bbox(k.geometry);
    if (kw > e || ke < w || ks > n || kn < s) continue;
    const m2 = overlapM2(g, k.geometry);
    if (m2 > 0 && (best === null || m2 > best.m2)) best = { code: k.code, m2 };
  }
  if (best) return best.code;
  const index = buildAreaIndex(kelurahan.map((k) => ({ key: k.code, geometry: k.geometry })));
  return index.assign(areaCentroid(g), OUTSIDE_TOLERANCE_KM);
}

/** Checks a drawn outline against Jakarta's kelurahan; the first problem found is reported with what is valid. */
export function checkFocusGeometry(input: Geometry, kelurahan: readonly KelurahanOutline[]): FocusGeometryCheck {
  const basic = checkPolygonGeometry(input);
  if (!basic.ok) {
    // An outline drawn on the map gets its own advice, not the import's (fix the file and import again).
    return fail(`The outline is not a valid polygon: ${basic.message.en}.${basic.crossing ? ' Move the vertices so that no two edges cross.' : ''}`);
  }
  const geometry = flat(basic.geometry);
  const points = vertices(geometry);
  if (points.length > MAX_FOCUS_VERTICES) return fail(`The outline has ${points.length} vertices; at most ${MAX_FOCUS_VERTICES} are allowed. Simplify it.`);
  const m2 = turf.area(geometry);
  if (m2 < MIN_FOCUS_AREA_M2)
    return fail(`The outline covers ${Math.round(m2)} m²; a focus area must cover at least ${MIN_FOCUS_AREA_M2} m² (about 30 m × 30 m).`);
  if (m2 > MAX_FOCUS_AREA_KM2 * 1e6) {
    return fail(
      `The outline covers ${(m2 / 1e6).toFixed(1)} km²; a focus area may cover at most ${MAX_FOCUS_AREA_KM2} km². Draw the kampung, not the whole district.`,
    );
  }
  const index = buildAreaIndex(kelurahan.map((k) => ({ key: k.code, geometry: k.geometry })));
  for (const [i, p] of points.entries()) {
    if (index.assign(p, OUTSIDE_TOLERANCE_KM) === null) {
      return fail(
        `Vertex ${i + 1} at (${p[0].toFixed(5)}, ${p[1].toFixed(5)}) lies outside DKI Jakarta (more than ${OUTSIDE_TOLERANCE_KM} km from every kelurahan); focus areas must lie within Jakarta.`,
      );
    }
  }
  const kelurahanCode = kelurahanOf(geometry, kelurahan);
  if (kelurahanCode === null) return fail('The outline does not overlap any kelurahan of Jakarta.');
  return { ok: true, geometry, kelurahanCode, areaKm2: m2 / 1e6 };
}
