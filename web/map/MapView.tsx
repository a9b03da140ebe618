// The map: MapLibre basemap (offline style from our boundaries, or a configured online style) with deck.gl layers on top.
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { PickingInfo } from '@deck.gl/core';
import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
// MapLibre 6 looks for its worker beside its own module, which bundling moves; point it at the emitted copy instead.
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { IndicatorsResponse } from '../api';
import { useT } from '../i18n/use-t';
import { probe } from '../probe';
import { rawanStore, useRawan } from '../store';
import { dataOf } from '../state/resource';
import { areasOf, currentIndicators, facilitiesOf, focusOf, hotspotsResource } from '../state/selectors';
import { eventsKey } from '../state/data-slice';
import { periodQueryOf } from '../queries';
import { roundCamera } from '../url-state';
import { isLayerOn, JAKARTA_BOUNDS } from '../view-state';
import { configuredStyleUrl, offlineStyle } from './basemap';
import { buildLayers, type AreaShape } from './layers';
import { loadH3HexagonLayer, loadHeatmapLayer, type LazyLayerClasses } from './lazy-layers';
import { MapTooltip, type Hover } from './map-tooltip';
import type { Facility, FocusArea } from './features';

const ONLINE_STYLE_TIMEOUT_MS = 8000;
setWorkerUrl(maplibreWorkerUrl);

function isAreaShape(o: unknown): o is AreaShape {
  return typeof o === 'object' && o !== null && 'properties' in o && typeof o.properties === 'object' && o.properties !== null && 'kind' in o.properties;
}

function isFacility(o: unknown): o is Facility {
  return typeof o === 'object' && o !== null && 'location' in o && 'capacityPerMonth' in o;
}

function isFocusArea(o: unknown): o is FocusArea {
  return typeof o === 'object' && o !== null && 'aliases' in o && 'kelurahanCode' in o;
}

