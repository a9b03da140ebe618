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
import { areasOf, currentIndicators, emergingResource, facilitiesOf, focusOf, healthOf, hotspotsResource, indicatorsResource } from '../state/selectors';
import { canPlan, shownCoverage } from '../state/coverage-selectors';
import { eventsKey } from '../state/data-slice';
import { periodQueryOf } from '../queries';
import { roundCamera } from '../url-state';
import { isLayerOn, JAKARTA_BOUNDS } from '../view-state';
import { offlineStyle, onlineStyleUrl, waterStyle } from './basemap';
import { buildLayers, type AreaShape } from './layers';
import { loadH3HexagonLayer, loadHeatmapLayer, type LazyLayerClasses } from './lazy-layers';
import { MapTooltip, type Hover } from './map-tooltip';
import { setMapHandle } from './map-handle';
import type { Facility, FocusArea } from './features';
import type { CoverageFacilityMark, CoverageLine } from './coverage-layers';

const ONLINE_STYLE_TIMEOUT_MS = 8000;
/** The focus-area editor's map part, loaded when an analyst opens the editing tab. */
type FocusEditor = typeof import('../focus-edit/focus-edit-layers');
setWorkerUrl(maplibreWorkerUrl);

function isAreaShape(o: unknown): o is AreaShape {
  return typeof o === 'object' && o !== null && 'properties' in o && typeof o.properties === 'object' && o.properties !== null && 'kind' in o.properties;
}

function isFacility(o: unknown): o is Facility {
  return typeof o === 'object' && o !== null && 'location' in o && 'capacityPerMonth' in o;
}

function isPlanMark(o: unknown): o is CoverageFacilityMark {
  return typeof o === 'object' && o !== null && 'role' in o && 'id' in o && typeof o.id === 'string';
}

