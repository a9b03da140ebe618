// The offline MapLibre basemap built from the project's own boundaries, and the choice between it and an online style.
import type { MapOptions } from 'maplibre-gl';
import type { AreaCollection } from '../api';

export type StyleSpecification = Exclude<MapOptions['style'], string | undefined>;

export const BASEMAP_COLORS = {
  water: '#d6e4ec',
  land: '#f6f4ef',
  kelurahanLine: '#d8d2c4',
  kotaLine: '#a39a88',
} as const;

const EMPTY: AreaCollection = { type: 'FeatureCollection', features: [] };

/**
 * Land from the kota polygons, kelurahan outlines, water everywhere else. No symbol layers: without network there are
 * no font glyphs, so names are drawn by deck.gl's TextLayer from system fonts instead.
 */
export function offlineStyle(kota: AreaCollection | null, kelurahan: AreaCollection | null): StyleSpecification {
  return {
    version: 8,
    name: 'Rawan offline',
    sources: {
      kota: { type: 'geojson', data: kota ?? EMPTY },
      kelurahan: { type: 'geojson', data: kelurahan ?? EMPTY },
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': BASEMAP_COLORS.water } },
      { id: 'land', type: 'fill', source: 'kota', paint: { 'fill-color': BASEMAP_COLORS.land, 'fill-antialias': true } },
      { id: 'kelurahan-outline', type: 'line', source: 'kelurahan', paint: { 'line-color': BASEMAP_COLORS.kelurahanLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.3, 14, 1.2] } },
      { id: 'kota-outline', type: 'line', source: 'kota', paint: { 'line-color': BASEMAP_COLORS.kotaLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.8, 14, 2] } },
    ],
  };
}

/** The online style URL, if one is configured: a `<meta name="rawan-basemap-style">` the server writes, else the build's VITE_BASEMAP_STYLE. */
export function configuredStyleUrl(doc: Pick<Document, 'querySelector'> | null, buildValue: string | undefined): string | null {
  const meta = doc?.querySelector('meta[name="rawan-basemap-style"]')?.getAttribute('content')?.trim() ?? '';
  if (/^https?:\/\//.test(meta)) return meta;
  const built = buildValue?.trim() ?? '';
  return /^https?:\/\//.test(built) ? built : null;
}
