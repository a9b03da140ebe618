// Pure: the view and the data it needs in, the ordered deck.gl layers out, each with a stable id (focus areas on top).
import type { Layer } from '@deck.gl/core';
import { GeoJsonLayer, TextLayer } from '@deck.gl/layers';
import type { EmergingCell, EmergingResponse, EventFeature, HotspotCell, HotspotsResponse, IndicatorsResponse } from '../api';
import type { LazyLayerClasses } from './lazy-layers';

export { shapesOf, type AreaProps, type AreaShape };
import type { ViewState } from '../view-state';
import { isLayerOn } from '../view-state';
import { shapesOf, type AreaProps, type AreaShape } from './area-shapes';
import { choropleth } from './choropleth';
import type { AdminArea, Facility, FocusArea } from './features';
import { FACILITY_GLYPHS, facilityGlyph, facilityScale, facilitySize } from './facility-symbol';
import { coverageDrawing, coverageLineLayer, coverageMarkLayers, coverageUnderLayers, type CoverageOverlay } from './coverage-layers';
import {
  AREA_LINE,
  EMERGING_COLORS,
  FACILITY_OTHER,
  FACILITY_REHAB,
  FOCUS_FILL,
  FOCUS_LINE,
  HOTSPOT_COLORS,
  LISA_COLORS,
  NO_DATA,
  SELECTION_LINE,
  type Rgba,
} from './palette';

export interface LayerInput {
  view: ViewState;
  zoom: number;
  /** Areas of the view's admin level, for the choropleth. */
  areas: AdminArea[] | null;
  indicators: IndicatorsResponse | null;
  kota: AdminArea[] | null;
  kelurahan: AdminArea[] | null;
  focus: FocusArea[] | null;
  facilities: Facility[] | null;
  hotspots: HotspotsResponse | null;
  emerging: EmergingResponse | null;
  events: EventFeature[] | null;
  /** The coverage plan to draw (coverage panel open and a run or saved plan shown), else null. */
  coverage: CoverageOverlay | null;
  /**
   * True until the choropleth has been drawn once: only the layers of the first view that share its shaders are built,
   * so software WebGL compiles the text, icon and hexagon programs after the first map is on screen, not before.
   */
  firstDrawPending: boolean;
  /** The choropleth is shown as a ghost while new indicators load, so the old colours do not pass for the new filter. */
  indicatorsStale: boolean;
}

export const LAYER_ORDER = [
  'choropleth',
  'hotspots',
  'emerging',
  'heatmap',
  'coverage-unmet',
  'area-labels',
  'selection',
  'coverage-lines',
  'facilities',
  'coverage-demand',
  'coverage-facilities',
  'focus-areas',
  'focus-labels',
] as const;

/** A Gi* cell by class and confidence (shown only at or above the chosen level), a LISA cell by quadrant when significant. */
export function hotspotColor(cell: HotspotCell, confidence: ViewState['confidence']): Rgba {
  if ('quadrant' in cell) {
    if (!cell.significant || cell.class === 'none') return [...LISA_COLORS.none];
    return [...LISA_COLORS[cell.class]];
  }
  const c = cell.confidence;
  if ((cell.class === 'hot' || cell.class === 'cold') && c !== null && c >= confidence) return [...HOTSPOT_COLORS[cell.class][c]];
  return [...HOTSPOT_COLORS.none];
}

export function emergingColor(cell: Pick<EmergingCell, 'category'>): Rgba {
  return [...EMERGING_COLORS[cell.category]];
}

interface LabelPoint {
  position: [number, number];
  text: string;
}

/** Kota names when zoomed out, kelurahan names when zoomed in; none in between to keep the map calm. */
export function areaLabels(input: Pick<LayerInput, 'zoom' | 'kota' | 'kelurahan'>): LabelPoint[] {
  if (input.zoom < 11.5) return (input.kota ?? []).map((a) => ({ position: a.centroid, text: a.name.replace(/^(Kota|Kabupaten) Administrasi /, '') }));
  if (input.zoom >= 13) return (input.kelurahan ?? []).map((a) => ({ position: a.centroid, text: a.name }));
  return [];
}

