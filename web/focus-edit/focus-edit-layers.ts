// The focus-area editor on the map (loaded only in the editing tab): deck.gl layers for the draft outline, its
// vertices (draggable) and edge midpoints (click to add a vertex), an earlier outline from the history, and what a
// click on the map means while editing.
import type { Layer, PickingInfo } from '@deck.gl/core';
import { GeoJsonLayer, PathLayer, PolygonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { FocusEditState } from '../state/focus-edit-slice';
import { rawanStore } from '../store';
import { midpointsOf, MIN_VERTICES, type EdgeMidpoint, type LngLat } from './draft';

const EDIT_LINE: [number, number, number, number] = [214, 40, 110, 255];
const EDIT_FILL: [number, number, number, number] = [214, 40, 110, 45];
const GHOST_LINE: [number, number, number, number] = [230, 140, 0, 230];
const SELECTED: [number, number, number, number] = [214, 40, 110, 255];

interface Vertex {
  index: number;
  position: LngLat;
}

const isVertex = (o: unknown): o is Vertex => typeof o === 'object' && o !== null && 'index' in o && 'position' in o;
const isMidpoint = (o: unknown): o is EdgeMidpoint => typeof o === 'object' && o !== null && 'after' in o && 'position' in o;
const lngLatOf = (info: PickingInfo): LngLat | null => {
  const c = info.coordinate;
  return c && c.length >= 2 ? [c[0], c[1]] : null;
};

/**
 * Dragging a vertex moves it instead of panning the map. The overlay only hears of drags the map itself pans, so the
 * map's own mouse events do it: a press on a vertex cancels the pan (preventDefault) and the moves until release
 * move the vertex. Returns the function that detaches the handlers.
 */
export function attachVertexDragging(map: MapLibreMap, overlay: MapboxOverlay): () => void {
  let dragging: number | null = null;
  const down = (e: MapMouseEvent) => {
    if (rawanStore().getState().focusEdit.drawing) return;
    const picked = overlay.pickObject({ x: e.point.x, y: e.point.y, radius: 4, layerIds: ['focus-edit-vertices'] });
    const o: unknown = picked?.object;
    if (!isVertex(o)) return;
    e.preventDefault();
    dragging = o.index;
    rawanStore().getState().selectFocusVertex(o.index);
  };
  const move = (e: MapMouseEvent) => {
    if (dragging !== null) rawanStore().getState().moveFocusVertex(dragging, [e.lngLat.lng, e.lngLat.lat]);
  };
  const up = () => {
    dragging = null;
  };
  map.on('mousedown', down);
  map.on('mousemove', move);
  map.on('mouseup', up);
  return () => {
    map.off('mousedown', down);
    map.off('mousemove', move);
    map.off('mouseup', up);
  };
}

export function focusEditLayers(edit: FocusEditState): Layer[] {
  const layers: Layer[] = [];
  if (edit.ghost) {
    layers.push(
      new GeoJsonLayer<Polygon | MultiPolygon>({
        id: 'focus-edit-ghost',
        data: [{ type: 'Feature', geometry: edit.ghost, properties: {} }],
        filled: false,
        stroked: true,
        getLineColor: GHOST_LINE,
        lineWidthUnits: 'pixels',
        getLineWidth: 2,
      }),
    );
  }
  const draft = edit.draft;
  if (!draft || draft.ring.length === 0) return layers;
  const ring = draft.ring;
  const closed = ring.length >= MIN_VERTICES && !edit.drawing;
  if (ring.length >= MIN_VERTICES) {
    layers.push(
      new PolygonLayer<LngLat[]>({
        id: 'focus-edit-fill',
        data: [ring],
        getPolygon: (r) => r,
        filled: true,
        stroked: false,
        getFillColor: EDIT_FILL,
      }),
    );
  }
  layers.push(
    new PathLayer<LngLat[]>({
      id: 'focus-edit-outline',
      data: [closed ? [...ring, ring[0]] : ring],
      getPath: (p) => p,
      getColor: EDIT_LINE,
      widthUnits: 'pixels',
      getWidth: 2.5,
    }),
  );
  if (!edit.drawing) {
    layers.push(
      new ScatterplotLayer<EdgeMidpoint>({
        id: 'focus-edit-midpoints',
        data: midpointsOf(ring),
        getPosition: (m) => m.position,
        radiusUnits: 'pixels',
        getRadius: 4,
        getFillColor: [255, 255, 255, 200],
        getLineColor: EDIT_LINE,
        stroked: true,
        lineWidthUnits: 'pixels',
        getLineWidth: 1,
        pickable: true,
      }),
    );
  }
  const vertices: Vertex[] = ring.map((position, index) => ({ index, position }));
  layers.push(
    new ScatterplotLayer<Vertex>({
      id: 'focus-edit-vertices',
      data: vertices,
      getPosition: (v) => v.position,
      radiusUnits: 'pixels',
      getRadius: (v) => (v.index === edit.vertex ? 8 : 6.5),
      getFillColor: (v) => (v.index === edit.vertex ? SELECTED : [255, 255, 255, 255]),
      getLineColor: EDIT_LINE,
      stroked: true,
      lineWidthUnits: 'pixels',
      getLineWidth: 2,
      pickable: true,
      updateTriggers: { getRadius: edit.vertex, getFillColor: edit.vertex },
    }),
  );
  return layers;
}

/**
 * A click while the editing tab is open: add a vertex when drawing, pick a vertex or an edge, or open a focus area.
 * The second click of a double click arrives once more as a click with `tapCount` 2; it adds nothing.
 */
export function focusEditClick(info: PickingInfo, tapCount = 1): void {
  if (tapCount > 1) return;
  const s = rawanStore().getState();
  const o: unknown = info.object;
  const { drawing, draft } = s.focusEdit;
  if (drawing) {
    // Clicking the first vertex closes the outline.
    if (isVertex(o) && o.index === 0 && (draft?.ring.length ?? 0) >= MIN_VERTICES) s.finishFocusDrawing();
    else {
      const p = lngLatOf(info);
      if (p) s.addFocusVertex(p);
    }
    return;
  }
  if (isVertex(o)) s.selectFocusVertex(o.index === s.focusEdit.vertex ? null : o.index);
  else if (isMidpoint(o)) s.insertFocusVertex(o.after, o.position);
  else if (typeof o === 'object' && o !== null && 'aliases' in o && 'id' in o && typeof o.id === 'string') s.openFocusEdit(o.id);
  else if (typeof o === 'object' && o !== null && 'properties' in o && typeof o.properties === 'object' && o.properties !== null && 'kind' in o.properties) {
    const props: { kind?: unknown; key?: unknown } = o.properties;
    if (props.kind === 'focus' && typeof props.key === 'string') s.openFocusEdit(props.key);
  } else s.selectFocusVertex(null);
}

export function focusEditCursor(edit: FocusEditState, isHovering: boolean, isDragging: boolean): string {
  if (edit.drawing) return 'crosshair';
  return isDragging ? 'grabbing' : isHovering ? 'pointer' : 'grab';
}
