// Hand-worked coverage cases on the equator, where the haversine distance is exactly R·Δλ: one degree of longitude is 6371.0088 × π/180 = 111.19508 km, so 0.01° = 1.11195 km.
import { describe, expect, it } from 'vitest';
import { coverageAnalysis } from '../../../server/analysis/coverage-analysis';
import type { CoverageRequest } from '../../../server/analysis/coverage-types';
import { createRandom } from '../../../server/analysis/random';

const KM_PER_DEG = (6371.0088 * Math.PI) / 180;

/** Points on the equator at the given longitudes (degrees). */
function request(over: Partial<CoverageRequest> = {}): CoverageRequest {
  const at = (lng: number) => ({ type: 'Point' as const, coordinates: [lng, 0] });
  return {
    demand: {
      features: [
        { geometry: at(0), properties: { id: 'A', demand: 10 } },
        { geometry: at(0.02), properties: { id: 'B', demand: 5 } },
      ],
    },
    facilities: {
      features: [
        { geometry: at(0.01), properties: { id: 'F1', capacity: 8 } },
        { geometry: at(0.05), properties: { id: 'F2', capacity: 10 } },
      ],
    },
    // A–F1 0.01° = 1.112 km, A–F2 0.05° = 5.560 km (too far), B–F1 0.01° = 1.112 km, B–F2 0.03° = 3.336 km.
    maxDistanceKm: 5,
    objective: 'min-distance',
    ...over,
  };
}

const byPair = (r: { assignments: { demandId: string; facilityId: string; amount: number }[] }) =>
  Object.fromEntries(r.assignments.map((a) => [`${a.demandId}-${a.facilityId}`, a.amount]));

describe('coverageAnalysis, min-distance, hand-worked', () => {
  it('serves the most first (13 of 15), even though B would be closer to F1: distance 0.23° = 25.575 km', async () => {
    // A reaches only F1 (cap 8), so serving 13 forces F1 → A (8) and B → F2 (5).
    // Sending everyone to the nearest facility would put B on F1 as well and serve only 8. Σ = 8×0.01° + 5×0.03° = 0.23°.
    const r = await coverageAnalysis(request());
    expect(r.optimal).toBe(true);
    expect(r.totalDemand).toBe(15);
    expect(r.servedDemand).toBe(13);
    expect(r.weightedDistanceKm).toBeCloseTo(0.23 * KM_PER_DEG, 9);
    expect(byPair(r)).toEqual({ 'A-F1': 8, 'B-F2': 5 });
    expect(r.unmet).toEqual([{ demandId: 'A', amount: 2 }]);
    expect(r.facilities).toEqual([
      { id: 'F1', open: true, load: 8, capacity: 8 },
      { id: 'F2', open: true, load: 5, capacity: 10 },
    ]);
    expect(r.assignments.find((a) => a.facilityId === 'F2')?.distanceKm).toBeCloseTo(0.03 * KM_PER_DEG, 12);
    expect(r.params).toEqual({ maxDistanceKm: 5, detourFactor: 1, objective: 'min-distance', open: null, locks: [], exclude: [], timeLimitS: 30 });
  });

  it('honours a lock beyond the distance cap: A → F2 (5.56 km) takes 10, B → F1 takes 5; 0.55° = 61.157 km', async () => {
    const r = await coverageAnalysis(request({ locks: [{ demandId: 'A', facilityId: 'F2' }] }));
    expect(byPair(r)).toEqual({ 'A-F2': 10, 'B-F1': 5 });
    expect(r.servedDemand).toBe(15);
    expect(r.weightedDistanceKm).toBeCloseTo(0.55 * KM_PER_DEG, 9);
  });

  it('leaves A unserved when F1 is excluded: only B → F2 (5 × 0.03°)', async () => {
    const r = await coverageAnalysis(request({ exclude: ['F1'] }));
    expect(byPair(r)).toEqual({ 'B-F2': 5 });
    expect(r.unmet).toEqual([{ demandId: 'A', amount: 10 }]);
    expect(r.facilities[0]).toEqual({ id: 'F1', open: false, load: 0, capacity: 8 });
    expect(r.weightedDistanceKm).toBeCloseTo(0.15 * KM_PER_DEG, 9);
  });

  it('applies the detour factor to the cap: ×1.5 puts B–F2 at 5.004 km, so F1 alone serves 8 at 1.668 km', async () => {
    const r = await coverageAnalysis(request({ detourFactor: 1.5 }));
    expect(r.servedDemand).toBe(8);
    expect(r.weightedDistanceKm).toBeCloseTo(8 * 0.015 * KM_PER_DEG, 9);
    expect(r.unmet.reduce((s, u) => s + u.amount, 0)).toBe(7);
    expect(r.assignments.every((a) => a.facilityId === 'F1')).toBe(true);
  });

  it('uses a pair 0.1% inside the cap and not one 0.1% beyond it', async () => {
    const km = 0.03 * KM_PER_DEG; // B–F2
    const only = (maxDistanceKm: number) => request({ maxDistanceKm, exclude: ['F1'] });
    expect((await coverageAnalysis(only(km * 1.001))).servedDemand).toBe(5);
    expect((await coverageAnalysis(only(km * 0.999))).servedDemand).toBe(0);
  });

  it('accepts numeric ids and answers with strings', async () => {
    const base = request();
    const r = await coverageAnalysis({
      ...base,
      demand: { features: base.demand.features.map((f, i) => ({ ...f, properties: { ...f.properties, id: i + 1 } })) },
    });
    expect(r.unmet).toEqual([{ demandId: '1', amount: 2 }]);
  });
});

