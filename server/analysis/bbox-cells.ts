// The resolution-7 H3 cells a lng/lat box may hold events of: stores look events up by (h3_7, date) instead of by
// coordinates, since a spatial index on raw coordinates takes inserts at random places and slowed every import.
import { POLYGON_TO_CELLS_FLAGS, polygonToCellsExperimental } from 'h3-js';

/** Boxes wider or taller than this (degrees) are not looked up by cell: too many cells, and the date index does as well. */
export const MAX_CELL_LOOKUP_DEGREES = 1;

/** Degrees added around a box: H3 draws polygon edges as great-circle arcs, a box's edges are parallels and meridians;
 * across a degree at Jakarta's latitude the two part by about 25 m, well inside this margin (≈ 55 m). */
const MARGIN_DEGREES = 0.0005;

/**
 * Every resolution-7 cell that latLngToCell can give a point inside [west, south, east, north] (edges included),
 * possibly with a few more, or null when the box is too large for a cell lookup. Callers still filter by coordinates.
 */
export function bboxCells7(bbox: readonly [number, number, number, number]): string[] | null {
  const [w, s, e, n] = bbox;
  if (!(e - w <= MAX_CELL_LOOKUP_DEGREES && n - s <= MAX_CELL_LOOKUP_DEGREES) || e < w || n < s) return null;
  const m = MARGIN_DEGREES;
  const ring = [
    [s - m, w - m],
    [s - m, e + m],
    [n + m, e + m],
    [n + m, w - m],
  ];
  return polygonToCellsExperimental(ring, 7, POLYGON_TO_CELLS_FLAGS.containmentOverlapping).sort();
}
