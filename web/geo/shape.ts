// Label points and bounding boxes of (multi)polygons, for placing names and fitting the map to an area.
import type { MultiPolygon, Polygon, Position } from 'geojson';

export type LngLat = [number, number];
export type Bounds = [LngLat, LngLat];

function ringsOf(g: Polygon | MultiPolygon): Position[][] {
  return g.type === 'Polygon' ? [g.coordinates[0] ?? []] : g.coordinates.map((p) => p[0] ?? []);
}

/** Signed area and centroid of a closed ring by the shoelace formula (planar, fine at kelurahan scale). */
function ringCentroid(ring: readonly Position[]): { area: number; c: LngLat } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i];
    const [x1, y1] = ring[i + 1];
    const cross = x0 * y1 - x1 * y0;
    a += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (a === 0) return { area: 0, c: [ring[0]?.[0] ?? 0, ring[0]?.[1] ?? 0] };
  return { area: Math.abs(a / 2), c: [cx / (3 * a), cy / (3 * a)] };
}

/** The area-weighted centroid of the outer rings (holes ignored; good enough to hang a label on). */
export function centroidOf(g: Polygon | MultiPolygon): LngLat {
  let total = 0;
  let x = 0;
  let y = 0;
  for (const ring of ringsOf(g)) {
    const { area, c } = ringCentroid(ring);
    total += area;
    x += c[0] * area;
    y += c[1] * area;
  }
  if (total === 0) {
    const first = ringsOf(g)[0]?.[0];
    return [first?.[0] ?? 0, first?.[1] ?? 0];
  }
  return [x / total, y / total];
}

export function boundsOf(g: Polygon | MultiPolygon): Bounds {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const ring of ringsOf(g)) {
    for (const [px, py] of ring) {
      minX = Math.min(minX, px);
      minY = Math.min(minY, py);
      maxX = Math.max(maxX, px);
      maxY = Math.max(maxY, py);
    }
  }
  return [
    [minX, minY],
    [maxX, maxY],
  ];
}
