// Derives an event's kelurahan (point in polygon, or the nearest kelurahan within SNAP_KM), focus area and H3 cells
// (resolution 10, and 7 to 9 as the stores keep them) from its location.
import { areaIndexGridData, buildAreaIndex } from '../analysis/area-index.js';
import type { AreaGridData } from '../analysis/area-grid.js';
import { pointCells } from '../analysis/cell-lattice.js';
import type { EventCells } from '../store/event-cells.js';
import { EVENT_H3_RESOLUTION, type Area, type FocusArea, type LngLat } from '../domain/types.js';

if (EVENT_H3_RESOLUTION !== 10) throw new Error('the placer gives events their cell at resolution 10: change it with EVENT_H3_RESOLUTION');

/** Points this close outside every kelurahan (simplified coastlines, river borders) still count for the nearest one. */
export const SNAP_KM = 2;

export interface EventPlace {
  areaCode: string | null;
  focusAreaId: string | null;
  /** The cell at resolution 10 (EVENT_H3_RESOLUTION), and those at 7 to 9 the stores keep beside it. */
  h3: string | null;
  cells?: EventCells;
}

/** `into`: an object to fill and return instead of a new one (a reader placing millions of rows reuses one). */
export type EventPlacer = (location: LngLat | null, declaredAreaCode?: string | null, into?: EventPlace) => EventPlace;
/** Kelurahan and focus area only: for events placed again under other boundaries, whose cells stay as they are. */
export type AreaPlacer = (location: LngLat) => Omit<EventPlace, 'h3' | 'cells'>;

type KelurahanOutlines = readonly Pick<Area, 'code' | 'geometry'>[];
type FocusOutlines = readonly Pick<FocusArea, 'id' | 'geometry'>[];

/** The point-in-polygon grids of a placer's kelurahan and focus areas, built ahead (placerGrids) and handed to it. */
export interface PlacerGrids {
  areas: AreaGridData | null;
  focus: AreaGridData | null;
}

const kelurahanItems = (kelurahan: KelurahanOutlines) => kelurahan.map((k) => ({ key: k.code, geometry: k.geometry }));
const focusItems = (focusAreas: FocusOutlines) => focusAreas.map((f) => ({ key: f.id, geometry: f.geometry }));

/** The grids createEventPlacer would build for these outlines (in this order), as typed arrays another thread can take. */
export function placerGrids(kelurahan: KelurahanOutlines, focusAreas: FocusOutlines): PlacerGrids {
  return { areas: areaIndexGridData(kelurahanItems(kelurahan)), focus: areaIndexGridData(focusItems(focusAreas)) };
}

/** `many`: a large file's worth of points is coming, so the indexes build their grids at once (or take `grids`). */
function indexes(kelurahan: KelurahanOutlines, focusAreas: FocusOutlines, many: boolean, grids?: PlacerGrids) {
  const opts = (grid: AreaGridData | null | undefined) => ({ ...(many ? { gridAfter: 0 } : {}), ...(grid ? { grid } : {}) });
  return {
    areas: buildAreaIndex(kelurahanItems(kelurahan), opts(grids?.areas)),
    focus: buildAreaIndex(focusItems(focusAreas), opts(grids?.focus)),
  };
}

export function createEventPlacer(kelurahan: KelurahanOutlines, focusAreas: FocusOutlines, { many = false, grids }: { many?: boolean; grids?: PlacerGrids } = {}): EventPlacer {
  const { areas, focus } = indexes(kelurahan, focusAreas, many, grids);
  return (location, declaredAreaCode = null, into) => {
    if (!location) {
      if (!into) return { areaCode: declaredAreaCode, focusAreaId: null, h3: null };
      into.areaCode = declaredAreaCode;
      into.focusAreaId = null;
      into.h3 = null;
      into.cells = undefined;
      return into;
    }
    const cells = pointCells(location[1], location[0]);
    const areaCode = areas.assign(location, SNAP_KM);
    const focusAreaId = focus.containing(location);
    if (!into) return { areaCode, focusAreaId, h3: cells.h3_10, cells };
    into.areaCode = areaCode;
    into.focusAreaId = focusAreaId;
    into.h3 = cells.h3_10;
    into.cells = cells;
    return into;
  };
}

export function createAreaPlacer(kelurahan: KelurahanOutlines, focusAreas: FocusOutlines): AreaPlacer {
  const { areas, focus } = indexes(kelurahan, focusAreas, false);
  return (location) => ({ areaCode: areas.assign(location, SNAP_KM), focusAreaId: focus.containing(location) });
}
