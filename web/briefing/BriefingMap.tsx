// A still MapLibre map for print: fixed extent, no interaction, drawing buffer kept so the canvas prints, labels as
// DOM markers (no glyphs offline); tells its parent once the first frame with every layer is drawn.
import { Map as MapLibre, Marker, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef } from 'react';
import type { Bounds, LngLat } from '../geo/shape';
import type { StyleSpecification } from '../map/basemap';

// maplibre-gl 6 is ESM and looks for its worker next to its own chunk; the bundler gives the worker its own URL.
setWorkerUrl(maplibreWorkerUrl);

export interface MapLabel {
  position: LngLat;
  text: string;
  kind: 'focus' | 'place' | 'served';
}

interface Props {
  style: StyleSpecification;
  bounds: Bounds;
  labels: readonly MapLabel[];
  ariaLabel: string;
  /** Called once: true when the map drew, false when it could not (no WebGL); the page is ready either way. */
  onDrawn: (drawn: boolean) => void;
}

function labelElement(l: MapLabel): HTMLElement {
  const el = document.createElement('div');
  el.className = `bmap-label bmap-label-${l.kind}`;
  el.textContent = l.text;
  return el;
}

export function BriefingMap({ style, bounds, labels, ariaLabel, onDrawn }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const drawnRef = useRef(onDrawn);
  drawnRef.current = onDrawn;

  useEffect(() => {
    const container = ref.current;
    if (!container) return;
    let map: MapLibre;
    let done = false;
    const finish = (ok: boolean) => {
      if (done) return;
      done = true;
      drawnRef.current(ok);
    };
    try {
      map = new MapLibre({
        container,
        style,
        bounds: [bounds[0], bounds[1]],
        fitBoundsOptions: { padding: 12 },
        interactive: false,
        attributionControl: false,
        fadeDuration: 0,
        canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
      });
    } catch {
      finish(false);
      return;
    }
    map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 90 }), 'bottom-left');
    const markers = labels.map((l) =>
      new Marker({
        element: labelElement(l),
        anchor: l.kind === 'focus' ? 'bottom' : l.kind === 'served' ? 'center' : 'left',
        offset: l.kind === 'focus' ? [0, -14] : [0, 0],
      })
        .setLngLat(l.position)
        .addTo(map),
    );
    // The first idle after load comes once every source is parsed and every layer drawn.
    map.once('load', () => map.once('idle', () => finish(true)));
    map.on('error', (e) => {
      if (!map.loaded()) console.warn('briefing map:', e.error?.message ?? e);
    });
    return () => {
      done = true;
      for (const m of markers) m.remove();
      map.remove();
    };
  }, [style, bounds, labels]);

  return <div ref={ref} className="bmap" role="img" aria-label={ariaLabel} data-testid="briefing-map" />;
}
