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
      {
        id: 'kelurahan-outline',
        type: 'line',
        source: 'kelurahan',
        paint: { 'line-color': BASEMAP_COLORS.kelurahanLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.3, 14, 1.2] },
      },
      {
        id: 'kota-outline',
        type: 'line',
        source: 'kota',
        paint: { 'line-color': BASEMAP_COLORS.kotaLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.8, 14, 2] },
      },
    ],
  };
}

/**
 * The style the offline map starts with: only the water. It needs no worker, tiles or shaders beyond the background,
 * so MapLibre is ready at once; `offlineStyle`'s land and outlines are added once the first map is drawn.
 */
export function waterStyle(): StyleSpecification {
  return { version: 8, name: 'Rawan offline', sources: {}, layers: [{ id: 'water', type: 'background', paint: { 'background-color': BASEMAP_COLORS.water } }] };
}

/** The online style URL from /api/health's `basemapStyle` (RAWAN_BASEMAP_STYLE), when it is an http(s) URL; else the offline style is used. */
export function onlineStyleUrl(configured: string | null): string | null {
  const url = configured?.trim() ?? '';
  return /^https?:\/\//.test(url) ? url : null;
}