function selectedShape(input: LayerInput): AreaShape[] {
  const sel = input.view.selection;
  if (!sel || sel.kind === 'facility') return [];
  if (sel.kind === 'focus') return shapesOf(input.focus ?? []).filter((s) => s.properties.key === sel.id);
  const pool = [...(input.areas ?? []), ...(input.kelurahan ?? []), ...(input.kota ?? [])].filter((a) => a.code === sel.code);
  return shapesOf(pool.slice(0, 1));
}

export function buildLayers(input: LayerInput, lazy: LazyLayerClasses): Layer[] {
  const { view } = input;
  const layers: Layer[] = [];

  if (isLayerOn(view, 'choropleth') && input.areas && input.indicators) {
    const ch = choropleth(input.indicators, view.indicator, view.classification);
    const key = `${input.indicators.level}|${input.indicators.period.from}|${input.indicators.period.to}|${input.indicators.types.join(',')}|${view.indicator}|${view.classification}`;
    layers.push(
      new GeoJsonLayer<AreaProps>({
        id: 'choropleth',
        data: shapesOf(input.areas),
        filled: true,
        stroked: true,
        getFillColor: (f) => ch.colors.get(f.properties.key) ?? NO_DATA,
        getLineColor: AREA_LINE,
        lineWidthUnits: 'pixels',
        getLineWidth: 0.6,
        // Faint while stale, and under hexagons, density or a coverage plan so those stay readable.
        opacity: input.indicatorsStale ? 0.35 : input.coverage ? 0.3 : isLayerOn(view, 'hotspots') || isLayerOn(view, 'heatmap') ? 0.45 : 0.78,
        pickable: true,
        autoHighlight: true,
        highlightColor: [20, 33, 61, 60],
        updateTriggers: { getFillColor: key },
      }),
    );
  }

  const later = !input.firstDrawPending;
  if (later && isLayerOn(view, 'hotspots') && view.hotspotMethod !== 'emerging' && input.hotspots && lazy.H3HexagonLayer) {
    layers.push(
      new lazy.H3HexagonLayer<HotspotCell>({
        id: 'hotspots',
        data: input.hotspots.cells,
        getHexagon: (c) => c.h3,
        getFillColor: (c) => hotspotColor(c, view.confidence),
        extruded: false,
        stroked: true,
        getLineColor: [255, 255, 255, 120],
        lineWidthUnits: 'pixels',
        getLineWidth: 0.5,
        pickable: true,
        autoHighlight: true,
        highlightColor: [20, 33, 61, 80],
        updateTriggers: { getFillColor: `${view.hotspotMethod}|${view.confidence}` },
      }),
    );
  }

  if (later && isLayerOn(view, 'hotspots') && view.hotspotMethod === 'emerging' && input.emerging && lazy.H3HexagonLayer) {
    layers.push(
      new lazy.H3HexagonLayer<EmergingCell>({
        id: 'emerging',
        data: input.emerging.cells,
        getHexagon: (c) => c.h3,
        getFillColor: emergingColor,
        extruded: false,
        stroked: true,
        getLineColor: [255, 255, 255, 140],
        lineWidthUnits: 'pixels',
        getLineWidth: 0.5,
        pickable: true,
        autoHighlight: true,
        highlightColor: [20, 33, 61, 80],
      }),
    );
  }

  const drawing = later && input.coverage ? coverageDrawing(input.coverage, input.kelurahan, input.focus, input.facilities) : null;
  if (drawing) layers.push(...coverageUnderLayers(drawing));

  if (later && isLayerOn(view, 'heatmap') && input.events && lazy.HeatmapLayer) {
    layers.push(
      new lazy.HeatmapLayer<EventFeature>({
        id: 'heatmap',
        data: input.events.filter((e) => e.geometry !== null),
        getPosition: (e) => e.geometry?.coordinates ?? [0, 0],
        getWeight: (e) => e.properties.count,
        radiusPixels: 28,
        intensity: 1,
        threshold: 0.04,
        opacity: 0.75,
        colorRange: [
          [255, 255, 178],
          [254, 217, 118],
          [254, 178, 76],
          [253, 141, 60],
          [240, 59, 32],
          [189, 0, 38],
        ],
      }),
    );
  }

  const labels = later ? areaLabels(input) : [];
  if (labels.length > 0) {
    layers.push(
      new TextLayer<LabelPoint>({
        id: 'area-labels',
        data: labels,
        getPosition: (d) => d.position,
        getText: (d) => d.text,
        getSize: input.zoom < 11.5 ? 13 : 11,
        getColor: [70, 66, 58, 230],
        fontFamily: 'system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
        fontWeight: input.zoom < 11.5 ? 600 : 400,
        fontSettings: { sdf: true },
        outlineWidth: 3,
        outlineColor: [255, 255, 255, 230],
        characterSet: 'auto',
        getTextAnchor: 'middle',
        getAlignmentBaseline: 'center',
      }),
    );
  }

  const selected = selectedShape(input);
  if (selected.length > 0) {
    layers.push(
      new GeoJsonLayer<AreaProps>({
        id: 'selection',
        data: selected,
        filled: false,
        stroked: true,
        getLineColor: SELECTION_LINE,
        lineWidthUnits: 'pixels',
        getLineWidth: 3,
      }),
    );
  }

  if (drawing) layers.push(coverageLineLayer(drawing, view.selection?.kind === 'facility' ? view.selection.id : null));

  if (later && isLayerOn(view, 'facilities') && input.facilities) {
    const selectedId = view.selection?.kind === 'facility' ? view.selection.id : null;
    layers.push(
      new TextLayer<Facility>({
        id: 'facilities',
        data: input.facilities,
        getText: (f) => facilityGlyph(f.level),
        getPosition: (f) => f.location,
        // Glyphs fill about 70% of their em box, so the em is set larger than the symbol should look.
        getSize: (f) => (facilitySize(f.capacityPerMonth) / 0.7) * (f.id === selectedId ? 1.4 : 1),
        sizeScale: facilityScale(input.zoom),
        getColor: (f) => (f.rehab ? FACILITY_REHAB : FACILITY_OTHER),
        sizeUnits: 'pixels',
        characterSet: Object.values(FACILITY_GLYPHS),
        fontFamily: '"DejaVu Sans", "Segoe UI Symbol", "Noto Sans Symbols", system-ui, sans-serif',
        fontSettings: { sdf: true, fontSize: 64, buffer: 6 },
        outlineWidth: 4,
        outlineColor: [255, 255, 255, 255],
        getTextAnchor: 'middle',
        getAlignmentBaseline: 'center',
        pickable: true,
        updateTriggers: { getSize: selectedId },
      }),
    );
  }

  if (drawing) layers.push(...coverageMarkLayers(drawing));

  if (isLayerOn(view, 'focus') && input.focus) {
    layers.push(
      new GeoJsonLayer<AreaProps>({
        id: 'focus-areas',
        data: shapesOf(input.focus),
        filled: true,
        stroked: true,
        getFillColor: FOCUS_FILL,
        getLineColor: FOCUS_LINE,
        lineWidthUnits: 'pixels',
        getLineWidth: 2.5,
        lineWidthMinPixels: 2,
        pickable: true,
        autoHighlight: true,
        highlightColor: [106, 27, 154, 70],
      }),
    );
  }
  if (later && isLayerOn(view, 'focus') && input.focus) {
    layers.push(
      new TextLayer<FocusArea>({
        id: 'focus-labels',
        data: input.focus,
        getPosition: (f) => [f.centroid[0], f.bounds[1][1]],
        getText: (f) => f.name,
        getSize: 12,
        getColor: FOCUS_LINE,
        fontFamily: 'system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
        fontWeight: 700,
        characterSet: 'auto',
        background: true,
        getBackgroundColor: [255, 255, 255, 235],
        getBorderColor: FOCUS_LINE,
        getBorderWidth: 1,
        backgroundPadding: [5, 3],
        getTextAnchor: 'middle',
        getAlignmentBaseline: 'bottom',
        getPixelOffset: [0, -6],
        pickable: true,
      }),
    );
  }

  return layers;
}
