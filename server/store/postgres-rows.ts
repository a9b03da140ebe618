// Turns rows read from PostgreSQL into the store's records, checking every category against its known values.
import {
  AREA_LEVELS,
  EVENT_TYPES,
  type AreaGeometry,
  type AreaLevel,
  type CaseEvent,
  type EventType,
  type Facility,
  type FacilityLevel,
  type FocusArea,
} from '../domain/types.js';
import { str, strOrNull, type Row } from './rows.js';
import type { AreaRecord, Role, SessionRecord, UserRecord } from './store.js';

/** A stored value is not one the schema allows (a row written by something other than this store). */
export class UnexpectedStoredValueError extends Error {
  constructor(column: string, value: unknown, allowed: readonly string[]) {
    super(`stored ${column} "${String(value)}" is not one of ${allowed.join(', ')}`);
    this.name = 'UnexpectedStoredValueError';
  }
}

const ROLES = ['viewer', 'analyst', 'admin'] as const;
const FACILITY_LEVELS = ['kecamatan', 'kelurahan'] as const;

function oneOf<T extends string>(allowed: readonly T[], column: string, v: unknown): T {
  const found = allowed.find((a) => a === v);
  if (found === undefined) throw new UnexpectedStoredValueError(column, v, allowed);
  return found;
}

export const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const bool = (v: unknown): boolean => v === true;
const boolOrNull = (v: unknown): boolean | null => (v === null || v === undefined ? null : v === true);

export const eventType = (v: unknown): EventType => oneOf(EVENT_TYPES, 'event type', v);

function geometry(v: unknown): AreaGeometry {
  const g: unknown = JSON.parse(str(v));
  if (typeof g !== 'object' || g === null || !('type' in g) || !('coordinates' in g) || !Array.isArray(g.coordinates)) {
    throw new UnexpectedStoredValueError('geometry', v, ['Polygon', 'MultiPolygon']);
  }
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates };
  if (g.type === 'MultiPolygon') return { type: 'MultiPolygon', coordinates: g.coordinates };
  throw new UnexpectedStoredValueError('geometry type', g.type, ['Polygon', 'MultiPolygon']);
}

function aliases(v: unknown): string[] {
  const a: unknown = JSON.parse(str(v));
  return Array.isArray(a) ? a.map(str) : [];
}

export function toArea(r: Row): AreaRecord {
  const level: AreaLevel = oneOf(AREA_LEVELS, 'area level', r.level);
  return {
    code: str(r.code),
    name: str(r.name),
    level,
    parentCode: strOrNull(r.parent_code),
    geometry: geometry(r.geometry),
    source: str(r.source),
    approximate: bool(r.approximate),
    population: numOrNull(r.population),
    populationYear: numOrNull(r.population_year),
    populationSource: strOrNull(r.population_source),
    populationApproximate: boolOrNull(r.population_approximate),
  };
}

export function toFocusArea(r: Row): FocusArea {
  return {
    id: str(r.id),
    name: str(r.name),
    aliases: aliases(r.aliases),
    kelurahanCode: str(r.kelurahan_code),
    geometry: geometry(r.geometry),
    notes: str(r.notes),
    source: str(r.source),
    approximate: bool(r.approximate),
  };
}

export function toFacility(r: Row): Facility {
  const level: FacilityLevel = oneOf(FACILITY_LEVELS, 'facility level', r.level);
  return {
    id: str(r.id),
    name: str(r.name),
    level,
    areaCode: strOrNull(r.area_code),
    location: [Number(r.lng), Number(r.lat)],
    rehab: bool(r.rehab),
    capacityPerMonth: numOrNull(r.capacity_per_month),
    builtYear: numOrNull(r.built_year),
    source: str(r.source),
    approximate: bool(r.approximate),
    synthetic: bool(r.synthetic),
  };
}

/** Expects `date` selected as `YYYY-MM-DD` text. */
export function toEvent(r: Row): CaseEvent {
  return {
    id: str(r.id),
    type: eventType(r.type),
    date: str(r.date),
    location: r.lng === null || r.lng === undefined ? null : [Number(r.lng), Number(r.lat)],
    areaCode: strOrNull(r.area_code),
    focusAreaId: strOrNull(r.focus_area_id),
    h3: strOrNull(r.h3),
    count: Number(r.count),
    source: str(r.source),
    synthetic: bool(r.synthetic),
  };
}

export function toUser(r: Row): UserRecord {
  const role: Role = oneOf(ROLES, 'role', r.role);
  return {
    id: str(r.id),
    username: str(r.username),
    passwordHash: str(r.password_hash),
    role,
    disabled: bool(r.disabled),
    createdAt: str(r.created_at),
    updatedAt: str(r.updated_at),
  };
}

export function toSession(r: Row): SessionRecord {
  return {
    tokenHash: str(r.token_hash),
    userId: str(r.user_id),
    createdAt: str(r.created_at),
    expiresAt: str(r.expires_at),
    revoked: bool(r.revoked),
    address: strOrNull(r.address),
  };
}
