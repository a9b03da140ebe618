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

export interface CellCount {
  h3: string;
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

export type Role = 'viewer' | 'analyst' | 'admin';

export interface UserRecord {
  id: string;
  username: string;
  passwordHash: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface SessionRecord {
  tokenHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  revoked: boolean;
  address: string | null;
}

export interface AuditEntry {
  seq: number;
  at: string;
  username: string | null;
  role: string | null;
  action: string;
  target: string | null;
  details: string | null;
  address: string | null;
}

export interface AuditQuery {
  action?: string;
  username?: string;
  from?: string;
  to?: string;
  limit: number;
  /** Entries with a sequence number below this (for paging backwards). */
  before?: number;
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
  /** Sums per H3 cell at `resolution` (7–10), each event in the cell latLngToCell gives it; events without a location are left out. */
  countEventsByCell(filter: EventFilter, resolution: number): Promise<CellCount[]>;
  eventDateRange(): Promise<{ min: string; max: string } | null>;
  /** A number that changes whenever stored data changes (for caches). */
  dataVersion(): Promise<number>;
  listEvents(query: EventQuery): Promise<CaseEvent[]>;
  listEventLocations(): Promise<EventLocation[]>;
  getMeta(key: string): Promise<string | null>;

  createUser(user: UserRecord): Promise<void>;
  updateUser(id: string, patch: Partial<Pick<UserRecord, 'passwordHash' | 'role' | 'disabled'>>): Promise<void>;
  findUser(by: { id: string } | { username: string }): Promise<UserRecord | null>;
  listUsers(): Promise<UserRecord[]>;
  createSession(session: SessionRecord): Promise<void>;
  findSession(tokenHash: string): Promise<SessionRecord | null>;
  revokeSessions(by: { tokenHash: string } | { userId: string }): Promise<void>;
  /** Appends to the audit log; entries are never changed or deleted. */
  appendAudit(entry: Omit<AuditEntry, 'seq'>): Promise<void>;
  listAudit(query: AuditQuery): Promise<AuditEntry[]>;
}
