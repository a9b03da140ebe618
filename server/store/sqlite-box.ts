// How SQLite reads the events inside a lng/lat box: through the resolution-7 cells covering it (index
// events_h3_7_date, migration 9) when the box is small enough for a cell lookup, and by coordinates in every case.
import { bboxCells7 } from '../analysis/bbox-cells.js';

export interface BoxLookup {
  /** The FROM target, naming the index when the cells are used. */
  from: string;
  /** Conditions to AND into the WHERE clause, with their parameters in order. */
  where: string[];
  params: unknown[];
}

export function sqliteBoxLookup([w, s, e, n]: readonly [number, number, number, number]): BoxLookup {
  const inBox = { where: ['lng >= ? AND lng <= ? AND lat >= ? AND lat <= ?'], params: [w, e, s, n] };
  const cells = bboxCells7([w, s, e, n]);
  if (!cells) return { from: 'events', ...inBox };
  return {
    from: 'events INDEXED BY events_h3_7_date',
    where: ['h3_7 IN (SELECT value FROM json_each(?))', ...inBox.where],
    params: [JSON.stringify(cells), ...inBox.params],
  };
}
