// The only place the client talks to the server: typed by `hc<AppType>`, with typed fetch for endpoints still to come.
import { hc, type InferResponseType } from 'hono/client';
import type { AppType } from '../server/app';
import type { EventType } from './event-types';
import type { AdminLevel, Confidence, HotspotMethod } from './view-state';

const client = hc<AppType>(typeof window === 'undefined' ? 'http://localhost/' : window.location.origin);

export type AreaCollection = InferResponseType<typeof client.api.areas.$get, 200>;
export type FacilityCollection = InferResponseType<typeof client.api.facilities.$get, 200>;
export type IndicatorsResponse = InferResponseType<typeof client.api.indicators.$get, 200>;
export type TrendResponse = InferResponseType<(typeof client.api.indicators)['trend']['$get'], 200>;
export type EventCollection = InferResponseType<typeof client.api.events.$get, 200>;
export type HealthResponse = InferResponseType<typeof client.api.health.$get, 200>;

export type AreaFeature = AreaCollection['features'][number];
export type FacilityFeature = FacilityCollection['features'][number];
export type IndicatorRow = IndicatorsResponse['areas'][number];
export type EventFeature = EventCollection['features'][number];

export type GiClass = 'hot' | 'cold' | 'none';
export type LisaClass = 'HH' | 'LH' | 'LL' | 'HL' | 'none';

/** One H3 cell of GET /api/hotspots (contract in the hotspot issue; cells with value 0 and class 'none' are omitted). */
export interface HotspotCell {
  h3: string;
  value: number;
  z: number;
  p: number;
  significant: boolean;
  class: GiClass | LisaClass;
  confidence: Confidence | null;
}

export interface HotspotsResponse {
  method: HotspotMethod;
  resolution: number;
  period: { from: string; to: string };
  types: EventType[];
  alpha: number;
  fdr: boolean;
  fdrCutoff: number | null;
  weights: { type: string; k: number; n: number; islands: number; meanNeighbors: number };
  nCells: number;
  cells: HotspotCell[];
}

/** A failed request, carrying the server's error code and message when there was one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface PeriodQuery {
  from: string;
  to: string;
  types: readonly EventType[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

async function errorOf(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  const code = error && typeof error.code === 'string' ? error.code : `http_${res.status}`;
  const message = error && typeof error.message === 'string' ? error.message : `${res.status} ${res.statusText}`.trim();
  return new ApiError(res.status, code, message);
}

/** Awaits a response, turning network failures and non-2xx answers into ApiError. */
async function ok<T extends Response>(request: Promise<T>): Promise<T> {
  let res: T;
  try {
    res = await request;
  } catch (err) {
    throw new ApiError(0, 'network', err instanceof Error ? err.message : String(err));
  }
  if (!res.ok) throw await errorOf(res);
  return res;
}

export async function fetchHealth(): Promise<HealthResponse> {
  return (await ok(client.api.health.$get())).json();
}

export async function fetchAreas(level: AdminLevel | 'focus'): Promise<AreaCollection> {
  return (await ok(client.api.areas.$get({ query: { level } }))).json();
}

export async function fetchFacilities(): Promise<FacilityCollection> {
  return (await ok(client.api.facilities.$get())).json();
}

export async function fetchIndicators(level: AdminLevel | 'focus', q: PeriodQuery): Promise<IndicatorsResponse> {
  return (await ok(client.api.indicators.$get({ query: { level, from: q.from, to: q.to, types: q.types.join(',') } }))).json();
}

/** Monthly counts for one area; without `to` the server runs up to its latest event, which is how the client learns the data's extent. */
export async function fetchTrend(area: string, q: { from?: string; to?: string; types?: readonly EventType[] }): Promise<TrendResponse> {
  const query: { area: string; from?: string; to?: string; types?: string } = { area };
  if (q.from !== undefined) query.from = q.from;
  if (q.to !== undefined) query.to = q.to;
  if (q.types !== undefined) query.types = q.types.join(',');
  return (await ok(client.api.indicators.trend.$get({ query }))).json();
}

export async function fetchEvents(bbox: readonly [number, number, number, number], q: PeriodQuery, limit: number): Promise<EventCollection> {
  const query = { bbox: bbox.join(','), from: q.from, to: q.to, types: q.types.join(','), limit: String(limit) };
  return (await ok(client.api.events.$get({ query }))).json();
}

export interface HotspotQuery extends PeriodQuery {
  resolution: number;
  method: HotspotMethod;
  alpha: number;
  fdr: boolean;
}

function isHotspotsResponse(v: unknown): v is HotspotsResponse {
  return isRecord(v) && Array.isArray(v.cells) && typeof v.method === 'string';
}

/** GET /api/hotspots is not in AppType yet, so it is fetched by hand and its shape checked before use. */
export async function fetchHotspots(q: HotspotQuery): Promise<HotspotsResponse> {
  const params = new URLSearchParams({
    resolution: String(q.resolution),
    from: q.from,
    to: q.to,
    types: q.types.join(','),
    method: q.method,
    alpha: String(q.alpha),
    fdr: String(q.fdr),
  });
  const res = await ok(fetch(`/api/hotspots?${params.toString()}`));
  const body: unknown = await res.json();
  if (!isHotspotsResponse(body)) throw new ApiError(res.status, 'unexpected_response', 'The hotspot answer did not have the expected shape.');
  return body;
}

export type MeResponse = InferResponseType<typeof client.api.auth.me.$get, 200>;

/** Who the browser is: a session user, the anonymous public viewer, or null when the server wants a login first. */
export async function fetchMe(): Promise<MeResponse | null> {
  try {
    return await (await ok(client.api.auth.me.$get())).json();
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export async function login(username: string, password: string): Promise<void> {
  await ok(client.api.auth.login.$post({ json: { username, password } }));
}

export async function logout(): Promise<void> {
  await ok(client.api.auth.logout.$post());
}
