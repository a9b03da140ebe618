// Reads and writes the whole view as URL query parameters, so a copied link reproduces what its sender saw.
import { EVENT_TYPES } from './event-types';
import { isLang } from './i18n/format';
import { ADMIN_LEVELS, CONFIDENCES, DEFAULT_VIEW, HOTSPOT_METHODS, LAYER_IDS, RESOLUTIONS, type Camera, type Selection, type ViewState } from './view-state';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const PLAN_ID = /^[A-Za-z0-9_-]{1,64}$/;

function pick<T extends string | number>(options: readonly T[], raw: string | null, fallback: T): T {
  return options.find((o) => String(o) === raw) ?? fallback;
}

function parseSelection(raw: string | null): Selection | null {
  if (raw === null) return null;
  const cut = raw.indexOf(':');
  const kind = raw.slice(0, cut);
  const key = raw.slice(cut + 1);
  if (cut < 1 || key === '') return null;
  if (kind === 'area') return { kind, code: key };
  if (kind === 'focus') return { kind, id: key };
  if (kind === 'facility') return { kind, id: key };
  return null;
}

export function selectionKey(s: Selection): string {
  return s.kind === 'area' ? `area:${s.code}` : `${s.kind}:${s.id}`;
}

function parseCamera(raw: string | null): Camera | null {
  if (raw === null) return null;
  const parts = raw.split(',').map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
  const [lng, lat, zoom] = parts;
  if (Math.abs(lng) > 180 || Math.abs(lat) > 85 || zoom < 0 || zoom > 22) return null;
  return { lng, lat, zoom };
}

/** Rounds a camera so that URLs stay short and a reload lands on the same pixels (≈1 m, 1/100 zoom step). */
export function roundCamera(c: Camera): Camera {
  return { lng: Math.round(c.lng * 1e5) / 1e5, lat: Math.round(c.lat * 1e5) / 1e5, zoom: Math.round(c.zoom * 100) / 100 };
}

/** Parses a query string; anything missing or invalid falls back to the default, so old or hand-edited links still open. */
export function parseView(search: string): ViewState {
  const q = new URLSearchParams(search);
  const from = q.get('from');
  const to = q.get('to');
  const validPeriod = from !== null && to !== null && ISO_DAY.test(from) && ISO_DAY.test(to) && from <= to;
  const typesRaw = q.get('types');
  const types = typesRaw === null ? DEFAULT_VIEW.types : EVENT_TYPES.filter((t) => typesRaw.split(',').includes(t));
  const layersRaw = q.get('layers');
  const layers = layersRaw === null ? DEFAULT_VIEW.layers : LAYER_IDS.filter((l) => layersRaw.split(',').includes(l));
  const lang = q.get('lang') ?? '';
  return {
    lang: isLang(lang) ? lang : DEFAULT_VIEW.lang,
    from: validPeriod ? from : null,
    to: validPeriod ? to : null,
    types,
    level: pick(ADMIN_LEVELS, q.get('level'), DEFAULT_VIEW.level),
    indicator: pick(['count', 'rate'] as const, q.get('ind'), DEFAULT_VIEW.indicator),
    classification: pick(['quantile', 'jenks'] as const, q.get('cls'), DEFAULT_VIEW.classification),
    layers,
    hotspotMethod: pick(HOTSPOT_METHODS, q.get('hs'), DEFAULT_VIEW.hotspotMethod),
    confidence: pick(CONFIDENCES, q.get('conf'), DEFAULT_VIEW.confidence),
    resolution: pick(RESOLUTIONS, q.get('res'), DEFAULT_VIEW.resolution),
    fdr: q.has('fdr') ? q.get('fdr') !== '0' : DEFAULT_VIEW.fdr,
    slice: pick(['month', 'quarter'] as const, q.get('slice'), DEFAULT_VIEW.slice),
    panel: pick(['filters', 'coverage', 'focus'] as const, q.get('panel'), DEFAULT_VIEW.panel),
    plan: PLAN_ID.test(q.get('plan') ?? '') ? q.get('plan') : null,
    selection: parseSelection(q.get('sel')),
    camera: parseCamera(q.get('map')),
  };
}

/** Writes every part of the view (not only non-defaults), so a link keeps its meaning if defaults change. */
export function serializeView(v: ViewState): string {
  const q = new URLSearchParams();
  q.set('lang', v.lang);
  if (v.from !== null && v.to !== null) {
    q.set('from', v.from);
    q.set('to', v.to);
  }
  q.set('types', v.types.join(','));
  q.set('level', v.level);
  q.set('ind', v.indicator);
  q.set('cls', v.classification);
  q.set('layers', v.layers.join(','));
  q.set('hs', v.hotspotMethod);
  q.set('conf', String(v.confidence));
  q.set('res', String(v.resolution));
  q.set('fdr', v.fdr ? '1' : '0');
  q.set('slice', v.slice);
  q.set('panel', v.panel);
  if (v.plan !== null) q.set('plan', v.plan);
  if (v.selection) q.set('sel', selectionKey(v.selection));
  if (v.camera) {
    const c = roundCamera(v.camera);
    q.set('map', `${c.lng},${c.lat},${c.zoom}`);
  }
  // Commas and colons are legal in a query and far easier to read in a shared link than %2C / %3A.
  return `?${q.toString().replace(/%2C/g, ',').replace(/%3A/g, ':')}`;
}

/** Whether two views differ only in their camera (a map move replaces the history entry instead of pushing one). */
export function onlyCameraDiffers(a: ViewState, b: ViewState): boolean {
  return serializeView({ ...a, camera: null }) === serializeView({ ...b, camera: null });
}
