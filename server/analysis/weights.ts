// Spatial weights in compressed sparse row form (the layout of libpysal's W.sparse; Rey and Anselin, "PySAL: A Python Library of Spatial Analytical Methods", 2007), with row standardisation, islands and the row builder the weight constructors share.
import { AnalysisInputError } from './errors.js';

/**
 * Row i's neighbours are `neighbors[offsets[i] .. offsets[i + 1])`, ascending, with the matching
 * `weights`; a unit is never its own neighbour. `ids[i]` names unit i.
 */
export interface SpatialWeights {
  readonly n: number;
  readonly ids: readonly string[];
  readonly offsets: Int32Array;
  readonly neighbors: Int32Array;
  readonly weights: Float64Array;
}

/** libpysal's names: 'B' binary (every neighbour weighs 1), 'R' row-standardised (each row sums to 1). */
export type WeightsTransform = 'B' | 'R';

/** Throws `duplicate_ids` if any id repeats; ids must name units one to one. */
export function assertUniqueIds(ids: readonly string[]): void {
  // Study cells arrive sorted, and a strictly ascending list cannot repeat: 50 times cheaper than a Set.
  let ascending = true;
  for (let i = 1; i < ids.length && ascending; i++) ascending = ids[i - 1] < ids[i];
  if (ascending) return;
  const seen = new Set<string>();
  const repeated: string[] = [];
  for (const id of ids) {
    if (seen.has(id)) repeated.push(id);
    seen.add(id);
  }
  if (repeated.length > 0) {
    throw new AnalysisInputError('duplicate_ids', `Ids must be unique; ${repeated.length} repeat (first: "${repeated[0]}").`, repeated.slice(0, 20));
  }
}

/** Accumulates rows in order into growable typed arrays, then sorts each row by neighbour index. */
export interface RowBuilder {
  add(neighbor: number, weight: number): void;
  endRow(): void;
  finish(): SpatialWeights;
}

export function createRowBuilder(ids: readonly string[], capacity = ids.length * 6): RowBuilder {
  const n = ids.length;
  const offsets = new Int32Array(n + 1);
  let neighbors = new Int32Array(Math.max(16, capacity));
  let weights = new Float64Array(neighbors.length);
  let size = 0;
  let row = 0;

  const sortRow = (start: number, end: number): void => {
    // Rows are short (a handful to a few hundred), so insertion sort beats allocating a comparator sort.
    for (let a = start + 1; a < end; a++) {
      const j = neighbors[a];
      const v = weights[a];
      let b = a - 1;
      while (b >= start && neighbors[b] > j) {
        neighbors[b + 1] = neighbors[b];
        weights[b + 1] = weights[b];
        b--;
      }
      neighbors[b + 1] = j;
      weights[b + 1] = v;
    }
    for (let a = start + 1; a < end; a++) {
      if (neighbors[a] === neighbors[a - 1]) {
        throw new AnalysisInputError('invalid_weights', `Unit "${ids[row]}" lists neighbour "${ids[neighbors[a]]}" twice; each neighbour may appear once.`);
      }
    }
  };

  return {
    add(neighbor, weight) {
      if (size === neighbors.length) {
        const grownN = new Int32Array(size * 2);
        grownN.set(neighbors);
        neighbors = grownN;
        const grownW = new Float64Array(size * 2);
        grownW.set(weights);
        weights = grownW;
      }
      neighbors[size] = neighbor;
      weights[size] = weight;
      size++;
    },
    endRow() {
      sortRow(offsets[row], size);
      row++;
      offsets[row] = size;
    },
    finish() {
      if (row !== n) throw new Error(`Row builder finished after ${row} of ${n} rows`);
      return { n, ids, offsets, neighbors: neighbors.slice(0, size), weights: weights.slice(0, size) };
    },
  };
}

/**
 * Weights from explicit neighbour lists: `lists[i]` holds the indices (into `ids`) of unit i's
 * neighbours, `weightLists[i]` their weights (1 when omitted). Not symmetrised.
 */
export function fromNeighborLists(
  ids: readonly string[],
  lists: ReadonlyArray<ReadonlyArray<number>>,
  weightLists?: ReadonlyArray<ReadonlyArray<number>>,
): SpatialWeights {
  assertUniqueIds(ids);
  const n = ids.length;
  if (lists.length !== n) {
    throw new AnalysisInputError('length_mismatch', `Expected one neighbour list per id (${n}), got ${lists.length}.`);
  }
  const builder = createRowBuilder(ids, lists.reduce((s, l) => s + l.length, 0));
  for (let i = 0; i < n; i++) {
    const list = lists[i];
    const wl = weightLists?.[i];
    if (wl !== undefined && wl.length !== list.length) {
      throw new AnalysisInputError('length_mismatch', `Unit "${ids[i]}" has ${list.length} neighbours but ${wl.length} weights.`);
    }
    for (let t = 0; t < list.length; t++) {
      const j = list[t];
      if (!Number.isInteger(j) || j < 0 || j >= n || j === i) {
        throw new AnalysisInputError('invalid_weights', `Unit "${ids[i]}" has neighbour index ${j}; indices must be integers in 0..${n - 1} other than its own.`);
      }
      const wt = wl?.[t] ?? 1;
      if (!Number.isFinite(wt)) throw new AnalysisInputError('invalid_weights', `Unit "${ids[i]}" has a non-finite weight.`);
      builder.add(j, wt);
    }
    builder.endRow();
  }
  return builder.finish();
}

/** A copy with libpysal transform applied: 'B' sets every weight to 1, 'R' divides each row by its sum (islands stay empty). */
export function transform(w: SpatialWeights, kind: WeightsTransform): SpatialWeights {
  const weights = new Float64Array(w.weights.length);
  if (kind === 'B') {
    weights.fill(1);
  } else {
    for (let i = 0; i < w.n; i++) {
      let sum = 0;
      for (let t = w.offsets[i]; t < w.offsets[i + 1]; t++) sum += w.weights[t];
      for (let t = w.offsets[i]; t < w.offsets[i + 1]; t++) weights[t] = sum === 0 ? 0 : w.weights[t] / sum;
    }
  }
  return { ...w, weights };
}

/** Ids of units without neighbours. */
export function islands(w: SpatialWeights): string[] {
  const out: string[] = [];
  for (let i = 0; i < w.n; i++) if (w.offsets[i + 1] === w.offsets[i]) out.push(w.ids[i]);
  return out;
}

/** Average number of neighbours per unit. */
export function meanNeighbors(w: SpatialWeights): number {
  return w.n === 0 ? 0 : w.neighbors.length / w.n;
}

/** Throws `length_mismatch` unless the weights describe exactly these ids in this order. */
export function assertWeightsMatch(w: SpatialWeights, ids: readonly string[]): void {
  if (w.n !== ids.length || w.ids.some((id, i) => id !== ids[i])) {
    throw new AnalysisInputError('length_mismatch', `The weights describe ${w.n} units that are not the ${ids.length} ids given, in the same order.`);
  }
}
