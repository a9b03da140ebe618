// Pure helpers turning the server's briefing into what the page shows: changes, trend series, the map's fixed extent,
// the hot spot method line and the provenance notices. No statistics here: only arithmetic on numbers already shown.
import type { MultiPolygon, Polygon } from 'geojson';
import type { Approach } from '../event-types';
import { boundsOf, centroidOf, type Bounds, type LngLat } from '../geo/shape';
import type { BriefingI18n } from './briefing-strings';

export type Shown = number | null;

/** Percent change from `previous` to `current`, or null when either is withheld or there is nothing to compare with. */
export function changePct(current: Shown, previous: Shown): number | null {
  if (current === null || previous === null || previous <= 0) return null;
  return ((current - previous) / previous) * 100;
}

export interface TrendPoint {
  month: string;
  value: Shown;
}

export interface TrendRow {
  month: string;
  byApproach: Record<Approach, Shown>;
  total: Shown;
}

export function trendOf(trend: readonly TrendRow[], approach: Approach | 'total'): TrendPoint[] {
  return trend.map((r) => ({ month: r.month, value: approach === 'total' ? r.total : r.byApproach[approach] }));
}

/** The top of a mini chart's scale: the largest shown value, at least k so a withheld month's stub stays below it. */
export function trendMax(points: readonly TrendPoint[], k: number): number {
  return Math.max(k, ...points.map((p) => p.value ?? 0));
}

const KM_PER_DEG_LAT = 111.32;

/** A box `halfKm` around a point, in degrees (equirectangular, fine at city scale). */
function boxAround([lng, lat]: LngLat, halfKm: number): Bounds {
  const dLat = halfKm / KM_PER_DEG_LAT;
  const dLng = halfKm / (KM_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180));
  return [
    [lng - dLng, lat - dLat],
    [lng + dLng, lat + dLat],
  ];
}

function union(a: Bounds, b: Bounds): Bounds {
  return [
    [Math.min(a[0][0], b[0][0]), Math.min(a[0][1], b[0][1])],
    [Math.max(a[1][0], b[1][0]), Math.max(a[1][1], b[1][1])],
  ];
}

function kmBetween([lng1, lat1]: LngLat, [lng2, lat2]: LngLat): number {
  const x = (lng2 - lng1) * Math.cos((((lat1 + lat2) / 2) * Math.PI) / 180);
  return Math.hypot(x, lat2 - lat1) * KM_PER_DEG_LAT;
}

/** Half the width of the fixed window drawn around a focus area: wide enough for the puskesmas within reach. */
export const FOCUS_HALF_KM = 1.6;
/** Serving puskesmas farther than this from a focus area do not widen its map (the table still lists them). */
export const SERVED_REACH_KM = 4;

export interface ExtentInput {
  kind: 'focus' | 'kota' | 'jakarta';
  geometry: Polygon | MultiPolygon | null;
  /** Kota polygons with their codes, for all Jakarta (the mainland five; Kepulauan Seribu would shrink them to dots). */
  kota: ReadonlyArray<{ code: string; geometry: Polygon | MultiPolygon }>;
  served: readonly LngLat[];
}

/**
 * The map's fixed extent: a focus area in a window of about 3 km around it (plus any serving puskesmas within reach),
 * a kota by its bounds, all Jakarta by the mainland kota.
 */
export function mapExtent(e: ExtentInput): Bounds | null {
  if (e.kind === 'focus' && e.geometry) {
    const centre = centroidOf(e.geometry);
    let b = union(boxAround(centre, FOCUS_HALF_KM), boundsOf(e.geometry));
    for (const p of e.served) if (kmBetween(centre, p) <= SERVED_REACH_KM) b = union(b, boxAround(p, 0.25));
    return b;
  }
  if (e.kind === 'kota' && e.geometry) return boundsOf(e.geometry);
  const mainland = e.kota.filter((k) => k.code !== '31.01');
  const shapes = mainland.length > 0 ? mainland : e.kota;
  if (shapes.length === 0) return null;
  return shapes.map((k) => boundsOf(k.geometry)).reduce(union);
}

export function inBounds([lng, lat]: LngLat, [[w, s], [e, n]]: Bounds): boolean {
  return lng >= w && lng <= e && lat >= s && lat <= n;
}

export interface HotspotHead {
  method: string;
  resolution: number;
  alpha: number;
  fdr: boolean;
  weights: { k: number };
}

/** One line naming the hot spot statistic, grid, neighbourhood and significance, built from the hot spot response. */
export function methodLine(h: HotspotHead, i: BriefingI18n): string {
  return i.t('footer.method', {
    method: h.method === 'lisa' ? 'Local Moran’s I' : 'Getis-Ord Gi*',
    res: h.resolution,
    k: h.weights.k,
    alpha: i.num(h.alpha, 3),
    fdr: h.fdr ? i.t('footer.fdr') : i.t('footer.noFdr'),
  });
}

export interface DataFlags {
  boundariesApproximate: boolean;
  populationApproximate: boolean;
  facilitiesSynthetic: boolean;
  focusAreasApproximate: boolean;
  eventsSynthetic: boolean;
}

/** The caveats the footer must state, in order of weight; empty when every layer is imported data. */
export function notices(flags: DataFlags, i: BriefingI18n): string[] {
  const out: string[] = [];
  if (flags.eventsSynthetic || flags.facilitiesSynthetic) out.push(i.t('notice.synthetic'));
  if (flags.boundariesApproximate || flags.focusAreasApproximate) out.push(i.t('notice.approximate'));
  if (flags.populationApproximate) out.push(i.t('notice.population'));
  return out;
}

/** Every count the page shows, for the privacy check: a withheld count or one that is 0 or at least k. */
export function isSafeCount(n: Shown, k: number): boolean {
  return n === null || n === 0 || n >= k;
}
