// A small MapLibre map of the dry-run preview: valid records in teal, rows the report rejected in red, over the offline basemap.
import { Map as MapLibreMap, NavigationControl, setWorkerUrl, type ExpressionSpecification, type GeoJSONSource } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef, useState } from 'react';
import type { FeatureCollection, Geometry } from 'geojson';
import { offlineStyle } from '../map/basemap';
import { FACILITY_REHAB, HOTSPOT_COLORS, type Rgba } from '../map/palette';
import { fetchBasemapAreas } from './admin-api';
import { boundsOf, type PreviewProps } from './preview-parse';

setWorkerUrl(maplibreWorkerUrl);

const css = ([r, g, b]: Rgba | readonly number[]) => `rgb(${r}, ${g}, ${b})`;
export const VALID_COLOR = css(FACILITY_REHAB);
export const INVALID_COLOR = css(HOTSPOT_COLORS.hot[99]);
const COLOR: ExpressionSpecification = ['case', ['get', 'valid'], VALID_COLOR, INVALID_COLOR];
// MapLibre names single and multi geometries apart in newer versions, so both are listed.
const IS_POLYGON: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]];
const IS_POINT: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['Point', 'MultiPoint']]];
const JAKARTA: [number, number, number, number] = [106.68, -6.38, 107.0, -6.08];

export function PreviewMap({ collection, label }: { collection: FeatureCollection<Geometry, PreviewProps>; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<MapLibreMap | null>(null);
  const [ready, setReady] = useState(false);
  const [idle, setIdle] = useState(false);
  /** The kelurahan and kota outlines under the records: drawn, or given up on (the map still shows the records). */
  const [outlinesSettled, setOutlinesSettled] = useState(false);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const m = new MapLibreMap({ container: el, style: offlineStyle(null, null), bounds: JAKARTA, attributionControl: false, dragRotate: false });
    m.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.current = m;
    m.on('idle', () => setIdle(true));
    m.on('load', () => {
      m.addSource('preview', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      m.addLayer({ id: 'preview-fill', type: 'fill', source: 'preview', filter: IS_POLYGON, paint: { 'fill-color': COLOR, 'fill-opacity': 0.35 } });
      m.addLayer({ id: 'preview-line', type: 'line', source: 'preview', filter: ['!', IS_POINT], paint: { 'line-color': COLOR, 'line-width': 1.2 } });
      m.addLayer({
        id: 'preview-points',
        type: 'circle',
        source: 'preview',
        filter: IS_POINT,
        paint: {
          'circle-color': COLOR,
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 3.5, 14, 7],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1,
        },
      });
      setReady(true);
      void fetchBasemapAreas()
        .then(({ kota, kelurahan }) => {
          const style = offlineStyle(kota, kelurahan);
          for (const id of ['kota', 'kelurahan'] as const) {
            const data = style.sources[id];
            if (data.type === 'geojson' && typeof data.data === 'object') m.getSource<GeoJSONSource>(id)?.setData(data.data);
          }
          setIdle(false);
        })
        .catch(() => undefined)
        .finally(() => setOutlinesSettled(true));
    });
    return () => {
      m.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    if (!m || !ready) return;
    setIdle(false);
    m.getSource<GeoJSONSource>('preview')?.setData(collection);
    const b = boundsOf(collection);
    if (b) m.fitBounds(b, { padding: 32, maxZoom: 14, duration: 0 });
  }, [collection, ready]);

  return (
    <div
      ref={container}
      className="admin-preview-map"
      role="img"
      aria-label={label}
      data-testid="preview-map"
      data-state={ready && idle && outlinesSettled ? 'idle' : 'loading'}
      data-features={collection.features.length}
    />
  );
}
