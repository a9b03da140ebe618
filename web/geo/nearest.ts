// Nearest puskesmas to a point, and each area's nearest puskesmas, by great-circle distance.
import { haversineKm } from './haversine';

export interface Located {
  id: string;
  location: [number, number];
}

export interface Nearby<T> {
  item: T;
  km: number;
}

/** The n items closest to `point`, nearest first (ties keep input order). */
export function nearestTo<T extends Located>(point: readonly [number, number], items: readonly T[], n: number): Nearby<T>[] {
  return items
    .map((item) => ({ item, km: haversineKm(point, item.location) }))
    .sort((a, b) => a.km - b.km)
    .slice(0, n);
}

/** For each point (keyed by id), the id of the nearest item; an approximate catchment until coverage plans exist. */
export function nearestIdByPoint(points: readonly Located[], items: readonly Located[]): Map<string, string> {
  const out = new Map<string, string>();
  if (items.length === 0) return out;
  for (const p of points) {
    const [best] = nearestTo(p.location, items, 1);
    out.set(p.id, best.item.id);
  }
  return out;
}
