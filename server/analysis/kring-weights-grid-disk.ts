// K-ring weights the direct way, one h3-js `gridDisk` per cell (Uber H3, https://h3geo.org/docs/api/traversal): the definition kring-weights.ts must reproduce, its fallback and the reference its tests compare against.
import { getResolution, gridDisk, isValidCell } from 'h3-js';
import { AnalysisInputError } from './errors.js';
import { assertUniqueIds, createRowBuilder, type SpatialWeights } from './weights.js';

/** Throws `invalid_parameter` unless k is a whole number of grid steps from 1 to 50. */
export function assertKringK(k: number): void {
  if (!Number.isInteger(k) || k < 1 || k > 50) throw new AnalysisInputError('invalid_parameter', `k must be an integer from 1 to 50 grid steps, got ${k}.`);
}

/**
 * Binary weights over H3 cells (all of one resolution): a cell's neighbours are the input cells
 * at grid distance 1..k from it. Cells missing from the input are simply not neighbours. Accepts
 * any string h3-js accepts as a cell, and matches neighbours by the string h3-js returns for them.
 */
export function kringWeightsByGridDisk(cells: readonly string[], k = 1): SpatialWeights {
  assertKringK(k);
  assertUniqueIds(cells);
  const index = new Map<string, number>();
  let resolution = -1;
  cells.forEach((cell, i) => {
    if (!isValidCell(cell)) throw new AnalysisInputError('invalid_h3_cell', `"${cell}" is not a valid H3 cell index (15 hex digits, e.g. 89658c4c1a3ffff).`, [cell]);
    const r = getResolution(cell);
    if (resolution === -1) resolution = r;
    if (r !== resolution) {
      throw new AnalysisInputError('invalid_h3_cell', `All cells must share one resolution; "${cell}" is resolution ${r}, the first cell ${resolution}.`, [cell]);
    }
    index.set(cell, i);
  });
  const builder = createRowBuilder(cells, cells.length * (3 * k * (k + 1)));
  cells.forEach((cell, i) => {
    for (const other of gridDisk(cell, k)) {
      const j = index.get(other);
      if (j !== undefined && j !== i) builder.add(j, 1);
    }
    builder.endRow();
  });
  return builder.finish();
}
