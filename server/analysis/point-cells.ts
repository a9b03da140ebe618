// The H3 cells of a point at resolutions 9, 8 and 7 from its cell at 10, for a fraction of the cost of three more
// latLngToCell calls: the parent of the finer cell is the usual answer (cellParent), accepted only when the point lies
// inside that cell's hexagon with a margin, else latLngToCell decides (H3 cells do not nest exactly, so parents alone
// would misplace the points in a child's overhang, about 7% of them). Geometry: inside one icosahedron face H3 cells
// are hexagons whose edges are great-circle arcs (gnomonic projection; H3 docs, "Indexing": icosahedron and
// projection); over a cell such an arc departs from the straight line between its vertices in longitude/latitude by
// at most L²·tan|φ|/(8R) (about 0.1 m for a 1.5 km edge at 60°), far inside MARGIN. Cells near a face edge, beyond 60°
// or at the antimeridian are always left to latLngToCell.
import { cellToBoundary, cellToLatLng, getPentagons, latLngToCell } from 'h3-js';
import { cellParent } from './cell-parent.js';

/** Degrees (about 1.1 m): a point closer than this to a hexagon edge goes to latLngToCell. */
const MARGIN = 1e-5;
const MAX_ABS_LAT = 60;
/** Kilometres kept clear of icosahedron edges, beyond the cell's own size. */
const FACE_EDGE_BAND_KM = 5;
const EARTH_KM = 6371.0088;
/** Most cached hexagons or ancestor lists (Jakarta has about 10,000 cells at resolution 9 and 70,000 at 10). */
const MAX_CACHED = 200_000;

type Vec3 = [number, number, number];
const RAD = Math.PI / 180;
const unit = (lat: number, lng: number): Vec3 => [Math.cos(lat * RAD) * Math.cos(lng * RAD), Math.cos(lat * RAD) * Math.sin(lng * RAD), Math.sin(lat * RAD)];
const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

let faceEdgeNormals: Vec3[] | null = null;