function isPlanLine(o: unknown): o is CoverageLine {
  return typeof o === 'object' && o !== null && 'facilityId' in o && 'demandId' in o && typeof o.facilityId === 'string';
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
  const [firstDrawPending, setFirstDrawPending] = useState(true);
  const lastIndicators = useRef<IndicatorsResponse | null>(null);
  const editing = useRawan((s) => s.view.panel === 'focus' && canPlan(s));
  const focusEdit = useRawan((s) => s.focusEdit);
  const [editor, setEditor] = useState<FocusEditor | null>(null);
  // Read by the overlay's handlers, which are created once with the map.
  const editorRef = useRef<FocusEditor | null>(null);
  editorRef.current = editing ? editor : null;

  const view = useRawan((s) => s.view);
  const cameraRequest = useRawan((s) => s.cameraRequest);
  // The map waits for /api/health (a small, early answer) only to learn whether an online basemap is configured.
  const healthSettled = useRawan((s) => {
    const r = s.resources.health.server;
    return r !== undefined && r.status !== 'loading';
  });
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
        emerging: dataOf(emergingResource(s)),
        coverage: s.view.panel === 'coverage' ? shownCoverage(s) : null,
        events: q ? (dataOf(s.resources.events[eventsKey(q)])?.features ?? null) : null,
      };
    }),
  );

  // Create the map once the server said which basemap to use; everything else talks to it through refs.
  useEffect(() => {
    const el = container.current;
    if (!el || !healthSettled) return;
    const p = probe();
    const online = onlineStyleUrl(healthOf(rawanStore().getState())?.basemapStyle ?? null);
    // Marks in the performance timeline, so a profile of the first view shows where its time goes.
    performance.mark('rawan:map-create');
    const state = rawanStore().getState();
    const cam = state.view.camera;
    const map = new MapLibreMap({
      container: el,
      style: online ?? waterStyle(),
      ...(cam ? { center: [cam.lng, cam.lat], zoom: cam.zoom } : { bounds: JAKARTA_BOUNDS, fitBoundsOptions: { padding: 24 } }),
      minZoom: 8,
      maxZoom: 18,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      attributionControl: { compact: true, customAttribution: 'Rawan · batas wilayah perkiraan / approximate boundaries' },
      // Kept so the PNG export (web/map/export-png.ts) can copy what is on screen.
      canvasContextAttributes: { preserveDrawingBuffer: true },
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

    let choroplethDrawn = false;
    const firstMapDrawn = () => {
      if (p.firstMapMs !== null) return;
      p.firstMapMs = performance.now();
      performance.mark('rawan:first-map');
      setFirstDrawPending(false);
    };
    const overlay = new MapboxOverlay({
      interleaved: false,
      layers: [],
      deviceProps: { webgl: { preserveDrawingBuffer: true } },
      onAfterRender: () => {
        if (p.deckFrames === 0) performance.mark('rawan:deck-first-frame');
        p.deckFrames += 1;
        if (p.layerIds.includes('choropleth')) choroplethDrawn = true;
        if (p.mapLoaded && choroplethDrawn) firstMapDrawn();
      },
      onHover: (info: PickingInfo) => setHover(info.object ? { x: info.x, y: info.y, layerId: info.layer?.id ?? '', object: info.object } : null),
      onClick: (info: PickingInfo, event) => {
        if (editorRef.current) return editorRef.current.focusEditClick(info, event.tapCount);
        const o: unknown = info.object;
        const state = rawanStore().getState();
        const select = state.select;
        const lockFor = state.coverage.pickLockFor;
        // Locking an area: the next puskesmas clicked becomes the one that serves it.
        if (lockFor !== null && isFacility(o)) state.toggleCoverageLock({ demandId: lockFor, facilityId: o.id });
        else if (lockFor !== null && isPlanMark(o)) state.toggleCoverageLock({ demandId: lockFor, facilityId: o.id });
        else if (isPlanMark(o) || isPlanLine(o)) select({ kind: 'facility', id: isPlanLine(o) ? o.facilityId : o.id });
        else if (isFacility(o)) select({ kind: 'facility', id: o.id });
        else if (isFocusArea(o)) select({ kind: 'focus', id: o.id });
        else if (isAreaShape(o)) select(o.properties.kind === 'focus' ? { kind: 'focus', id: o.properties.key } : { kind: 'area', code: o.properties.key });
      },
      getCursor: ({ isHovering, isDragging }) =>
        editorRef.current
          ? editorRef.current.focusEditCursor(rawanStore().getState().focusEdit, isHovering, isDragging)
          : isDragging ? 'grabbing' : isHovering ? 'pointer' : rawanStore().getState().coverage.pickLockFor !== null ? 'crosshair' : 'grab',
    });
    map.addControl(overlay);
    map.getCanvas().setAttribute('aria-label', t('map.label'));

    map.on('load', () => {
      performance.mark('rawan:map-load');
      p.mapLoaded = true;
      // deck.gl may have drawn the choropleth before the basemap finished; the first map is there once both are.
      if (choroplethDrawn) firstMapDrawn();
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
    p.project = (lngLat) => {
      const pt = map.project(lngLat);
      return [pt.x, pt.y];
    };
    mapRef.current = map;
    overlayRef.current = overlay;
    setMapHandle({ map, overlay });
    return () => {
      setMapHandle(null);
      window.clearTimeout(timer);
      overlay.finalize();
      map.remove();
      mapRef.current = null;
      overlayRef.current = null;
      p.mapLoaded = false;
      p.project = null;
    };
    // The map is created once per mount; later changes reach it through the effects below.
  }, [healthSettled]);

  // If the first draw cannot come (the choropleth is off, no types are chosen, or its data failed), stop holding the
  // other layers back at once; otherwise only a long wait does.
  const choroplethBlocked = useRawan(
    (s) => !isLayerOn(s.view, 'choropleth') || s.view.types.length === 0 || indicatorsResource(s, s.view.level)?.status === 'error',
  );
  useEffect(() => {
    if (!ready || !firstDrawPending) return;
    const timer = window.setTimeout(() => setFirstDrawPending(false), choroplethBlocked ? 0 : 8000);
    return () => window.clearTimeout(timer);
  }, [ready, firstDrawPending, choroplethBlocked]);

  // Offline basemap: fill the land and outlines once the first map is on screen. The choropleth covers the same land,
  // and holding the basemap's polygons back spares software WebGL its fill, line and clipping-mask programs until then.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready || firstDrawPending || rawanStore().getState().basemap === 'online') return;
    const full = offlineStyle(kotaFc, kelurahanFc);
    for (const id of ['kota', 'kelurahan'] as const) {
      const fc = id === 'kota' ? kotaFc : kelurahanFc;
      const source = map.getSource<GeoJSONSource>(id);
      if (source && fc) source.setData(fc);
      else if (!source) map.addSource(id, full.sources[id]);
    }
    for (const layer of full.layers) if (!map.getLayer(layer.id)) map.addLayer(layer);
  }, [ready, firstDrawPending, kotaFc, kelurahanFc]);

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
    if (cameraRequest.kind === 'bounds') map.fitBounds(cameraRequest.bounds, { padding: cameraRequest.padding ?? 80, maxZoom: 14.75, duration: 900 });
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

  useEffect(() => {
    if (editing && !editor) void import('../focus-edit/focus-edit-layers').then((m) => setEditor(m));
  }, [editing, editor]);

  // Vertices are dragged through the map's own mouse events while the editor is open.
  useEffect(() => {
    const map = mapRef.current;
    const overlay = overlayRef.current;
    if (!editing || !editor || !ready || !map || !overlay) return;
    return editor.attachVertexDragging(map, overlay);
  }, [editing, editor, ready]);

  // While an outline is drawn, clicks add vertices: a quick second click must not zoom the map.
  const drawingOutline = editing && focusEdit.drawing;
  useEffect(() => {
    const map = mapRef.current;
    if (map) map.doubleClickZoom[drawingOutline ? 'disable' : 'enable']();
  }, [drawingOutline, ready]);

  if (data.indicators && data.indicators.level === view.level) lastIndicators.current = data.indicators;
  const shownIndicators = data.indicators ?? (lastIndicators.current?.level === view.level ? lastIndicators.current : null);
  const baseLayers = useMemo(
    () => buildLayers({ view, zoom, ...data, indicators: shownIndicators, indicatorsStale: data.indicators === null, firstDrawPending }, lazy),
    [view, zoom, data, shownIndicators, lazy, firstDrawPending],
  );
  // Built apart, so dragging a vertex rebuilds only the editor's few layers.
  const editLayers = useMemo(() => (editing && editor ? editor.focusEditLayers(focusEdit) : []), [editing, editor, focusEdit]);
  const layers = useMemo(() => [...baseLayers, ...editLayers], [baseLayers, editLayers]);

  useEffect(() => {
    overlayRef.current?.setProps({ layers });
    const p = probe();
    p.layerIds = layers.map((l) => l.id);
    const dataLength = (id: string) => {
      const d: unknown = layers.find((l) => l.id === id)?.props.data;
      return Array.isArray(d) ? d.length : 0;
    };
    p.hotspotCells = dataLength('hotspots') + dataLength('emerging');
    p.coverageLines = dataLength('coverage-lines');
    p.allLayers = !firstDrawPending;
    p.choroplethKey =
      data.indicators && layers.some((l) => l.id === 'choropleth')
        ? `${data.indicators.level}|${data.indicators.period.from}|${data.indicators.period.to}|${data.indicators.types.join(',')}`
        : null;
  }, [layers, data.indicators, firstDrawPending]);

  return (
    <div className="map-wrap">
      <div ref={container} className="map" data-testid="map" />
      {hover && <MapTooltip hover={hover} view={view} indicators={shownIndicators} />}
    </div>
  );
}
