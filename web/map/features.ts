// Turns API GeoJSON into plain records the map and panels use (admin areas, focus areas, puskesmas), memoised per response.
import type { MultiPolygon, Polygon } from 'geojson';
import type { AreaCollection, AreaFeature, FacilityCollection } from '../api';
import { boundsOf, centroidOf, type Bounds, type LngLat } from '../geo/shape';
import type { AdminLevel } from '../view-state';

interface Shaped {
  geometry: Polygon | MultiPolygon;
  centroid: LngLat;
  bounds: Bounds;
}

export interface AdminArea extends Shaped {
  code: string;
  name: string;
  level: AdminLevel;
  parentCode: string | null;
  population: number | null;
  populationSource: string | null;
  populationApproximate: boolean | null;
  source: string;
  approximate: boolean;
}

export interface FocusArea extends Shaped {
  id: string;
  name: string;
  aliases: string[];
  kelurahanCode: string;
  notes: string;
  source: string;
  approximate: boolean;
}

export interface Facility {
  id: string;
  name: string;
  level: 'kecamatan' | 'kelurahan';
  areaCode: string | null;
  location: LngLat;
  rehab: boolean;
  capacityPerMonth: number | null;
  builtYear: number | null;
  source: string;
  approximate: boolean;
  synthetic: boolean;
}

function shape(f: AreaFeature): Shaped {
  return { geometry: f.geometry, centroid: centroidOf(f.geometry), bounds: boundsOf(f.geometry) };
}

const adminCache = new WeakMap<AreaCollection, AdminArea[]>();
const focusCache = new WeakMap<AreaCollection, FocusArea[]>();
const facilityCache = new WeakMap<FacilityCollection, Facility[]>();

export function adminAreas(fc: AreaCollection): AdminArea[] {
  const cached = adminCache.get(fc);
  if (cached) return cached;
  const out: AdminArea[] = [];
  for (const f of fc.features) {
    const p = f.properties;
    if (p.level === 'focus') continue;
    out.push({
      ...shape(f),
      code: p.code,
      name: p.name,
      level: p.level,
      parentCode: p.parentCode,
      population: p.population,
      populationSource: p.populationSource,
      populationApproximate: p.populationApproximate,
      source: p.source,
      approximate: p.approximate,
    });
  }
  adminCache.set(fc, out);
  return out;
}

export function focusAreas(fc: AreaCollection): FocusArea[] {
  const cached = focusCache.get(fc);
  if (cached) return cached;
  const out: FocusArea[] = [];
  for (const f of fc.features) {
    const p = f.properties;
    if (p.level !== 'focus') continue;
    out.push({ ...shape(f), id: p.id, name: p.name, aliases: p.aliases, kelurahanCode: p.kelurahanCode, notes: p.notes, source: p.source, approximate: p.approximate });
  }
  focusCache.set(fc, out);
  return out;
}

export function facilities(fc: FacilityCollection): Facility[] {
  const cached = facilityCache.get(fc);
  if (cached) return cached;
  const out = fc.features.map((f): Facility => ({ ...f.properties, location: f.geometry.coordinates }));
  facilityCache.set(fc, out);
  return out;
}
