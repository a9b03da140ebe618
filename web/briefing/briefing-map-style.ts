// The briefing map as one MapLibre style: the offline basemap from Rawan's boundaries, then the hot and cold spot cells,
// the focus-area outlines and the puskesmas, so a single 'idle' after load means everything is drawn.
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { cellToBoundary } from 'h3-js';
import type { ExpressionSpecification } from 'maplibre-gl';
import type { AreaCollection, FacilityCollection, HotspotCell } from '../api';
import { offlineStyle, type StyleSpecification } from '../map/basemap';
import { cssColor, FACILITY_OTHER, FACILITY_REHAB, FOCUS_LINE, HOTSPOT_COLORS } from '../map/palette';

export type SpotKey = 'hot99' | 'hot95' | 'cold95' | 'cold99';
export const SPOT_KEYS: readonly SpotKey[] = ['hot99', 'hot95', 'cold95', 'cold99'];

/** Map colours of the briefing, as CSS strings shared by the map and its legend. */
export const BRIEFING_COLORS = {
  hot99: cssColor(HOTSPOT_COLORS.hot[99]),
  hot95: cssColor(HOTSPOT_COLORS.hot[95]),
  cold95: cssColor(HOTSPOT_COLORS.cold[95]),
  cold99: cssColor(HOTSPOT_COLORS.cold[99]),
  focusLine: cssColor(FOCUS_LINE),
  focusFill: 'rgba(106, 27, 154, 0.12)',
  rehab: cssColor(FACILITY_REHAB),
  other: cssColor(FACILITY_OTHER),
  served: '#0b3d5c',
} as const;

/** A Gi* cell's legend class: hot or cold with its confidence (95 or 99; 90 is below the 0.05 significance shown). */
export function spotKey(cell: HotspotCell): SpotKey | null {
  if ('quadrant' in cell) return cell.class === 'HH' ? 'hot95' : cell.class === 'LL' ? 'cold95' : null;
  if (cell.class !== 'hot' && cell.class !== 'cold') return null;
  const c = cell.confidence === 99 ? 99 : 95;
  return `${cell.class}${c}`;
}

/** Hot and cold cells as hexagon polygons with their class; cells of class none are left out. */
export function spotCells(cells: readonly HotspotCell[]): FeatureCollection<Polygon, { spot: SpotKey }> {
  const features: Feature<Polygon, { spot: SpotKey }>[] = [];
  for (const cell of cells) {
    const spot = spotKey(cell);
    if (spot === null) continue;
    features.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [cellToBoundary(cell.h3, true)] }, properties: { spot } });
  }
  return { type: 'FeatureCollection', features };
}

export interface BriefingMapData {
  kota: AreaCollection | null;
  kelurahan: AreaCollection | null;
  /** Focus-area polygons to outline (all three on a city map, the one on its own map). */
  focus: FeatureCollection<Polygon | MultiPolygon, { id: string; name: string }>;
  cells: readonly HotspotCell[];
  facilities: FacilityCollection;
  /** Ids of the puskesmas serving the area under the latest plan, drawn with a ring. */
  served: readonly string[];
  /** Draw only rehab-designated and serving puskesmas (the city map would drown in 300 dots otherwise). */
  onlyRehab: boolean;
}

function facilityPoints(d: BriefingMapData): FeatureCollection<Point, { rehab: boolean; served: boolean }> {
  const served = new Set(d.served);
  return {
    type: 'FeatureCollection',
    features: d.facilities.features
      .filter((f) => !d.onlyRehab || f.properties.rehab || served.has(f.properties.id))
      .map((f) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [f.geometry.coordinates[0], f.geometry.coordinates[1]] },
        properties: { rehab: f.properties.rehab, served: served.has(f.properties.id) },
      })),
  };
}

export function briefingMapStyle(d: BriefingMapData): StyleSpecification {
  const base = offlineStyle(d.kota, d.kelurahan);
  const spotColor: ExpressionSpecification = [
    'match',
    ['get', 'spot'],
    'hot99',
    BRIEFING_COLORS.hot99,
    'hot95',
    BRIEFING_COLORS.hot95,
    'cold95',
    BRIEFING_COLORS.cold95,
    BRIEFING_COLORS.cold99,
  ];
  return {
    ...base,
    sources: {
      ...base.sources,
      spots: { type: 'geojson', data: spotCells(d.cells) },
      focus: { type: 'geojson', data: d.focus },
      facilities: { type: 'geojson', data: facilityPoints(d) },
    },
    layers: [
      ...base.layers,
      { id: 'spots', type: 'fill', source: 'spots', paint: { 'fill-color': spotColor, 'fill-opacity': 0.78, 'fill-outline-color': 'rgba(255,255,255,0.35)' } },
      { id: 'focus-fill', type: 'fill', source: 'focus', paint: { 'fill-color': BRIEFING_COLORS.focusFill } },
      { id: 'focus-halo', type: 'line', source: 'focus', paint: { 'line-color': '#ffffff', 'line-width': 5, 'line-opacity': 0.8 } },
      { id: 'focus-line', type: 'line', source: 'focus', paint: { 'line-color': BRIEFING_COLORS.focusLine, 'line-width': 2.2 } },
      {
        id: 'facilities',
        type: 'circle',
        source: 'facilities',
        paint: {
          'circle-color': ['case', ['get', 'rehab'], BRIEFING_COLORS.rehab, BRIEFING_COLORS.other],
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, ['case', ['get', 'served'], 4.5, 2.6], 14, ['case', ['get', 'served'], 7, 5]],
          'circle-stroke-color': ['case', ['get', 'served'], BRIEFING_COLORS.served, '#ffffff'],
          'circle-stroke-width': ['case', ['get', 'served'], 2.5, 1],
        },
      },
    ],
  };
}
