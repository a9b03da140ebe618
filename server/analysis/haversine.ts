// Great-circle distance by the haversine formula (Sinnott, "Virtues of the haversine", Sky and Telescope 68, 1984) on a sphere of radius 6371.0088 km (IUGG mean Earth radius).
import type { LngLat } from './geometry.js';

export const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

/**
 * Distance in km between two points given in radians with their latitude cosines; the shared
 * kernel of `haversineKm` and the neighbour searches, so both agree to the last bit.
 */
export function haversineRadKm(lat1: number, lng1: number, cosLat1: number, lat2: number, lng2: number, cosLat2: number): number {
  const sLat = Math.sin((lat2 - lat1) / 2);
  const sLng = Math.sin((lng2 - lng1) / 2);
  const h = sLat * sLat + cosLat1 * cosLat2 * sLng * sLng;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Great-circle distance in kilometres between two [lng, lat] points. */
export function haversineKm(a: LngLat, b: LngLat): number {
  const lat1 = a[1] * RAD;
  const lat2 = b[1] * RAD;
  return haversineRadKm(lat1, a[0] * RAD, Math.cos(lat1), lat2, b[0] * RAD, Math.cos(lat2));
}
