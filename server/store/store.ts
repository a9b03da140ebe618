// The Store interface: everything routes and services may ask of storage, so SQLite and PostgreSQL are interchangeable.
import type { Area, AreaLevel, CaseEvent, EventFilter, EventType, Facility, FocusArea, Population } from '../domain/types.js';

export interface AreaRecord extends Area {
  population: number | null;
  populationYear: number | null;
  populationSource: string | null;
  populationApproximate: boolean | null;
}

/** One change in an all-or-nothing write; a batch of these is applied in a single transaction. */
export type StoreWrite =
  | { kind: 'areas'; areas: Area[] }
  | { kind: 'population'; rows: Population[] }
  | { kind: 'facilities'; facilities: Facility[]; replaceSynthetic: boolean }
  | { kind: 'focusAreas'; focusAreas: FocusArea[] }
  | { kind: 'events'; events: CaseEvent[] }
  | { kind: 'eventAreas'; updates: EventAreaUpdate[] }
  | { kind: 'meta'; key: string; value: string };

export interface EventAreaUpdate {
  id: string;
  areaCode: string | null;
  focusAreaId: string | null;
}

export interface EventLocation {
  id: string;
  location: [number, number];
}

export type BBox = [number, number, number, number];

export interface EventQuery extends EventFilter {
  bbox?: BBox;
  limit: number;
}

export interface GroupCount {
  key: string | null;
  type: EventType;
  count: number;
}

export interface MonthCount {
  month: string;
  type: EventType;
  count: number;
}

export interface StoreCounts {
  areas: number;
  focusAreas: number;
  facilities: number;
  events: number;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Applies every write or none of them. */
  write(batch: readonly StoreWrite[]): Promise<void>;
  counts(): Promise<StoreCounts>;
  listAreas(level: AreaLevel): Promise<AreaRecord[]>;
  listFocusAreas(): Promise<FocusArea[]>;
  listFacilities(): Promise<Facility[]>;
  /** Sums of event counts per kelurahan code (`by: 'area'`) or focus area id, per type, within the filter. */
  countEvents(filter: EventFilter, by: 'area' | 'focus'): Promise<GroupCount[]>;
  /** Sums per calendar month (`YYYY-MM`) and type, optionally limited to kelurahan codes or one focus area. */
  countEventsByMonth(filter: EventFilter, where: { areaCodes?: readonly string[]; focusAreaId?: string }): Promise<MonthCount[]>;
  eventDateRange(): Promise<{ min: string; max: string } | null>;
  listEvents(query: EventQuery): Promise<CaseEvent[]>;
  listEventLocations(): Promise<EventLocation[]>;
  getMeta(key: string): Promise<string | null>;
}
