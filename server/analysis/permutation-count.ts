// Counts, for one unit, the simulated Local Moran's I at or above the observed one over a block's shared table of conditional-permutation draws (see conditional-permutation.ts), without allocating per unit.

/** One table of R draws shared by the units first..last−1, and what is derived from it. */
export interface DrawBlock {
  readonly first: number;
  readonly last: number;
  readonly maxK: number;
  readonly permutations: number;
  /** R rows of maxK draws v in 0..n−2: unit v below the tested unit i, else unit v + 1. */
  readonly draws: Int32Array;
  /** prefix[r·(maxK+1) + t]: sum of the first t drawn z of row r, read as if i = first. */
  readonly prefix: Float64Array;
  /** Per row, the slots whose draw v lies in [first, last − 1): those read z[v] for units i > v. */
  readonly zoneStart: Int32Array;
  readonly zoneSlot: Int32Array;
  readonly zoneDraw: Int32Array;
  /** The rows that have zone slots, ascending, and how many. */
  readonly zoneRows: Int32Array;
  readonly zoneRowCount: number;
  /** sorted[k]: prefix column k ascending, filled on first use in the block (sortedReady[k] = 1); allocated once per k used. */
  readonly sorted: Array<Float64Array | undefined>;
  readonly sortedReady: Uint8Array;
}

/** The unit's decision for one simulated lag; one expression everywhere, so every path rounds alike. */
function atLeast(zi: number, lag: number, weight: number, scaling: number, threshold: number): boolean {
  return zi * (lag * weight) * scaling >= threshold;
}

function sortedColumn(b: DrawBlock, k: number): Float64Array {
  const R = b.permutations;
  const column = b.sorted[k] ?? new Float64Array(R);
  b.sorted[k] = column;
  if (b.sortedReady[k] === 0) {
    const stride = b.maxK + 1;
    for (let r = 0; r < R; r++) column[r] = b.prefix[r * stride + k];
    column.sort();
    b.sortedReady[k] = 1;
  }
  return column;
}

/**
 * Equal weights: the simulated lag of row r is weight · (prefix sum of k draws), corrected only in
 * rows whose draws fall inside the block. `atLeast` is monotone in the lag (each rounded product
 * with a fixed factor is), so over the sorted prefix sums the rows that pass form one end: a binary
 * search counts them, and the corrected rows are then re-decided one by one. The count equals
 * deciding every row directly.
 */
export function countUniform(b: DrawBlock, z: Float64Array, i: number, k: number, weight: number, scaling: number, threshold: number): number {
  const R = b.permutations;
  const column = sortedColumn(b, k);
  const zi = z[i];
  const lowPasses = atLeast(zi, column[0], weight, scaling, threshold);
  const highPasses = atLeast(zi, column[R - 1], weight, scaling, threshold);
  let larger: number;
  if (lowPasses === highPasses) {
    larger = lowPasses ? R : 0;
  } else {
    // The first index whose decision differs from the lowest one's.
    let lo = 1;
    let hi = R - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (atLeast(zi, column[mid], weight, scaling, threshold) === lowPasses) lo = mid + 1;
      else hi = mid;
    }
    larger = lowPasses ? lo : R - lo;
  }

  const { prefix, zoneStart, zoneSlot, zoneDraw, zoneRows, maxK } = b;
  for (let q = 0; q < b.zoneRowCount; q++) {
    const r = zoneRows[q];
    const base = prefix[r * (maxK + 1) + k];
    let l = base;
    let moved = false;
    for (let s = zoneStart[r]; s < zoneStart[r + 1] && zoneSlot[s] < k; s++) {
      const v = zoneDraw[s];
      if (v < i) {
        l += z[v] - z[v + 1];
        moved = true;
      }
    }
    if (moved) larger += (atLeast(zi, l, weight, scaling, threshold) ? 1 : 0) - (atLeast(zi, base, weight, scaling, threshold) ? 1 : 0);
  }
  return larger;
}

/** General weights: the drawn values are weighted slot by slot. */
export function countWeighted(b: DrawBlock, z: Float64Array, i: number, k: number, wts: Float64Array, start: number, scaling: number, threshold: number): number {
  const { draws, maxK, permutations } = b;
  const zi = z[i];
  // Branch-free "skip unit i": v + 1 exactly when v >= i.
  const im1 = i - 1;
  let larger = 0;
  for (let r = 0, row = 0; r < permutations; r++, row += maxK) {
    let l = 0;
    for (let t = 0; t < k; t++) {
      const v = draws[row + t];
      l += wts[start + t] * z[v + ((im1 - v) >>> 31)];
    }
    if (zi * l * scaling >= threshold) larger++;
  }
  return larger;
}
