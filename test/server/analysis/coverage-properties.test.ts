// Properties every coverage answer must have, on random instances from fast-check: capacities respected, unlocked pairs within the distance, served ≤ demand, unmet + served = total, locks and exclusions honoured, distances as turf computes them (radius 6371.0088 km).
import * as turf from '@turf/turf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverageAnalysis } from '../../../server/analysis/coverage-analysis';
import type { CoverageRequest, CoverageResult } from '../../../server/analysis/coverage-types';

const point = fc.tuple(fc.double({ min: 106.7, max: 106.95, noNaN: true }), fc.double({ min: -6.35, max: -6.1, noNaN: true }));
const amount = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 40 }), fc.double({ min: 0, max: 60, noNaN: true }));

const instance = fc
  .record({
    demand: fc.array(fc.record({ at: point, demand: amount }), { minLength: 1, maxLength: 25 }),
    facilities: fc.array(fc.record({ at: point, capacity: amount, designated: fc.boolean() }), { minLength: 1, maxLength: 7 }),
    maxDistanceKm: fc.double({ min: 0, max: 12, noNaN: true }),
    detourFactor: fc.double({ min: 1, max: 2, noNaN: true }),
    lockPicks: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
    excludePicks: fc.array(fc.nat(), { maxLength: 2 }),
    extraOpen: fc.nat({ max: 3 }),
  })
  .map((g): CoverageRequest => {
    const exclude = [...new Set(g.excludePicks.map((k) => `f${k % g.facilities.length}`))];
    const locks = [...new Map(g.lockPicks.map(([i, j]) => [i % g.demand.length, j % g.facilities.length])).entries()]
      .filter(([, j]) => !exclude.includes(`f${j}`))
      .map(([i, j]) => ({ demandId: `d${i}`, facilityId: `f${j}` }));
    const designated = g.facilities.filter((f, j) => f.designated && !exclude.includes(`f${j}`)).length;
    return {
      demand: { features: g.demand.map((d, i) => ({ geometry: { type: 'Point', coordinates: d.at }, properties: { id: `d${i}`, demand: d.demand } })) },
      facilities: {
        features: g.facilities.map((f, j) => ({ geometry: { type: 'Point', coordinates: f.at }, properties: { id: `f${j}`, capacity: f.capacity, designated: f.designated } })),
      },
      maxDistanceKm: g.maxDistanceKm,
      detourFactor: g.detourFactor,
      objective: 'min-distance',
      open: designated + g.extraOpen,
      locks,
      exclude,
      timeLimitS: 20,
    };
  });

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

function checkInvariants(req: CoverageRequest, r: CoverageResult): void {
  const demandOf = new Map(req.demand.features.map((f) => [String(f.properties.id), f]));
  const facilityOf = new Map(req.facilities.features.map((f) => [String(f.properties.id), f]));
  const lockOf = new Map((req.locks ?? []).map((l) => [String(l.demandId), String(l.facilityId)]));
  const excluded = new Set((req.exclude ?? []).map(String));
  const openIds = new Set(r.facilities.filter((f) => f.open).map((f) => f.id));
  const servedAt = new Map<string, number>();
  const loadAt = new Map<string, number>();
  for (const a of r.assignments) {
    expect(a.amount).toBeGreaterThan(0);
    expect(excluded.has(a.facilityId)).toBe(false);
    expect(openIds.has(a.facilityId)).toBe(true);
    const d = demandOf.get(a.demandId);
    const f = facilityOf.get(a.facilityId);
    if (!d || !f) throw new Error(`unknown id in ${JSON.stringify(a)}`);
    const km = turf.distance(d.geometry.coordinates as [number, number], f.geometry.coordinates as [number, number], { units: 'kilometers' }) * (req.detourFactor ?? 1);
    expect(Math.abs(a.distanceKm - km)).toBeLessThan(1e-9);
    const lock = lockOf.get(a.demandId);
    if (lock === undefined) expect(a.distanceKm).toBeLessThanOrEqual(req.maxDistanceKm);
    else expect(a.facilityId).toBe(lock);
    servedAt.set(a.demandId, (servedAt.get(a.demandId) ?? 0) + a.amount);
    loadAt.set(a.facilityId, (loadAt.get(a.facilityId) ?? 0) + a.amount);
  }
  const unmetAt = new Map(r.unmet.map((u) => [u.demandId, u.amount]));
  for (const f of req.demand.features) {
    const id = String(f.properties.id);
    const served = servedAt.get(id) ?? 0;
    expect(served).toBeLessThanOrEqual(f.properties.demand * (1 + 1e-12) + 1e-12);
    expect(close(served + (unmetAt.get(id) ?? 0), f.properties.demand)).toBe(true);
  }
  for (const f of r.facilities) {
    expect(close(f.load, loadAt.get(f.id) ?? 0)).toBe(true);
    expect(f.load).toBeLessThanOrEqual(f.capacity * (1 + 1e-12) + 1e-12);
    if (excluded.has(f.id)) expect(f.open).toBe(false);
  }
  const total = req.demand.features.reduce((s, f) => s + f.properties.demand, 0);
  expect(close(r.totalDemand, total)).toBe(true);
  expect(close(r.servedDemand + r.unmet.reduce((s, u) => s + u.amount, 0), total)).toBe(true);
  expect(close(r.servedDemand, r.assignments.reduce((s, a) => s + a.amount, 0))).toBe(true);
  expect(close(r.weightedDistanceKm, r.assignments.reduce((s, a) => s + a.amount * a.distanceKm, 0))).toBe(true);
}

describe('coverage invariants', () => {
  it('hold for min-distance', async () => {
    await fc.assert(
      fc.asyncProperty(instance, async (req) => {
        const r = await coverageAnalysis(req);
        expect(r.optimal).toBe(true);
        checkInvariants(req, r);
      }),
      { numRuns: 200, seed: 411 },
    );
  });

  it('hold for max-coverage, which never serves more than min-distance and keeps designated facilities open', async () => {
    await fc.assert(
      fc.asyncProperty(instance, async (base) => {
        const req = { ...base, objective: 'max-coverage' as const };
        const [r, all] = await Promise.all([coverageAnalysis(req), coverageAnalysis(base)]);
        checkInvariants(req, r);
        expect(r.facilities.filter((f) => f.open).length).toBeLessThanOrEqual(req.open ?? 0);
        const excluded = new Set(req.exclude ?? []);
        req.facilities.features.forEach((f, j) => {
          if (f.properties.designated && !excluded.has(String(f.properties.id))) expect(r.facilities[j].open).toBe(true);
        });
        expect(r.servedDemand).toBeLessThanOrEqual(all.servedDemand * (1 + 1e-9) + 1e-9);
      }),
      { numRuns: 80, seed: 2025 },
    );
  });
});
