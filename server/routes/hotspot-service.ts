// Prepares stored events for the hot spot statistics: the study-area cells and their k-ring weights (cached per
// resolution, k and data version) and the event count of every cell, zeros included.
import { kringWeights } from '../analysis/kring-weights.js';
import { studyCells } from '../analysis/study-cells.js';
import type { SpatialWeights } from '../analysis/weights.js';
import type { EventFilter } from '../domain/types.js';
import type { Store } from '../store/store.js';

interface Grid {
  cells: string[];
  index: Map<string, number>;
  weights: SpatialWeights;
}

export interface CellValues {
  grid: Grid;
  values: Float64Array;
  /** Events counted in cells outside the study area (points snapped to a coastline kelurahan). */
  outside: number;
}

export function createHotspotService(store: Store) {
  const grids = new Map<string, { version: number; grid: Promise<Grid> }>();

  async function grid(resolution: number, k: number): Promise<Grid> {
    const version = await store.dataVersion();
    const key = `${resolution}/${k}`;
    const hit = grids.get(key);
    if (hit && hit.version === version) return hit.grid;
    const built = (async () => {
      const kelurahan = await store.listAreas('kelurahan');
      const cells = studyCells(
        kelurahan.map((a) => a.geometry),
        resolution,
      );
      return { cells, index: new Map(cells.map((c, i) => [c, i])), weights: kringWeights(cells, k) };
    })();
    grids.set(key, { version, grid: built });
    return built;
  }

  async function cellValues(filter: EventFilter, resolution: number, k: number): Promise<CellValues> {
    const [g, counts] = await Promise.all([grid(resolution, k), store.countEventsByCell(filter, resolution)]);
    const values = new Float64Array(g.cells.length);
    let outside = 0;
    for (const { h3: cell, count: n } of counts) {
      const i = g.index.get(cell);
      if (i === undefined) outside += n;
      else values[i] += n;
    }
    return { grid: g, values, outside };
  }

  return { grid, cellValues };
}
