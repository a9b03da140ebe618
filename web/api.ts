// The only place the client talks to the server, typed by `hc<AppType>`; answers the server parses from stored JSON are checked here.
import { hc, type InferResponseType } from 'hono/client';
import type { AppType } from '../server/app';
import type { EventType } from './event-types';
import type { AdminLevel } from './view-state';

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

export type HotspotsResponse = InferResponseType<typeof client.api.hotspots.$get, 200>;
/** One H3 cell of GET /api/hotspots: a Gi* record or a LISA record (cells with 0 events and class none are omitted). */
export type HotspotCell = HotspotsResponse['cells'][number];
export type GiCell = Extract<HotspotCell, { z: number }>;
export type LisaCell = Extract<HotspotCell, { I: number }>;
export type EmergingResponse = InferResponseType<typeof client.api.hotspots.emerging.$get, 200>;
export type EmergingCell = EmergingResponse['cells'][number];
export type EmergingCategory = EmergingCell['category'];

export type CoverageRunParams = Parameters<typeof client.api.coverage.run.$post>[0]['json'];
export type CoverageRun = InferResponseType<typeof client.api.coverage.run.$post, 200>;
export type SavedPlanResponse = InferResponseType<typeof client.api.coverage.plans.$post, 201>;
export type PlanSummary = SavedPlanResponse['plan']['summary'];
/** A saved plan as listed; the server sends its stored summary as parsed JSON, checked here before use. */
export type PlanListItem = Omit<SavedPlanResponse['plan'], 'summary'> & { summary: PlanSummary };
export interface PlanDetail {
  plan: PlanListItem;
  run: CoverageRun;
}
export type UpdatedFacility = InferResponseType<(typeof client.api.facilities)[':id']['$patch'], 200>;

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
  method: 'gistar' | 'lisa';
  alpha: number;
  fdr: boolean;
}

export async function fetchHotspots(q: HotspotQuery): Promise<HotspotsResponse> {
  const query = {
    resolution: String(q.resolution),
    from: q.from,
    to: q.to,
    types: q.types.join(','),
    method: q.method,
    alpha: String(q.alpha),
    fdr: q.fdr ? 'true' : 'false',
  } as const;
  return (await ok(client.api.hotspots.$get({ query }))).json();
}

export interface EmergingQuery extends PeriodQuery {
  resolution: number;
  alpha: number;
  fdr: boolean;
  slice: 'month' | 'quarter';
}

export async function fetchEmerging(q: EmergingQuery): Promise<EmergingResponse> {
  const query = {
    resolution: String(q.resolution),
    from: q.from,
    to: q.to,
    types: q.types.join(','),
    alpha: String(q.alpha),
    fdr: q.fdr ? 'true' : 'false',
    slice: q.slice,
  } as const;
  return (await ok(client.api.hotspots.emerging.$get({ query }))).json();
}

/** Solves a coverage plan on stored data (analyst); `signal` lets the planner cancel a long max-coverage run. */
export async function runCoverage(params: CoverageRunParams, signal?: AbortSignal): Promise<CoverageRun> {
  return (await ok(client.api.coverage.run.$post({ json: params }, { init: { signal } }))).json();
}

export async function savePlan(name: string, params: CoverageRunParams): Promise<SavedPlanResponse> {
  return (await ok(client.api.coverage.plans.$post({ json: { name, params } }))).json();
}

function isNumberOrNull(v: unknown): v is number | null {
  return v === null || typeof v === 'number';
}

/** The stored summary of a plan (parsed JSON on the server, so its shape is checked here). */
export function isPlanSummary(v: unknown): v is PlanSummary {
  return (
    isRecord(v) &&
    typeof v.area === 'string' &&
    (v.objective === 'min-distance' || v.objective === 'max-coverage') &&
    (v.basis === 'observed' || v.basis === 'estimated') &&
    typeof v.totalDemand === 'number' &&
    typeof v.servedDemand === 'number' &&
    typeof v.unmetDemand === 'number' &&
    isNumberOrNull(v.meanDistanceKm) &&
    typeof v.facilitiesUsed === 'number' &&
    typeof v.proposedDesignations === 'number' &&
    typeof v.optimal === 'boolean'
  );
}

