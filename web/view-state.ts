// The serialisable view: filters, layers, selection, camera and language, with its defaults.
import { EVENT_TYPES, type EventType } from './event-types';
import type { Lang } from './i18n/format';

export type AdminLevel = 'kota' | 'kecamatan' | 'kelurahan';
export type IndicatorKind = 'count' | 'rate';
export type Classification = 'quantile' | 'jenks';
export type LayerId = 'choropleth' | 'hotspots' | 'heatmap' | 'focus' | 'facilities';
/** Gi* and LISA classify one period; 'emerging' follows Gi* through monthly or quarterly slices (space-time trend). */
export type HotspotMethod = 'gistar' | 'lisa' | 'emerging';
export type EmergingSlice = 'month' | 'quarter';
/** Which task the left panel serves: map filters, puskesmas coverage planning or focus-area editing (analysts). */
export type PanelMode = 'filters' | 'coverage' | 'focus';
export type Confidence = 90 | 95 | 99;

export const ADMIN_LEVELS: readonly AdminLevel[] = ['kota', 'kecamatan', 'kelurahan'];
export const LAYER_IDS: readonly LayerId[] = ['choropleth', 'hotspots', 'heatmap', 'focus', 'facilities'];
export const CONFIDENCES: readonly Confidence[] = [90, 95, 99];
export const RESOLUTIONS: readonly number[] = [7, 8, 9, 10];
export const HOTSPOT_METHODS: readonly HotspotMethod[] = ['gistar', 'lisa', 'emerging'];

export type Selection = { kind: 'area'; code: string } | { kind: 'focus'; id: string } | { kind: 'facility'; id: string };

export interface Camera {
  lng: number;
  lat: number;
  zoom: number;
}

export interface ViewState {
  lang: Lang;
  /** The analysis period; null until the data's extent is known and the default (last 12 months) is filled in. */
  from: string | null;
  to: string | null;
  types: EventType[];
  level: AdminLevel;
  indicator: IndicatorKind;
  classification: Classification;
  layers: LayerId[];
  hotspotMethod: HotspotMethod;
  confidence: Confidence;
  resolution: number;
  fdr: boolean;
  slice: EmergingSlice;
  panel: PanelMode;
  /** The saved coverage plan shown on the map and in the coverage panel. */
  plan: string | null;
  selection: Selection | null;
  /** null means "fit all of mainland Jakarta". */
  camera: Camera | null;
}

export const DEFAULT_VIEW: ViewState = {
  lang: 'id',
  from: null,
  to: null,
  types: [...EVENT_TYPES],
  level: 'kelurahan',
  // Kelurahan differ tenfold in population, so raw counts mostly show where many people live.
  indicator: 'rate',
  classification: 'quantile',
  layers: ['choropleth', 'focus', 'facilities'],
  hotspotMethod: 'gistar',
  confidence: 95,
  resolution: 8,
  fdr: true,
  slice: 'month',
  panel: 'filters',
  plan: null,
  selection: null,
  camera: null,
};

/** Mainland Jakarta (Kepulauan Seribu lies far to the north and is reached by panning). */
export const JAKARTA_BOUNDS: [[number, number], [number, number]] = [
  [106.68, -6.38],
  [106.98, -6.08],
];

export function isLayerOn(view: Pick<ViewState, 'layers'>, id: LayerId): boolean {
  return view.layers.includes(id);
}
