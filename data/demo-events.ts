// Generates synthetic case events: seeded clusters in and around the three focus areas, a few other growing or fading
// hotspots, and a background proportional to population; all five event types, January 2023 to October 2026.
import type { Area, EventType, FocusArea, LngLat, Population } from '../server/domain/types.js';
import { polygonContains } from '../server/analysis/area-index.js';
import { createRng, type Rng } from './prng.js';

export const DEMO_EVENT_SOURCE = 'Rawan synthetic case events (seeded generator; no real person or case)';
export const DEMO_START = '2023-01-01';
export const DEMO_END = '2026-10-31';

export interface RawEvent {
  id: string;
  type: EventType;
  date: string;
  location: LngLat;
  count: number;
  source: string;
  synthetic: boolean;
}

type Mix = Record<EventType, number>;
const BACKGROUND_MIX: Mix = { prevention: 0.34, early_detection: 0.2, user_case: 0.2, rehab_intake: 0.14, dealer_arrest: 0.12 };
const HOTSPOT_MIX: Mix = { prevention: 0.1, early_detection: 0.24, user_case: 0.3, rehab_intake: 0.14, dealer_arrest: 0.22 };

interface Cluster {
  center: LngLat;
  sigmaKm: number;
  perMonth: number;
  /** Multiplier on the rate for month index m (0 = January 2023). */
  trend: (m: number) => number;
}

function months(): string[] {
  const out: string[] = [];
  for (let y = 2023, m = 1; `${y}-${String(m).padStart(2, '0')}` <= DEMO_END.slice(0, 7); m === 12 ? (y++, (m = 1)) : m++) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return out;
}

function poisson(rng: Rng, lambda: number): number {
  if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * rng.normal()));
  const l = Math.exp(-lambda);
  let k = 0;
  for (let p = rng.next(); p > l; p *= rng.next()) k++;
  return k;
}

function pickType(rng: Rng, mix: Mix, month: string): EventType {
  // Rehab intake grows after the governor offered puskesmas for outpatient rehab (11 April 2025).
  const boosted: Mix = month >= '2025-05' ? { ...mix, rehab_intake: mix.rehab_intake * 1.8 } : mix;
  const total = Object.values(boosted).reduce((a, b) => a + b, 0);
  let u = rng.next() * total;
  for (const [type, w] of Object.entries(boosted) as Array<[EventType, number]>) {
    u -= w;
    if (u <= 0) return type;
  }
  return 'prevention';
}

function dayIn(rng: Rng, month: string): string {
  const [y, m] = month.split('-').map(Number);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(1 + rng.int(days)).padStart(2, '0')}`;
}

function polygonsOf(a: { geometry: Area['geometry'] }): LngLat[][][] {
  return a.geometry.type === 'Polygon' ? [a.geometry.coordinates as LngLat[][]] : (a.geometry.coordinates as LngLat[][][]);
}

function centroidOf(a: { geometry: Area['geometry'] }): LngLat {
  const ring = polygonsOf(a)[0][0];
  const n = ring.length - 1;
  return [ring.slice(0, n).reduce((s, p) => s + p[0], 0) / n, ring.slice(0, n).reduce((s, p) => s + p[1], 0) / n];
}

export interface DemoEventInput {
  kelurahan: readonly Area[];
  population: readonly Population[];
  focusAreas: readonly FocusArea[];
  seed: number;
}

export function generateDemoEvents({ kelurahan, population, focusAreas, seed }: DemoEventInput): RawEvent[] {
  const rng = createRng(seed ^ 0x5eed0003);
  const mainland = kelurahan.filter((k) => !k.code.startsWith('31.01.'));
  const land = mainland.map(polygonsOf);
  const onLand = (p: LngLat) => land.some((polys) => polygonContains(polys, p));
  const popByCode = new Map(population.map((p) => [p.code, p.population]));
  const ms = months();
  const events: RawEvent[] = [];
  const emit = (type: EventType, month: string, location: LngLat) => {
    const count = type === 'user_case' && rng.next() < 0.05 ? 2 : 1;
    events.push({ id: '', type, date: dayIn(rng, month), location, count, source: DEMO_EVENT_SOURCE, synthetic: true });
  };
  const round = (p: LngLat): LngLat => [Math.round(p[0] * 1e6) / 1e6, Math.round(p[1] * 1e6) / 1e6];

  const byId = new Map(focusAreas.map((f) => [f.id, f]));
  const focusCluster = (id: string, sigmaKm: number, perMonth: number, trend: Cluster['trend']): Cluster[] => {
    const f = byId.get(id);
    return f ? [{ center: centroidOf(f), sigmaKm, perMonth, trend }] : [];
  };
  const clusters: Cluster[] = [
    ...focusCluster('kampung-bahari', 0.35, 60, () => 1),
    ...focusCluster('kampung-boncos', 0.2, 34, (m) => 0.55 + m / 40),
    ...focusCluster('kampung-ambon', 0.3, 48, (m) => (m < 28 ? 1.15 : 0.55)),
  ];
  for (let i = 0; i < 6; i++) {
    const host = rng.pick(mainland);
    const start = i < 2 ? 36 : 0;
    const fade = i === 5;
    clusters.push({
      center: centroidOf(host),
      sigmaKm: 0.3 + rng.next() * 0.3,
      perMonth: 6 + rng.int(10),
      trend: (m) => (m < start ? 0.05 : fade && m > 24 ? 0.3 : 1),
    });
  }

  ms.forEach((month, m) => {
    const seasonal = 1 + 0.15 * Math.sin(((m % 12) / 12) * 2 * Math.PI);
    for (const c of clusters) {
      const n = poisson(rng, c.perMonth * c.trend(m) * seasonal);
      for (let i = 0; i < n; i++) {
        let p: LngLat = c.center;
        for (let tries = 0; tries < 20; tries++) {
          const q: LngLat = [c.center[0] + (rng.normal() * c.sigmaKm) / 110.6, c.center[1] + (rng.normal() * c.sigmaKm) / 110.6];
          if (onLand(q)) {
            p = q;
            break;
          }
        }
        emit(pickType(rng, HOTSPOT_MIX, month), month, round(p));
      }
    }
    mainland.forEach((k, idx) => {
      const pop = popByCode.get(k.code) ?? 30_000;
      const n = poisson(rng, (pop / 40_000) * 1.6 * seasonal);
      const polys = land[idx];
      const xs = polys[0][0].map((p) => p[0]);
      const ys = polys[0][0].map((p) => p[1]);
      for (let i = 0; i < n; i++) {
        let p: LngLat = centroidOf(k);
        for (let tries = 0; tries < 50; tries++) {
          const q: LngLat = [
            Math.min(...xs) + rng.next() * (Math.max(...xs) - Math.min(...xs)),
            Math.min(...ys) + rng.next() * (Math.max(...ys) - Math.min(...ys)),
          ];
          if (polygonContains(polys, q)) {
            p = q;
            break;
          }
        }
        emit(pickType(rng, BACKGROUND_MIX, month), month, round(p));
      }
    });
  });
  events.sort((a, b) => (a.date === b.date ? 0 : a.date < b.date ? -1 : 1));
  return events.map((e, i) => ({ ...e, id: `demo-${String(i + 1).padStart(6, '0')}` }));
}