/** The stored run of a plan: checks the parts the client draws and lists. */
export function isCoverageRun(v: unknown): v is CoverageRun {
  if (!isRecord(v) || !isRecord(v.params) || !isRecord(v.result) || !Array.isArray(v.demand) || !Array.isArray(v.facilities)) return false;
  const r = v.result;
  return (
    Array.isArray(v.proposedDesignations) &&
    Array.isArray(v.notes) &&
    Array.isArray(r.assignments) &&
    Array.isArray(r.unmet) &&
    Array.isArray(r.facilities) &&
    typeof r.totalDemand === 'number' &&
    typeof r.servedDemand === 'number' &&
    typeof r.weightedDistanceKm === 'number' &&
    v.demand.every((d) => isRecord(d) && typeof d.id === 'string' && Array.isArray(d.location) && typeof d.demand === 'number') &&
    v.facilities.every((f) => isRecord(f) && typeof f.id === 'string' && Array.isArray(f.location) && typeof f.capacity === 'number')
  );
}

export async function fetchPlans(): Promise<PlanListItem[]> {
  const body = await (await ok(client.api.coverage.plans.$get())).json();
  const plans: PlanListItem[] = [];
  for (const p of body.plans) {
    const summary: unknown = p.summary;
    if (isPlanSummary(summary)) plans.push({ ...p, summary });
  }
  return plans;
}

export async function fetchPlan(id: string): Promise<PlanDetail> {
  const res = await ok(client.api.coverage.plans[':id'].$get({ param: { id } }));
  const body = await res.json();
  const summary: unknown = body.plan.summary;
  const run: unknown = body.run;
  if (!isPlanSummary(summary) || !isCoverageRun(run)) throw new ApiError(res.status, 'unexpected_response', 'The saved plan did not have the expected shape.');
  return { plan: { ...body.plan, summary }, run };
}

/** Where a saved plan's file download lives (a link, so the browser saves it with the server's file name). */
export function planExportUrl(id: string, format: 'csv' | 'geojson'): string {
  return client.api.coverage.plans[':id'].export.$url({ param: { id }, query: { format } }).toString();
}

export type IndicatorExportFormat = 'csv' | 'geojson';

/** The query of an indicators export: the dashboard's level and period filters, exactly as GET /api/indicators takes them. */
export function indicatorExportQuery(level: AdminLevel | 'focus', q: PeriodQuery): { level: AdminLevel | 'focus'; from: string; to: string; types: string } {
  return { level, from: q.from, to: q.to, types: q.types.join(',') };
}

/**
 * Where the current aggregated table (CSV) or the areas with their figures (GeoJSON) download from, as a same-origin
 * path with the current filters; the server applies the viewer small-cell rule to both.
 */
export function indicatorExportUrl(format: IndicatorExportFormat, level: AdminLevel | 'focus', q: PeriodQuery): string {
  const query = indicatorExportQuery(level, q);
  const u =
    format === 'csv'
      ? client.api.exports['indicators.csv'].$url({ query })
      : client.api.exports['indicators.geojson'].$url({ query });
  return `${u.pathname}${u.search}`;
}

export async function updateFacility(id: string, patch: { capacityPerMonth?: number | null; rehab?: boolean }): Promise<UpdatedFacility> {
  return (await ok(client.api.facilities[':id'].$patch({ param: { id }, json: patch }))).json();
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

export type FocusAreaResponse = InferResponseType<(typeof client.api)['focus-areas'][':id']['$get'], 200>;
/** A stored focus area with the version an edit must send back. */
export type FocusAreaRecord = FocusAreaResponse['focusArea'];
export type FocusAreaHistory = InferResponseType<(typeof client.api)['focus-areas'][':id']['history']['$get'], 200>;
export type FocusAreaHistoryEntry = FocusAreaHistory['entries'][number];
export type FocusAreaCreate = Parameters<(typeof client.api)['focus-areas']['$post']>[0]['json'];
export type FocusAreaUpdate = Parameters<(typeof client.api)['focus-areas'][':id']['$put']>[0]['json'];
export type FocusAreaSaved = InferResponseType<(typeof client.api)['focus-areas'][':id']['$put'], 200>;

export async function fetchFocusArea(id: string): Promise<FocusAreaRecord> {
  return (await (await ok(client.api['focus-areas'][':id'].$get({ param: { id } }))).json()).focusArea;
}

export async function fetchFocusAreaHistory(id: string): Promise<FocusAreaHistory> {
  return (await ok(client.api['focus-areas'][':id'].history.$get({ param: { id } }))).json();
}

export async function createFocusArea(body: FocusAreaCreate): Promise<FocusAreaSaved> {
  return (await ok(client.api['focus-areas'].$post({ json: body }))).json();
}

export async function updateFocusArea(id: string, body: FocusAreaUpdate): Promise<FocusAreaSaved> {
  return (await ok(client.api['focus-areas'][':id'].$put({ param: { id }, json: body }))).json();
}

export async function deleteFocusArea(id: string, version: number): Promise<void> {
  await ok(client.api['focus-areas'][':id'].$delete({ param: { id }, query: { version: String(version) } }));
}
