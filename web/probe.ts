// A small read-only window.__rawan object that lets browser tests wait for the map to settle instead of sleeping.
export interface RawanProbe {
  mapLoaded: boolean;
  mapIdle: boolean;
  deckFrames: number;
  basemap: 'offline' | 'online' | 'fallback';
  /** The indicator query whose colours the choropleth currently shows, or null. */
  choroplethKey: string | null;
  layerIds: string[];
  /** performance.now() when the basemap had loaded and deck.gl first drew the choropleth. */
  firstMapMs: number | null;
  /** How many H3 cells the hot spot layer was given (Gi*, LISA or emerging), and how many coverage lines are drawn. */
  hotspotCells: number;
  coverageLines: number;
  /** False while only the first view's essential layers are built (see LayerInput.firstDrawPending). */
  allLayers: boolean;
  /** Screen position (CSS pixels, relative to the map) of a [lng, lat]; null before the map exists. */
  project: ((lngLat: [number, number]) => [number, number]) | null;
}

declare global {
  interface Window {
    __rawan?: RawanProbe;
  }
}

export function probe(): RawanProbe {
  window.__rawan ??= {
    mapLoaded: false,
    mapIdle: false,
    deckFrames: 0,
    basemap: 'offline',
    choroplethKey: null,
    layerIds: [],
    firstMapMs: null,
    hotspotCells: 0,
    coverageLines: 0,
    allLayers: false,
    project: null,
  };
  return window.__rawan;
}
