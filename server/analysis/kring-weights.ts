// Contiguity weights for H3 cells: each cell's neighbours are the other input cells within k grid steps (the k-ring of h3-js `gridDisk`; Uber H3, https://h3geo.org/docs/api/traversal), found by integer lattice arithmetic inside each base cell and by `gridDisk` only where a ring leaves its base cell.
import { gridDisk, isValidCell } from 'h3-js';
import { axialLookup, buildAxialIndex } from './axial-index.js';
import { axialDistance, cellAxial, cellBaseCell, cellResolution, inBaseCell, isPentagonBaseCell, parseCanonicalCell } from './h3-cell-ij.js';
import { assertKringK, kringWeightsByGridDisk } from './kring-weights-grid-disk.js';
import type { SpatialWeights } from './weights.js';

/** Axial offsets of the lattice points at grid distance 1..k, ring by ring. */
function ringOffsets(k: number): { a: Int32Array; b: Int32Array } {
  const count = 3 * k * (k + 1);
  const a = new Int32Array(count);
  const b = new Int32Array(count);
  let t = 0;
  for (let d = 1; d <= k; d++) {
    for (let da = -d; da <= d; da++) {
      for (let db = -d; db <= d; db++) {
        if (axialDistance(da, db) === d) {
          a[t] = da;
          b[t] = db;
          t++;
        }
      }
    }
  }
  return { a, b };
}

/**
 * Binary weights over H3 cells (all of one resolution): a cell's neighbours are the input cells
 * at grid distance 1..k from it. Cells missing from the input are simply not neighbours.
 *
 * Equal to `kringWeightsByGridDisk` for every input (the tests check this), but faster: inside a
 * hexagonal base cell H3's digits are aperture-7 coordinates of one flat hexagonal lattice, and
 * H3's own neighbour step (h3NeighborRotations) is lattice addition there until it carries out of
 * the base cell. So when every lattice point within k of a cell stays in its base cell, its k-ring
 * is those points, by induction over the rings, and they are looked up by coordinates. Cells of
 * pentagon base cells and cells whose ring leaves the base cell ask `gridDisk`. Any input that is
 * not plain canonical valid unique cells goes to `kringWeightsByGridDisk`, which also raises its errors.
 */
export function kringWeights(cells: readonly string[], k = 1): SpatialWeights {
  assertKringK(k);
  const n = cells.length;
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  let resolution = -1;
  for (let i = 0; i < n; i++) {
    if (!parseCanonicalCell(cells[i], hi, lo, i) || !isValidCell([lo[i], hi[i]])) return kringWeightsByGridDisk(cells, k);
    const r = cellResolution(hi[i]);
    if (resolution === -1) resolution = r;
    if (r !== resolution) return kringWeightsByGridDisk(cells, k);
  }

  const axial = new Int32Array(2 * n);
  const baseCells = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    baseCells[i] = cellBaseCell(hi[i]);
    cellAxial(hi[i], lo[i], resolution, axial, 2 * i);
  }
  // Distinct cells of one base cell have distinct coordinates, so a clash is a repeated id.
  const index = buildAxialIndex(baseCells, axial);
  if (index === null) return kringWeightsByGridDisk(cells, k);

  const ring = ringOffsets(k);
  const ringSize = ring.a.length;
  const offsets = new Int32Array(n + 1);
  let neighbors = new Int32Array(Math.max(16, n * Math.min(ringSize, 18)));
  let size = 0;
  let byId: Map<string, number> | null = null;
  for (let i = 0; i < n; i++) {
    // A k-ring holds at most ringSize cells besides its centre.
    if (size + ringSize > neighbors.length) {
      const grown = new Int32Array(2 * neighbors.length + ringSize);
      grown.set(neighbors);
      neighbors = grown;
    }
    const baseCell = baseCells[i];
    const a = axial[2 * i];
    const b = axial[2 * i + 1];
    let inside = resolution > 0 && !isPentagonBaseCell(baseCell);
    for (let t = 0; inside && t < ringSize; t++) {
      const na = a + ring.a[t];
      const nb = b + ring.b[t];
      const j = axialLookup(index, baseCell, na, nb);
      if (j >= 0) neighbors[size++] = j;
      else inside = inBaseCell(na, nb, resolution);
    }
    if (!inside) {
      size = offsets[i];
      byId ??= new Map(cells.map((cell, c) => [cell, c]));
      for (const other of gridDisk(cells[i], k)) {
        const j = byId.get(other);
        if (j !== undefined && j !== i) neighbors[size++] = j;
      }
    }
    sortRange(neighbors, offsets[i], size);
    offsets[i + 1] = size;
  }
  return { n, ids: cells, offsets, neighbors: neighbors.slice(0, size), weights: new Float64Array(size).fill(1) };
}

/** Insertion sort of a short row in place: rows hold a handful of indices, and a comparator sort would allocate. */
function sortRange(xs: Int32Array, start: number, end: number): void {
  for (let p = start + 1; p < end; p++) {
    const x = xs[p];
    let q = p - 1;
    while (q >= start && xs[q] > x) {
      xs[q + 1] = xs[q];
      q--;
    }
    xs[q + 1] = x;
  }
}
