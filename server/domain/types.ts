// The records Rawan stores and serves: areas, focus areas, puskesmas and case events (DESIGN.md "Data model").
import type { MultiPolygon, Polygon } from 'geojson';

export const EVENT_TYPES = ['prevention', 'early_detection', 'user_case', 'rehab_intake', 'dealer_arrest'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** The four approaches BNN named, each grouping event types. */
export const APPROACHES = {
  preventive: ['prevention'],
  early_detection: ['early_detection'],
  curative: ['user_case', 'rehab_intake'],
  enforcement: ['dealer_arrest'],
} as const satisfies Record<string, readonly EventType[]>;
export type Approach = keyof typeof APPROACHES;

export const AREA_LEVELS = ['kota', 'kecamatan', 'kelurahan'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

export type LngLat = [number, number];
export type AreaGeometry = Polygon | MultiPolygon;

export interface Area {
  code: string;
  name: string;
  level: AreaLevel;
  parentCode: string | null;
  geometry: AreaGeometry;
  source: string;
  approximate: boolean;
}

export interface Population {
  code: string;
  population: number;
  year: number | null;
  source: string;
  approximate: boolean;
}

export interface FocusArea {
  id: string;
  name: string;
  aliases: string[];
  kelurahanCode: string;
  geometry: AreaGeometry;
  notes: string;
  source: string;
  approximate: boolean;
}

export type FacilityLevel = 'kecamatan' | 'kelurahan';

export interface Facility {
  id: string;
  name: string;
  level: FacilityLevel;
  areaCode: string | null;
  location: LngLat;
  rehab: boolean;
  capacityPerMonth: number | null;
  builtYear: number | null;
  source: string;
  approximate: boolean;
  synthetic: boolean;
}

export interface CaseEvent {
  id: string;
  type: EventType;
  date: string;
  location: LngLat | null;
  areaCode: string | null;
  focusAreaId: string | null;
  h3: string | null;
  count: number;
  source: string;
  synthetic: boolean;
}

export interface EventFilter {
  from: string;
  to: string;
  types: readonly EventType[];
}

/** The H3 resolution at which events are indexed on import; coarser cells are its parents. */
export const EVENT_H3_RESOLUTION = 10;
