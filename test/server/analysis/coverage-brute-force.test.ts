// Both coverage objectives against exhaustive enumeration on small integer instances: min-cost flow with integer supplies and capacities has an integral optimum for any costs (Ahuja, Magnanti and Orlin 1993, thm 9.10), so enumerating integer splits is an exact, independent reference; max-coverage also enumerates every admissible open set.
import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { coverageAnalysis } from '../../../server/analysis/coverage-analysis';
import type { CoverageRequest } from '../../../server/analysis/coverage-types';
import { createRandom, type Random } from '../../../server/analysis/random';

interface Instance {
  request: CoverageRequest;
  demand: number[];
  capacity: number[];
  designated: boolean[];
  /** Per demand point: the facilities it may use and the distance, computed with turf (independent of the solver). */
  allowed: { j: number; km: number }[][];
}

function instance(random: Random, n: number, m: number, maxDemand: number, maxCapacity: number, withOverrides: boolean): Instance {
  const pt = (): [number, number] => [106.8 + 0.06 * random(), -6.2 + 0.06 * random()];
  const dPts = Array.from({ length: n }, pt);
  const fPts = Array.from({ length: m }, pt);
  const demand = dPts.map(() => Math.floor(random() * (maxDemand + 1)));
  const capacity = fPts.map(() => Math.floor(random() * (maxCapacity + 1)));
  const designated = fPts.map(() => random() < 0.2);
  const detourFactor = random() < 0.5 ? 1 : 1.3;
  const maxDistanceKm = 2 + 4 * random();
  const exclude = withOverrides && random() < 0.5 ? [Math.floor(random() * m)] : [];
  const locks: { demandId: string; facilityId: string }[] = [];
  if (withOverrides && random() < 0.6) {
    const j = Math.floor(random() * m);
    if (!exclude.includes(j)) locks.push({ demandId: `d${Math.floor(random() * n)}`, facilityId: `f${j}` });
  }
  const lockOf = new Map(locks.map((l) => [Number(l.demandId.slice(1)), Number(l.facilityId.slice(1))]));
  const allowed = dPts.map((p, i) =>
    fPts.flatMap((q, j) => {
      const km = turf.distance(p, q, { units: 'kilometers' }) * detourFactor;
      if (exclude.includes(j) || capacity[j] === 0) return [];
      const lock = lockOf.get(i);
      if (lock !== undefined) return lock === j ? [{ j, km }] : [];
      return km <= maxDistanceKm ? [{ j, km }] : [];
    }),
  );
  const open = designated.filter((d, j) => d && !exclude.includes(j)).length + Math.floor(random() * 3);
  const request: CoverageRequest = {
    demand: { features: dPts.map((c, i) => ({ geometry: { type: 'Point', coordinates: c }, properties: { id: `d${i}`, demand: demand[i] } })) },
    facilities: {
      features: fPts.map((c, j) => ({ geometry: { type: 'Point', coordinates: c }, properties: { id: `f${j}`, capacity: capacity[j], designated: designated[j] } })),
    },
    maxDistanceKm,
    detourFactor,
    objective: 'min-distance',
    open,
    locks,
    exclude: exclude.map((j) => `f${j}`),
  };
  return { request, demand, capacity, designated, allowed };
}

interface Best {
  served: number;
  distance: number;
}

/** Lexicographic optimum (most served, then least Σ amount × km) over every integer split, using only the facilities `open` marks. */
function enumerateSplits(inst: Instance, open: readonly boolean[]): Best {
  const best: Best = { served: -1, distance: Infinity };
  const room = [...inst.capacity];
  const visit = (i: number, served: number, distance: number) => {
    if (i === inst.demand.length) {
      if (served > best.served || (served === best.served && distance < best.distance - 1e-12)) Object.assign(best, { served, distance });
      return;
    }
    const options = inst.allowed[i].filter((a) => open[a.j]);
    const split = (k: number, left: number, s: number, d: number) => {
      if (k === options.length) return visit(i + 1, s, d);
      const { j, km } = options[k];
      for (let x = 0; x <= Math.min(left, room[j]); x++) {
        room[j] -= x;
        split(k + 1, left - x, s + x, d + x * km);
        room[j] += x;
      }
    };
    split(0, inst.demand[i], served, distance);
  };
  visit(0, 0, 0);
  return best;
}

function expectSameOptimum(result: { servedDemand: number; weightedDistanceKm: number }, best: Best) {
  expect(result.servedDemand).toBeCloseTo(best.served, 9);
  expect(Math.abs(result.weightedDistanceKm - best.distance)).toBeLessThanOrEqual(1e-9 * Math.max(1, best.distance));
}

describe('min-distance against enumeration of integer splits', () => {
  it('agrees on 150 random instances (5 demand points, 3 facilities, with locks and exclusions)', async () => {
    const random = createRandom(20250411);
    for (let trial = 0; trial < 150; trial++) {
      const inst = instance(random, 5, 3, 3, 5, trial % 2 === 0);
      const result = await coverageAnalysis(inst.request);
      expect(result.optimal).toBe(true);
      expectSameOptimum(result, enumerateSplits(inst, inst.capacity.map(() => true)));
    }
  });
});

describe('max-coverage against enumeration of open sets', () => {
  it('agrees on 60 random instances (4 demand points, 5 facilities, designated, locks, exclusions)', async () => {
    const random = createRandom(7);
    let usedMip = 0;
    for (let trial = 0; trial < 60; trial++) {
      const inst = instance(random, 4, 5, 3, 4, trial % 3 !== 0);
      const request = { ...inst.request, objective: 'max-coverage' as const };
      const excluded = new Set((request.exclude ?? []).map(String));
      const m = inst.capacity.length;
      let best: Best = { served: -1, distance: Infinity };
      for (let mask = 0; mask < 1 << m; mask++) {
        const open = inst.capacity.map((_, j) => (mask & (1 << j)) !== 0);
        const size = open.filter(Boolean).length;
        const keepsDesignated = inst.designated.every((d, j) => !d || excluded.has(`f${j}`) || open[j]);
        const usesExcluded = open.some((o, j) => o && excluded.has(`f${j}`));
        if (size > (request.open ?? 0) || !keepsDesignated || usesExcluded) continue;
        const b = enumerateSplits(inst, open);
        if (b.served > best.served || (b.served === best.served && b.distance < best.distance - 1e-12)) best = b;
      }
      const result = await coverageAnalysis(request);
      if (result.solver.startsWith('highs')) usedMip++;
      expect(result.optimal).toBe(true);
      expectSameOptimum(result, best);
      expect(result.facilities.filter((f) => f.open).length).toBeLessThanOrEqual(request.open ?? 0);
    }
    // The enumeration must have exercised the MIP path, not only the "open everything" shortcut.
    expect(usedMip).toBeGreaterThan(10);
  });
});
