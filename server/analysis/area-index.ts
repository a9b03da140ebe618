// Assigns points to the polygon containing them (even-odd ray casting with a bbox prefilter, and a grid once many
// points have been asked about), or the nearest one within a tolerance.
import type { AreaGeometry, LngLat } from '../domain/types.js';
import { areaGridData, areaGridFrom, buildAreaGrid, type AreaGrid, type AreaGridData } from './area-grid.js';

interface Indexed {
  key: string;
  bbox: [number, number, number, number];
  polygons: LngLat[][][];
}

export interface AreaIndex {
  /** The key of the polygon containing the point, or null. */
  containing(p: LngLat): string | null;
  /** Containing polygon, else the nearest within `maxKm` (for points a simplified coastline leaves just outside). */
  assign(p: LngLat, maxKm: number): string | null;
  /** Distance in km from the point to the nearest polygon edge, 0 when inside; Infinity when nothing is within `searchKm`. */
  nearest(p: LngLat, searchKm: number): { key: string; km: number } | null;
}

const KM_PER_DEG = 111.195;
/** Point lookups answered by scanning before the grid is built: a few lookups never pay for it, imports do. */
const GRID_AFTER = 1_000;

function polygonsOf(g: AreaGeometry): LngLat[][][] {
  return g.type === 'Polygon' ? [g.coordinates as LngLat[][]] : (g.coordinates as LngLat[][][]);
}

function ringContains(ring: LngLat[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function polygonContains(polygons: LngLat[][][], p: LngLat): boolean {
  for (const rings of polygons) {
    let inside = false;
    for (const ring of rings) if (ringContains(ring, p[0], p[1])) inside = !inside;
    if (inside) return true;
  }
  return false;
}

/** Squared planar distance in km² from p to segment ab, with longitude scaled by cos(latitude). */
function segmentDistanceKm(p: LngLat, a: LngLat, b: LngLat, kx: number): number {
  const ax = (a[0] - p[0]) * kx, ay = (a[1] - p[1]) * KM_PER_DEG;
  const bx = (b[0] - p[0]) * kx, by = (b[1] - p[1]) * KM_PER_DEG;
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  const cx = ax + t * dx, cy = ay + t * dy;
  return Math.sqrt(cx * cx + cy * cy);
}

function bboxOf(polygons: LngLat[][][]): [number, number, number, number] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const rings of polygons) for (const ring of rings) for (const [x, y] of ring) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}

type IndexItems = ReadonlyArray<{ key: string; geometry: AreaGeometry }>;

/** The grid buildAreaIndex would build for these items, to hand to it (on another thread) as `grid`. */
export function areaIndexGridData(items: IndexItems): AreaGridData | null {
  return areaGridData(items.map((it) => polygonsOf(it.geometry)));
}

/**
 * `gridAfter`: lookups answered by scanning before the grid is built (0 when many points are sure to come);
 * `grid`: that grid built already (areaIndexGridData of the same items, in the same order).
 */
export function buildAreaIndex(items: IndexItems, { gridAfter = GRID_AFTER, grid: built }: { gridAfter?: number; grid?: AreaGridData } = {}): AreaIndex {
  const indexed: Indexed[] = items.map((it) => {
    const polygons = polygonsOf(it.geometry);
    return { key: it.key, polygons, bbox: bboxOf(polygons) };
  });

  let asked = 0;
  const inside = (k: number, p: LngLat) => {
    const b = indexed[k].bbox;
    return p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3] && polygonContains(indexed[k].polygons, p);
  };
  let grid: AreaGrid | null = built ? areaGridFrom(built, inside) : null;

  function containing(p: LngLat): string | null {
    if (grid === null && ++asked >= gridAfter) {
      grid = buildAreaGrid(indexed.map((it) => it.polygons), inside);
    }
    if (grid !== null) {
      const k = grid.find(p[0], p[1]);
      return k === -1 ? null : indexed[k].key;
    }
    for (const it of indexed) {
      const b = it.bbox;
      if (p[0] < b[0] || p[0] > b[2] || p[1] < b[1] || p[1] > b[3]) continue;
      if (polygonContains(it.polygons, p)) return it.key;
    }
    return null;
  }

  function nearest(p: LngLat, searchKm: number): { key: string; km: number } | null {
    const kx = KM_PER_DEG * Math.cos((p[1] * Math.PI) / 180);
    const mx = searchKm / kx, my = searchKm / KM_PER_DEG;
    let best: { key: string; km: number } | null = null;
    for (const it of indexed) {
      const b = it.bbox;
      if (p[0] < b[0] - mx || p[0] > b[2] + mx || p[1] < b[1] - my || p[1] > b[3] + my) continue;
      if (polygonContains(it.polygons, p)) return { key: it.key, km: 0 };
      for (const rings of it.polygons) for (const ring of rings) for (let i = 1; i < ring.length; i++) {
        const d = segmentDistanceKm(p, ring[i - 1], ring[i], kx);
        if (d <= searchKm && (best === null || d < best.km)) best = { key: it.key, km: d };
      }
    }
    return best;
  }

  return {
    containing,
    nearest,
    assign(p, maxKm) {
      return containing(p) ?? nearest(p, maxKm)?.key ?? null;
    },
  };
}
