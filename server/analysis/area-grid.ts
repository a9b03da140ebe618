// A uniform grid over a set of polygons for point-in-polygon at millions of points: a cell no polygon edge comes near
// lies wholly inside the same polygons as its centre, so it answers at once; the few cells edges cross list the
// polygons a point there must be tested against (scan-line polygon fill: Foley et al., Computer Graphics, §3.6).
import type { LngLat } from '../domain/types.js';

/** Most cells in the grid (4 bytes each, plus the candidate lists of cells edges cross). */
const MAX_CELLS = 1 << 20;
/** Edges are widened by this much (degrees, about 0.1 mm) so points a rounding error from an edge count as near it. */
const EPSILON = 1e-9;

export interface AreaGrid {
  /** Index of the first polygon (in input order) containing the point, -1 when none does. */
  find(x: number, y: number): number;
}

/**
 * A built grid as plain numbers and typed arrays: it can be built on one thread and used on another (an import's
 * thread gets it from the main thread, which builds it while the import thread starts).
 */
export interface AreaGridData {
  minX: number;
  minY: number;
  size: number;
  nx: number;
  ny: number;
  /** 1 where a polygon edge comes near the cell. */
  near: Uint8Array;
  /** Per far cell, the first polygon containing it (-1: none). */
  owner: Int32Array;
  /** Per near cell, its candidate polygons: candidates[start[cell]..start[cell + 1]). */
  start: Int32Array;
  candidates: Int32Array;
}

/** `polygons[k]` is polygon k's parts, each a list of rings; `contains(k, p)` is the exact test used near edges. */
export function buildAreaGrid(polygons: readonly LngLat[][][][], contains: (k: number, p: LngLat) => boolean): AreaGrid | null {
  const data = areaGridData(polygons);
  return data === null ? null : areaGridFrom(data, contains);
}

/** The grid's arrays, or null when the polygons span no area. */
export function areaGridData(polygons: readonly LngLat[][][][]): AreaGridData | null {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const parts of polygons) for (const rings of parts) for (const ring of rings) for (const [x, y] of ring) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  if (!(maxX > minX && maxY > minY)) return null;
  const size = Math.sqrt(((maxX - minX) * (maxY - minY)) / MAX_CELLS);
  const nx = Math.ceil((maxX - minX) / size) + 1;
  const ny = Math.ceil((maxY - minY) / size) + 1;
  const col = (x: number) => Math.floor((x - minX) / size);
  const row = (y: number) => Math.floor((y - minY) / size);

  // Pass 1: every cell an edge (widened by EPSILON) touches is "near" and gets that polygon as a candidate.
  const near = new Uint8Array(nx * ny);
  let pairs = new Int32Array(1 << 16);
  let n = 0;
  const pair = (cell: number, k: number) => {
    if (n + 2 > pairs.length) {
      const grown = new Int32Array(pairs.length * 2);
      grown.set(pairs);
      pairs = grown;
    }
    pairs[n++] = cell;
    pairs[n++] = k;
  };
  polygons.forEach((parts, k) => {
    for (const rings of parts) for (const ring of rings) for (let i = 1; i < ring.length; i++) {
      const [ax, ay] = ring[i - 1];
      const [bx, by] = ring[i];
      // Long edges in pieces of about one cell, each marking the cells of its (widened) bounding box.
      const steps = Math.max(1, Math.ceil(Math.max(Math.abs(bx - ax), Math.abs(by - ay)) / size));
      for (let s = 0; s < steps; s++) {
        const x0 = ax + ((bx - ax) * s) / steps, y0 = ay + ((by - ay) * s) / steps;
        const x1 = s + 1 === steps ? bx : ax + ((bx - ax) * (s + 1)) / steps;
        const y1 = s + 1 === steps ? by : ay + ((by - ay) * (s + 1)) / steps;
        const c0 = Math.max(0, col(Math.min(x0, x1) - EPSILON)), c1 = Math.min(nx - 1, col(Math.max(x0, x1) + EPSILON));
        const r0 = Math.max(0, row(Math.min(y0, y1) - EPSILON)), r1 = Math.min(ny - 1, row(Math.max(y0, y1) + EPSILON));
        for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) {
          near[r * nx + c] = 1;
          pair(r * nx + c, k);
        }
      }
    }
  });

  // Pass 2: scan lines through cell centres fill the cells each polygon contains (even-odd over all rings of a part,
  // the same crossing test as ray casting). Far cells keep the first polygon; near cells list every containing one.
  const owner = new Int32Array(nx * ny).fill(-1);
  const xs: number[] = [];
  polygons.forEach((parts, k) => {
    for (const rings of parts) {
      let y0 = Infinity, y1 = -Infinity;
      for (const ring of rings) for (const [, y] of ring) {
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
      for (let r = Math.max(0, row(y0)); r <= Math.min(ny - 1, row(y1)); r++) {
        const yc = minY + (r + 0.5) * size;
        xs.length = 0;
        for (const ring of rings) for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          const [xi, yi] = ring[i];
          const [xj, yj] = ring[j];
          if (yi > yc !== yj > yc) xs.push(((xj - xi) * (yc - yi)) / (yj - yi) + xi);
        }
        xs.sort((a, b) => a - b);
        for (let i = 0; i + 1 < xs.length; i += 2) {
          // Centres with an odd number of crossings to their right: xs[i] <= xc < xs[i + 1].
          const first = Math.max(0, Math.ceil((xs[i] - minX) / size - 0.5));
          for (let c = first; c < nx && minX + (c + 0.5) * size < xs[i + 1]; c++) {
            const cell = r * nx + c;
            if (near[cell] === 1) pair(cell, k);
            else if (owner[cell] === -1) owner[cell] = k;
          }
        }
      }
    }
  });

  // Candidate lists of near cells, each in polygon order without repeats (compressed rows).
  const order = new Uint32Array(n / 2);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => pairs[2 * a] - pairs[2 * b] || pairs[2 * a + 1] - pairs[2 * b + 1]);
  const start = new Int32Array(nx * ny + 1);
  const lists: number[] = [];
  let prevCell = -1, prevK = -1;
  for (const i of order) {
    const cell = pairs[2 * i], k = pairs[2 * i + 1];
    if (cell === prevCell && k === prevK) continue;
    lists.push(k);
    start[cell + 1]++;
    prevCell = cell;
    prevK = k;
  }
  for (let c = 0; c < nx * ny; c++) start[c + 1] += start[c];
  const candidates = Int32Array.from(lists);
  return { minX, minY, size, nx, ny, near, owner, start, candidates };
}

/** The lookup over a built grid. */
export function areaGridFrom(data: AreaGridData, contains: (k: number, p: LngLat) => boolean): AreaGrid {
  const { minX, minY, size, nx, ny, near, owner, start, candidates } = data;
  const col = (x: number) => Math.floor((x - minX) / size);
  const row = (y: number) => Math.floor((y - minY) / size);
  return {
    find(x, y) {
      const c = col(x), r = row(y);
      if (c < 0 || r < 0 || c >= nx || r >= ny) return -1;
      const cell = r * nx + c;
      if (near[cell] === 0) return owner[cell];
      const p: LngLat = [x, y];
      for (let i = start[cell]; i < start[cell + 1]; i++) if (contains(candidates[i], p)) return candidates[i];
      return -1;
    },
  };
}
