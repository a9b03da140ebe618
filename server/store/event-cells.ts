// The H3 cells at resolutions 7, 8 and 9 both stores keep beside each event's resolution-10 cell, so counts per cell
// are exact at every map resolution: each is the cell latLngToCell gives the point at that resolution (H3 cells do
// not nest exactly, so a point's cell at 9 is not always the parent of its cell at 10).
import { pointCells } from '../analysis/cell-lattice.js';
import type { CaseEvent } from '../domain/types.js';

export interface EventCells {
  h3_7: string | null;
  h3_8: string | null;
  h3_9: string | null;
}

/** An event whose cells at resolutions 7 to 9 were found already (as event columns carry them): eventCells returns them. */
export interface PlacedEvent extends CaseEvent {
  cells: EventCells;
}

const NONE: EventCells = { h3_7: null, h3_8: null, h3_9: null };

export function eventCells(e: Pick<CaseEvent, 'location'> & { cells?: EventCells }): EventCells {
  if (e.cells !== undefined) return e.cells;
  if (!e.location) return NONE;
  return pointCells(e.location[1], e.location[0]);
}