/** Normals of the great circles through the icosahedron's edges; its vertices are the 12 resolution-0 pentagons. */
function faceEdges(): Vec3[] {
  if (faceEdgeNormals) return faceEdgeNormals;
  const vertices = getPentagons(0).map((c) => {
    const [lat, lng] = cellToLatLng(c);
    return unit(lat, lng);
  });
  const normals: Vec3[] = [];
  for (let i = 0; i < vertices.length; i++) for (let j = i + 1; j < vertices.length; j++) {
    const [a, b] = [vertices[i], vertices[j]];
    // Neighbouring vertices of an icosahedron are 63.4° apart; the other pairs are 116.6° or 180°.
    if (dot(a, b) < Math.cos(70 * RAD)) continue;
    const n: Vec3 = [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
    const len = Math.hypot(...n);
    normals.push([n[0] / len, n[1] / len, n[2] / len]);
  }
  faceEdgeNormals = normals;
  return normals;
}

/**
 * The cell's hexagon as six inward edge lines (nx, ny, c: inside where nx·lng + ny·lat − c > 0, unit normals in
 * degrees), or null when the cell is left to latLngToCell.
 */
const hexagons = new Map<string, Float64Array | null>();

function hexagonOf(cell: string): Float64Array | null {
  const known = hexagons.get(cell);
  if (known !== undefined) return known;
  if (hexagons.size >= MAX_CACHED) hexagons.clear();
  const ring = cellToBoundary(cell);
  let hex: Float64Array | null = null;
  const [clat, clng] = cellToLatLng(cell);
  const spread = ring.some(([lat, lng]) => Math.abs(lat) > MAX_ABS_LAT || Math.abs(lng - clng) > 1);
  if (ring.length === 6 && !spread) {
    const center = unit(clat, clng);
    const radiusKm = Math.max(...ring.map(([lat, lng]) => Math.acos(Math.min(1, dot(center, unit(lat, lng)))) * EARTH_KM));
    const clear = faceEdges().every((n) => Math.asin(Math.abs(dot(center, n))) * EARTH_KM > radiusKm + FACE_EDGE_BAND_KM);
    if (clear) {
      hex = new Float64Array(18);
      // Orientation from the signed area, so normals point inward whichever way the ring turns.
      let area = 0;
      for (let i = 0; i < 6; i++) {
        const [ay, ax] = ring[i];
        const [by, bx] = ring[(i + 1) % 6];
        area += ax * by - bx * ay;
      }
      const sign = area > 0 ? 1 : -1;
      for (let i = 0; i < 6; i++) {
        const [ay, ax] = ring[i];
        const [by, bx] = ring[(i + 1) % 6];
        const len = Math.hypot(bx - ax, by - ay);
        const nx = (-(by - ay) / len) * sign;
        const ny = ((bx - ax) / len) * sign;
        hex[3 * i] = nx;
        hex[3 * i + 1] = ny;
        hex[3 * i + 2] = nx * ax + ny * ay;
      }
    }
  }
  hexagons.set(cell, hex);
  return hex;
}

/** Whether the point is inside the hexagon, at least MARGIN from every edge. */
function surelyIn(h: Float64Array | null, lat: number, lng: number): boolean {
  if (h === null) return false;
  for (let i = 0; i < 18; i += 3) if (h[i] * lng + h[i + 1] * lat - h[i + 2] <= MARGIN) return false;
  return true;
}

/** latLngToCell(lat, lng, res), trying the parent of `finer` (a cell of the point at a finer resolution) first. */
function cellFrom(finer: string, lat: number, lng: number, res: number): string {
  const guess = cellParent(finer, res);
  return surelyIn(hexagonOf(guess), lat, lng) ? guess : latLngToCell(lat, lng, res);
}

/** The usual ancestors of a resolution-10 cell and their hexagons, found once per cell (a few per hectare). */
interface Ancestors {
  p9: string;
  h9: Float64Array | null;
  p8: string;
  h8: Float64Array | null;
  p7: string;
  h7: Float64Array | null;
}

/** Keyed by the 52 bits below the mode and resolution (13 hex digits): numbers hash far faster than new strings. */
const ancestors = new Map<number, Ancestors>();

function ancestorsOf(cell10: string): Ancestors | null {
  if (cell10.length !== 15 || !cell10.startsWith('8a')) return null;
  const key = parseInt(cell10.slice(2, 9), 16) * 0x1000000 + parseInt(cell10.slice(9), 16);
  let a = ancestors.get(key);
  if (a === undefined) {
    if (ancestors.size >= MAX_CACHED) ancestors.clear();
    const p9 = cellParent(cell10, 9);
    const p8 = cellParent(p9, 8);
    const p7 = cellParent(p8, 7);
    a = { p9, h9: hexagonOf(p9), p8, h8: hexagonOf(p8), p7, h7: hexagonOf(p7) };
    ancestors.set(key, a);
  }
  return a;
}

export interface PointCells {
  h3_7: string;
  h3_8: string;
  h3_9: string;
}

/** The point's cells at 9, 8 and 7, exactly as latLngToCell gives them; `cell10` is its cell at resolution 10. */
export function pointCells(lat: number, lng: number, cell10: string): PointCells {
  const a = ancestorsOf(cell10);
  if (a === null) return { h3_9: latLngToCell(lat, lng, 9), h3_8: latLngToCell(lat, lng, 8), h3_7: latLngToCell(lat, lng, 7) };
  const h3_9 = surelyIn(a.h9, lat, lng) ? a.p9 : latLngToCell(lat, lng, 9);
  const h3_8 = h3_9 !== a.p9 ? cellFrom(h3_9, lat, lng, 8) : surelyIn(a.h8, lat, lng) ? a.p8 : latLngToCell(lat, lng, 8);
  const h3_7 = h3_8 !== a.p8 ? cellFrom(h3_8, lat, lng, 7) : surelyIn(a.h7, lat, lng) ? a.p7 : latLngToCell(lat, lng, 7);
  return { h3_7, h3_8, h3_9 };
}
