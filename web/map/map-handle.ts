// The live MapLibre map and deck.gl overlay, registered by MapView so the PNG export can read their canvases.
import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { Map as MapLibreMap } from 'maplibre-gl';

export interface MapHandle {
  map: MapLibreMap;
  overlay: MapboxOverlay;
}

let current: MapHandle | null = null;

export function setMapHandle(h: MapHandle | null): void {
  current = h;
}

/** The map on screen, or null before it exists (or after it was removed). */
export function mapHandle(): MapHandle | null {
  return current;
}
