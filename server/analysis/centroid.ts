// Area-weighted planar centroid of polygons and multipolygons (the shoelace formula: Bourke, "Calculating the area and centroid of a polygon", 1988), holes subtracted, and the location a site stands at.
import { polygonsOf, type AreaGeometry, type Position, type SiteGeometry } from './geometry.js';

/** Signed area and area-weighted coordinate sums of one ring, relative to an origin to keep precision. */
function ringMoments(ring: ReadonlyArray<Position>, ox: number, oy: number): { a: number; cx: number; cy: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const x0 = ring[j][0] - ox;
    const y0 = ring[j][1] - oy;
    const x1 = ring[i][0] - ox;
    const y1 = ring[i][1] - oy;
    const cross = x0 * y1 - x1 * y0;
    a += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  return { a: a / 2, cx: cx / 6, cy: cy / 6 };
}

/**
 * The planar area-weighted centroid in [lng, lat] degrees. The first ring of each polygon counts
 * as outer and the rest as holes whatever their winding; a geometry of zero area falls back to the
 * mean of its vertices.
 */
export function areaCentroid(geometry: AreaGeometry): [number, number] {
  const polygons = polygonsOf(geometry);
  const ox = polygons[0][0][0][0];
  const oy = polygons[0][0][0][1];
  let area = 0;
  let sx = 0;
  let sy = 0;
  let vx = 0;
  let vy = 0;
  let vertices = 0;
  for (const rings of polygons) {
    rings.forEach((ring, r) => {
      const m = ringMoments(ring, ox, oy);
      const sign = (r === 0 ? 1 : -1) * Math.sign(m.a);
      area += sign * m.a;
      sx += sign * m.cx;
      sy += sign * m.cy;
      for (const p of ring) {
        vx += p[0] - ox;
        vy += p[1] - oy;
        vertices++;
      }
    });
  }
  if (Math.abs(area) < 1e-18) return [ox + vx / vertices, oy + vy / vertices];
  return [ox + sx / area, oy + sy / area];
}

/** Where a site is for distance purposes: a point's own coordinates, an area's centroid. */
export function siteLocation(geometry: SiteGeometry): [number, number] {
  return geometry.type === 'Point' ? [geometry.coordinates[0], geometry.coordinates[1]] : areaCentroid(geometry);
}
