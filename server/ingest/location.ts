// Reads a point location from a row: its GeoJSON Point geometry, or latitude/longitude columns, with range and swap checks.
import type { LngLat } from '../domain/types.js';
import { about, msg } from './messages.js';
import type { TableRow } from './read-table.js';
import { checkLngLat, isBlank, parseNumber, type Parsed } from './values.js';

export type LocationResult = Parsed<LngLat> | { ok: true; value: null };

export function readLocation(r: TableRow, latCol: string | undefined, lngCol: string | undefined): LocationResult {
  if (r.geometryError !== undefined) return { ok: false, message: r.geometryError };
  if (r.geometry !== null) {
    if (r.geometry.type !== 'Point') return { ok: false, message: msg(`geometry is a ${r.geometry.type}; expected a Point`, `geometri berupa ${r.geometry.type}; seharusnya Point`) };
    const [lng, lat] = r.geometry.coordinates;
    if (typeof lng !== 'number' || typeof lat !== 'number') return { ok: false, message: msg('Point has no numeric coordinates', 'Point tidak punya koordinat berupa angka') };
    return checkLngLat(lng, lat);
  }
  if (latCol === undefined || lngCol === undefined) return { ok: true, value: null };
  const [rawLat, rawLng] = [r.props[latCol], r.props[lngCol]];
  if (isBlank(rawLat) && isBlank(rawLng)) return { ok: true, value: null };
  const lat = parseNumber(rawLat);
  const lng = parseNumber(rawLng);
  if (!lat.ok) return { ok: false, message: about(msg('latitude', 'lintang'), lat.message) };
  if (!lng.ok) return { ok: false, message: about(msg('longitude', 'bujur'), lng.message) };
  return checkLngLat(lng.value, lat.value);
}
