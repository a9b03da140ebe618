// The data slice: every server answer the view needs, keyed by the query that produced it, with load and retry actions.
import type { StateCreator } from 'zustand';
import {
  ApiError,
  fetchAreas,
  fetchEmerging,
  fetchEvents,
  fetchFacilities,
  fetchHealth,
  fetchHotspots,
  fetchIndicators,
  fetchTrend,
  type AreaCollection,
  type EmergingQuery,
  type EmergingResponse,
  type EventCollection,
  type FacilityCollection,
  type HealthResponse,
  type HotspotQuery,
  type HotspotsResponse,
  type IndicatorsResponse,
  type PeriodQuery,
  type TrendResponse,
} from '../api';
import type { AdminLevel } from '../view-state';
import type { RawanState } from './rawan-state';
import type { Resource, ResourceError } from './resource';

/** The range of months that hold events, from the stored date range /api/health reports. */
export interface DataExtent {
  firstMonth: string;
  latest: string;
}

export type AreaKind = AdminLevel | 'focus';

export interface SlotData {
  areas: AreaCollection;
  facilities: FacilityCollection;
  indicators: IndicatorsResponse;
  trends: TrendResponse;
  hotspots: HotspotsResponse;
  emerging: EmergingResponse;
  events: EventCollection;
  health: HealthResponse;
}
export type Slot = keyof SlotData;
export type Resources = { [S in Slot]: Record<string, Resource<SlotData[S]>> };
const SLOTS: readonly Slot[] = ['areas', 'facilities', 'indicators', 'trends', 'hotspots', 'emerging', 'events', 'health'];

export interface DataSlice {
  resources: Resources;
  /** `force` refetches (after an analyst edited focus areas), still showing the old answer meanwhile. */
  loadAreas: (level: AreaKind, force?: boolean) => void;
  /** Loads the registry once; `force` refetches it after an analyst changed a puskesmas. */
  loadFacilities: (force?: boolean) => void;
  loadHealth: () => void;
  loadIndicators: (level: AreaKind, q: PeriodQuery) => void;
  loadTrend: (area: string, q: PeriodQuery) => void;
  loadHotspots: (q: HotspotQuery) => void;
  loadEmerging: (q: EmergingQuery) => void;
  loadEvents: (bbox: readonly [number, number, number, number], q: PeriodQuery, limit: number) => void;
  retryFailed: () => void;
}

export const periodKey = (q: PeriodQuery): string => `${q.from}|${q.to}|${q.types.join(',')}`;
export const indicatorsKey = (level: AreaKind, q: PeriodQuery): string => `${level}|${periodKey(q)}`;
export const trendKey = (area: string, q: PeriodQuery): string => `${area}|${periodKey(q)}`;
export const hotspotsKey = (q: HotspotQuery): string => `${q.method}|${q.resolution}|${q.alpha}|${q.fdr}|${periodKey(q)}`;
export const emergingKey = (q: EmergingQuery): string => `${q.slice}|${q.resolution}|${q.alpha}|${q.fdr}|${periodKey(q)}`;
export const eventsKey = (q: PeriodQuery): string => periodKey(q);
export const HEALTH_KEY = 'server';
export const FACILITIES_KEY = 'all';

function toResourceError(err: unknown): ResourceError {
  if (err instanceof ApiError) return { status: err.status, code: err.code, message: err.message };
  return { status: 0, code: 'client_error', message: err instanceof Error ? err.message : String(err) };
}

/** The months the period controls offer: from the first stored event to the last; with no events yet, this month. */
export function extentOf(health: Pick<HealthResponse, 'events'>, today: string): DataExtent {
  if (health.events === null) return { firstMonth: today.slice(0, 7), latest: today };
  return { firstMonth: health.events.from.slice(0, 7), latest: health.events.to };
}

function withResource<S extends Slot>(all: Resources, slot: S, key: string, r: Resource<SlotData[S]>): Resources {
  return { ...all, [slot]: { ...all[slot], [key]: r } };
}

export const createDataSlice: StateCreator<RawanState, [], [], DataSlice> = (set, get) => {
  // Retrying needs the original request; these closures are not state (they are not serialisable) and live beside it.
  const refetch = new Map<string, () => void>();

  function load<S extends Slot>(slot: S, key: string, fetcher: () => Promise<SlotData[S]>, force = false): void {
    const current = get().resources[slot][key];
    if (!force && current !== undefined && current.status !== 'error') return;
    refetch.set(`${slot}\u0000${key}`, () => load(slot, key, fetcher, true));
    // A forced refresh keeps showing the data it replaces; only a first load or a retry shows as loading.
    if (current?.status !== 'ready') set((s) => ({ resources: withResource(s.resources, slot, key, { status: 'loading' }) }));
    fetcher().then(
      (data) => set((s) => ({ resources: withResource(s.resources, slot, key, { status: 'ready', data }) })),
      (err: unknown) => {
        const error = toResourceError(err);
        // A 404 from an endpoint the server does not have yet (e.g. /api/hotspots before the hotspot issue lands).
        const status = error.status === 404 && error.code === 'not_found' ? 'unavailable' : 'error';
        set((s) => ({ resources: withResource(s.resources, slot, key, { status, error }) }));
      },
    );
  }

  return {
    resources: { areas: {}, facilities: {}, indicators: {}, trends: {}, hotspots: {}, emerging: {}, events: {}, health: {} },
    loadAreas: (level, force = false) => load('areas', level, () => fetchAreas(level), force),
    loadFacilities: (force = false) => load('facilities', FACILITIES_KEY, fetchFacilities, force),
    loadHealth: () => load('health', HEALTH_KEY, fetchHealth),
    loadIndicators: (level, q) => load('indicators', indicatorsKey(level, q), () => fetchIndicators(level, q)),
    loadTrend: (area, q) => load('trends', trendKey(area, q), () => fetchTrend(area, q)),
    loadHotspots: (q) => load('hotspots', hotspotsKey(q), () => fetchHotspots(q)),
    loadEmerging: (q) => load('emerging', emergingKey(q), () => fetchEmerging(q)),
    loadEvents: (bbox, q, limit) => load('events', eventsKey(q), () => fetchEvents(bbox, q, limit)),
    retryFailed: () => {
      const { resources } = get();
      for (const slot of SLOTS) {
        for (const [key, r] of Object.entries(resources[slot])) {
          if (r.status === 'error') refetch.get(`${slot}\u0000${key}`)?.();
        }
      }
    },
  };
};
