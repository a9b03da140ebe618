// Loads everything one briefing page draws: the server's briefing (figures, trend, coverage, sentences), the
// hot spot classes for the same period, the puskesmas, the boundaries for the offline basemap, and the data flags.
import { hc, type InferResponseType } from 'hono/client';
import type { AppType } from '../../server/app';
import {
  ApiError,
  fetchAreas,
  fetchFacilities,
  fetchHealth,
  fetchHotspots,
  type AreaCollection,
  type FacilityCollection,
  type HealthResponse,
  type HotspotsResponse,
} from '../api';
import { EVENT_TYPES } from '../event-types';
import type { BriefingParams } from './briefing-params';

const client = hc<AppType>(typeof window === 'undefined' ? 'http://localhost/' : window.location.origin);

export type BriefingResponse = InferResponseType<(typeof client.api.briefings)[':area']['$get'], 200>;
/** One area's briefing (the top level, or one of `focusAreas` in the all-Jakarta briefing). */
export type AreaBriefing = Omit<BriefingResponse, 'focusAreas'>;

export interface BriefingBundle {
  briefing: BriefingResponse;
  hotspots: HotspotsResponse;
  facilities: FacilityCollection;
  kota: AreaCollection;
  kelurahan: AreaCollection;
  focus: AreaCollection;
  health: HealthResponse;
  /** For all Jakarta: each kota's briefing for the same period, for the city picture's table (empty otherwise). */
  kotaBriefings: BriefingResponse[];
}

export async function fetchBriefing(p: BriefingParams): Promise<BriefingResponse> {
  const query: { lang: 'id' | 'en'; from?: string; to?: string } = { lang: p.lang };
  if (p.from !== null) query.from = p.from;
  if (p.to !== null) query.to = p.to;
  let res;
  try {
    res = await client.api.briefings[':area'].$get({ param: { area: p.area }, query });
  } catch (err) {
    throw new ApiError(0, 'network', err instanceof Error ? err.message : String(err));
  }
  if (!res.ok) {
    const body: unknown = await res.json().catch(() => null);
    const error = typeof body === 'object' && body !== null && 'error' in body ? body.error : null;
    const message =
      typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string'
        ? error.message
        : `${res.status} ${res.statusText}`;
    throw new ApiError(res.status, `http_${res.status}`, message);
  }
  return res.json();
}

/** Everything in parallel except the hot spots, which follow the period the server resolved for the briefing. */
export async function loadBriefing(p: BriefingParams): Promise<BriefingBundle> {
  const [briefing, facilities, kota, kelurahan, focus, health] = await Promise.all([
    fetchBriefing(p),
    fetchFacilities(),
    fetchAreas('kota'),
    fetchAreas('kelurahan'),
    fetchAreas('focus'),
    fetchHealth(),
  ]);
  const period = { from: briefing.period.from, to: briefing.period.to };
  const kotaCodes = p.area === 'jakarta' ? kota.features.map((f) => ('code' in f.properties ? f.properties.code : '')).filter((c) => c !== '') : [];
  const [hotspots, kotaBriefings] = await Promise.all([
    fetchHotspots({ ...period, types: EVENT_TYPES, resolution: 9, method: 'gistar', alpha: 0.05, fdr: false }),
    Promise.all(kotaCodes.map((code) => fetchBriefing({ ...p, ...period, area: code }))),
  ]);
  return { briefing, hotspots, facilities, kota, kelurahan, focus, health, kotaBriefings };
}

/** Where the server renders this briefing as PDF (same area, period and language). */
export function pdfUrl(p: BriefingParams, period: { from: string; to: string } | null): string {
  const q = new URLSearchParams({ lang: p.lang });
  const from = period?.from ?? p.from;
  const to = period?.to ?? p.to;
  if (from !== null) q.set('from', from);
  if (to !== null) q.set('to', to);
  return `/api/briefings/${encodeURIComponent(p.area)}.pdf?${q}`;
}