describe('coverageAnalysis, max-coverage, hand-worked', () => {
  it('open 1: F1 serves 8 at 0.01° (8.896 km) and beats F2, which reaches only B (5)', async () => {
    const r = await coverageAnalysis(request({ objective: 'max-coverage', open: 1 }));
    expect(r.optimal).toBe(true);
    expect(r.servedDemand).toBe(8);
    expect(r.weightedDistanceKm).toBeCloseTo(0.08 * KM_PER_DEG, 9);
    expect(r.facilities.map((f) => f.open)).toEqual([true, false]);
  });

  it('open 1 with F2 designated: F2 must be the one, serving B only (5 × 0.03°)', async () => {
    const base = request({ objective: 'max-coverage', open: 1 });
    const features = base.facilities.features.map((f) => (f.properties.id === 'F2' ? { ...f, properties: { ...f.properties, designated: true } } : f));
    const r = await coverageAnalysis({ ...base, facilities: { features } });
    expect(r.servedDemand).toBe(5);
    expect(r.weightedDistanceKm).toBeCloseTo(0.15 * KM_PER_DEG, 9);
    expect(r.facilities.map((f) => f.open)).toEqual([false, true]);
  });

  it('open 2 equals min-distance (13 served, 0.23°)', async () => {
    const r = await coverageAnalysis(request({ objective: 'max-coverage', open: 2 }));
    expect(r.servedDemand).toBe(13);
    expect(r.weightedDistanceKm).toBeCloseTo(0.23 * KM_PER_DEG, 9);
    expect(r.params.open).toBe(2);
  });

  it('breaks a tie in served demand by distance: both G1 (0.02°) and G2 (0.01°) can serve all 4, G2 is chosen', async () => {
    const at = (lng: number) => ({ type: 'Point' as const, coordinates: [lng, 0] });
    const r = await coverageAnalysis({
      demand: { features: [{ geometry: at(0), properties: { id: 'C', demand: 4 } }] },
      facilities: {
        features: [
          { geometry: at(0.02), properties: { id: 'G1', capacity: 10 } },
          { geometry: at(0.01), properties: { id: 'G2', capacity: 10 } },
          { geometry: at(0.03), properties: { id: 'G3', capacity: 2 } },
        ],
      },
      maxDistanceKm: 5,
      objective: 'max-coverage',
      open: 1,
    });
    expect(r.servedDemand).toBe(4);
    expect(r.weightedDistanceKm).toBeCloseTo(0.04 * KM_PER_DEG, 9);
    expect(r.facilities.filter((f) => f.open).map((f) => f.id)).toEqual(['G2']);
  });

  it('stops at the time limit with optimal false and a proven gap on a hard instance', async () => {
    // 267 points and 334 facilities uniformly over Jakarta, capacity of 40 facilities ≈ total demand.
    const random = createRandom(11);
    const pt = () => [106.7 + 0.25 * random(), -6.35 + 0.25 * random()];
    const demand = Array.from({ length: 267 }, (_, i) => ({ geometry: { type: 'Point' as const, coordinates: pt() }, properties: { id: i, demand: 5 + Math.floor(random() * 41) } }));
    const facilities = Array.from({ length: 334 }, (_, j) => ({ geometry: { type: 'Point' as const, coordinates: pt() }, properties: { id: j, capacity: 100 + Math.floor(random() * 151) } }));
    const r = await coverageAnalysis({ demand: { features: demand }, facilities: { features: facilities }, maxDistanceKm: 5, objective: 'max-coverage', open: 40, timeLimitS: 1 });
    expect(r.optimal).toBe(false);
    // One second may end before HiGHS's root LP: the gap is then 1 (only the trivial bound), never Infinity or null.
    expect(r.gap).toBeGreaterThan(0);
    expect(r.gap).toBeLessThanOrEqual(1);
    expect(JSON.parse(JSON.stringify(r)).gap).toBe(r.gap);
    expect(['servedDemand', 'weightedDistanceKm']).toContain(r.gapOf);
    expect(r.facilities.filter((f) => f.open).length).toBeLessThanOrEqual(40);
  });
});