export default function MapView() {
  const { t } = useT();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const overlayRef = useRef<MapboxOverlay | null>(null);
  const [ready, setReady] = useState(false);
  const [zoom, setZoom] = useState(11);
  const [hover, setHover] = useState<Hover | null>(null);
  const [lazy, setLazy] = useState<LazyLayerClasses>({});
  const lastIndicators = useRef<IndicatorsResponse | null>(null);

  const view = useRawan((s) => s.view);
  const cameraRequest = useRawan((s) => s.cameraRequest);
  const kotaFc = useRawan((s) => dataOf(s.resources.areas.kota));
  const kelurahanFc = useRawan((s) => dataOf(s.resources.areas.kelurahan));
  const data = useRawan(
    useShallow((s) => {
      const q = periodQueryOf(s.view);
      return {
        areas: areasOf(s, s.view.level),
        kota: areasOf(s, 'kota'),
        kelurahan: areasOf(s, 'kelurahan'),
        focus: focusOf(s),
        facilities: facilitiesOf(s),
        indicators: currentIndicators(s),
        hotspots: dataOf(hotspotsResource(s)),
        events: q ? (dataOf(s.resources.events[eventsKey(q)])?.features ?? null) : null,
      };
    }),
  );

  // Create the map once; everything else talks to it through refs.
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const p = probe();
    const online = configuredStyleUrl(document, import.meta.env.VITE_BASEMAP_STYLE);
    const state = rawanStore().getState();
    const cam = state.view.camera;
    const map = new MapLibreMap({
      container: el,
      style: online ?? offlineStyle(null, null),
      ...(cam ? { center: [cam.lng, cam.lat], zoom: cam.zoom } : { bounds: JAKARTA_BOUNDS, fitBoundsOptions: { padding: 24 } }),
      minZoom: 8,
      maxZoom: 18,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      attributionControl: { compact: true, customAttribution: 'Rawan · batas wilayah perkiraan / approximate boundaries' },
    });
    map.touchZoomRotate.disableRotation();
    map.keyboard.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
    p.basemap = online ? 'online' : 'offline';
    rawanStore().getState().setBasemap(p.basemap);

    let styleLoaded = false;
    const fallback = () => {
      if (styleLoaded && p.basemap !== 'online') return;
      p.basemap = 'fallback';
      rawanStore().getState().setBasemap('fallback');
      const s = rawanStore().getState();
      map.setStyle(offlineStyle(dataOf(s.resources.areas.kota), dataOf(s.resources.areas.kelurahan)));
    };
    const timer = online ? window.setTimeout(() => !styleLoaded && fallback(), ONLINE_STYLE_TIMEOUT_MS) : 0;
    map.on('style.load', () => {
      styleLoaded = true;
    });
    map.on('error', () => {
      if (online && !styleLoaded) fallback();
    });

    const overlay = new MapboxOverlay({
      interleaved: false,
      layers: [],
      onAfterRender: () => {
        p.deckFrames += 1;
        if (p.firstMapMs === null && p.mapLoaded && p.layerIds.includes('choropleth')) p.firstMapMs = performance.now();
      },
      onHover: (info: PickingInfo) => setHover(info.object ? { x: info.x, y: info.y, layerId: info.layer?.id ?? '', object: info.object } : null),
      onClick: (info: PickingInfo) => {
        const o: unknown = info.object;
        const select = rawanStore().getState().select;
        if (isFacility(o)) select({ kind: 'facility', id: o.id });
        else if (isFocusArea(o)) select({ kind: 'focus', id: o.id });
        else if (isAreaShape(o)) select(o.properties.kind === 'focus' ? { kind: 'focus', id: o.properties.key } : { kind: 'area', code: o.properties.key });
      },
      getCursor: ({ isHovering, isDragging }) => (isDragging ? 'grabbing' : isHovering ? 'pointer' : 'grab'),
    });
    map.addControl(overlay);
    map.getCanvas().setAttribute('aria-label', t('map.label'));

    map.on('load', () => {
      p.mapLoaded = true;
      // The initial fit to Jakarta fires no moveend; record it so the URL holds the camera from the start.
      recordCamera();
      setReady(true);
      setZoom(map.getZoom());
    });
    map.on('movestart', () => {
      p.mapIdle = false;
    });
    map.on('idle', () => {
      p.mapIdle = true;
    });
    map.on('zoomend', () => setZoom(map.getZoom()));
    const recordCamera = () => {
      const c = map.getCenter();
      const next = roundCamera({ lng: c.lng, lat: c.lat, zoom: map.getZoom() });
      const prev = rawanStore().getState().view.camera;
      if (!prev || prev.lng !== next.lng || prev.lat !== next.lat || prev.zoom !== next.zoom) rawanStore().getState().setCamera(next);
    };
    map.on('moveend', recordCamera);
    mapRef.current = map;
    overlayRef.current = overlay;
    return () => {
      window.clearTimeout(timer);
      overlay.finalize();
      map.remove();
      mapRef.current = null;
      overlayRef.current = null;
      p.mapLoaded = false;
    };
    // The map is created once per mount; later changes reach it through the effects below.
  }, []);

  // Offline basemap: fill the land and outlines as soon as the boundaries arrive.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    if (kotaFc) map.getSource<GeoJSONSource>('kota')?.setData(kotaFc);
    if (kelurahanFc) map.getSource<GeoJSONSource>('kelurahan')?.setData(kelurahanFc);
  }, [ready, kotaFc, kelurahanFc]);

  // The camera in the view changed from outside the map (back/forward, a pasted link): jump there.
  useEffect(() => {
    const map = mapRef.current;
    const cam = view.camera;
    if (!map || !cam) return;
    const c = map.getCenter();
    const here = roundCamera({ lng: c.lng, lat: c.lat, zoom: map.getZoom() });
    if (here.lng !== cam.lng || here.lat !== cam.lat || here.zoom !== cam.zoom) map.jumpTo({ center: [cam.lng, cam.lat], zoom: cam.zoom });
  }, [view.camera]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !cameraRequest) return;
    if (cameraRequest.kind === 'bounds') map.fitBounds(cameraRequest.bounds, { padding: 80, maxZoom: 14.75, duration: 900 });
    else map.flyTo({ center: cameraRequest.center, zoom: cameraRequest.zoom, duration: 900 });
  }, [cameraRequest]);

  useEffect(() => {
    mapRef.current?.getCanvas().setAttribute('aria-label', t('map.label'));
  }, [t]);

  const hotspotsOn = isLayerOn(view, 'hotspots');
  const heatmapOn = isLayerOn(view, 'heatmap');
  useEffect(() => {
    if (hotspotsOn && !lazy.H3HexagonLayer) void loadH3HexagonLayer().then((H3HexagonLayer) => setLazy((l) => ({ ...l, H3HexagonLayer })));
    if (heatmapOn && !lazy.HeatmapLayer) void loadHeatmapLayer().then((HeatmapLayer) => setLazy((l) => ({ ...l, HeatmapLayer })));
  }, [hotspotsOn, heatmapOn, lazy]);

  if (data.indicators && data.indicators.level === view.level) lastIndicators.current = data.indicators;
  const shownIndicators = data.indicators ?? (lastIndicators.current?.level === view.level ? lastIndicators.current : null);
  const layers = useMemo(
    () => buildLayers({ view, zoom, ...data, indicators: shownIndicators, indicatorsStale: data.indicators === null }, lazy),
    [view, zoom, data, shownIndicators, lazy],
  );

  useEffect(() => {
    overlayRef.current?.setProps({ layers });
    const p = probe();
    p.layerIds = layers.map((l) => l.id);
    p.choroplethKey = data.indicators && layers.some((l) => l.id === 'choropleth') ? `${data.indicators.level}|${data.indicators.period.from}|${data.indicators.period.to}|${data.indicators.types.join(',')}` : null;
  }, [layers, data.indicators]);

  return (
    <div className="map-wrap">
      <div ref={container} className="map" data-testid="map" />
      {hover && <MapTooltip hover={hover} view={view} indicators={shownIndicators} />}
    </div>
  );
}
