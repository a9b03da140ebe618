// min-distance with real-valued demand and capacity against an independent reference: the transportation LP written in CPLEX LP text, pairs and distances from turf, solved by HiGHS's simplex in two phases (max served, then min Σ amount × km at that served level; Hitchcock 1941).
import * as turf from '@turf/turf';
import loadHighs from 'highs';
import { describe, expect, it } from 'vitest';
import { coverageAnalysis } from '../../../server/analysis/coverage-analysis';
import type { CoverageRequest } from '../../../server/analysis/coverage-types';
import { createRandom } from '../../../server/analysis/random';

interface Pair {
  i: number;
  j: number;
  km: number;
}

/** A number in LP text: fixed notation, so no reader ever sees an exponent. */
const num = (v: number) => v.toFixed(9);

function lpText(sense: 'Maximize' | 'Minimize', objective: string[], rows: string[], bounds: string[]): string {
  const wrap = (terms: string[]) => terms.reduce((lines, t, k) => (k % 8 === 0 ? `${lines}\n   ${t}` : `${lines} ${t}`), '');
  return [sense, ` obj:${wrap(objective)}`, 'Subject To', ...rows, 'Bounds', ...bounds, 'End'].join('\n');
}

async function referenceOptimum(demand: number[], capacity: number[], pairs: Pair[]) {
  const highs = await loadHighs();
  const x = (p: Pair) => `x${p.i}_${p.j}`;
  const plus = (ps: Pair[], coef: (p: Pair) => string = () => '') => ps.map((p, k) => `${k === 0 ? '' : '+ '}${coef(p)}${x(p)}`);
  const rows = [
    ...demand.flatMap((d, i) => {
      const ps = pairs.filter((p) => p.i === i);
      return ps.length ? [` d${i}: ${plus(ps).join(' ')} <= ${num(d)}`] : [];
    }),
    ...capacity.flatMap((c, j) => {
      const ps = pairs.filter((p) => p.j === j);
      return ps.length ? [` c${j}: ${plus(ps).join(' ')} <= ${num(c)}`] : [];
    }),
  ];
  const bounds = pairs.map((p) => ` ${x(p)} >= 0`);
  const first = highs.solve(lpText('Maximize', plus(pairs), rows, bounds), { presolve: 'off' });
  expect(first.Status).toBe('Optimal');
  const served = first.ObjectiveValue;
  const floor = ` s: ${plus(pairs).join(' ')} >= ${num(served * (1 - 1e-10))}`;
  const second = highs.solve(lpText('Minimize', plus(pairs, (p) => `${num(p.km)} `), [...rows, floor], bounds), { presolve: 'off' });
  expect(second.Status).toBe('Optimal');
  return { served, distance: second.ObjectiveValue };
}

describe('min-distance against a two-phase LP in HiGHS', () => {
  it('agrees to 1e-7 on 12 random real-valued instances of 40 demand points and 12 facilities', async () => {
    const random = createRandom(99);
    for (let trial = 0; trial < 12; trial++) {
      const pt = (): [number, number] => [106.75 + 0.12 * random(), -6.3 + 0.12 * random()];
      const dPts = Array.from({ length: 40 }, pt);
      const fPts = Array.from({ length: 12 }, pt);
      const demand = dPts.map(() => Math.round(random() * 30_000) / 1000);
      const capacity = fPts.map(() => Math.round(random() * 120_000) / 1000);
      const maxDistanceKm = 3 + 3 * random();
      const detourFactor = 1.25;
      const pairs = dPts.flatMap((p, i) =>
        fPts.flatMap((q, j) => {
          const km = turf.distance(p, q, { units: 'kilometers' }) * detourFactor;
          return km <= maxDistanceKm ? [{ i, j, km }] : [];
        }),
      );
      const request: CoverageRequest = {
        demand: { features: dPts.map((c, i) => ({ geometry: { type: 'Point', coordinates: c }, properties: { id: i, demand: demand[i] } })) },
        facilities: { features: fPts.map((c, j) => ({ geometry: { type: 'Point', coordinates: c }, properties: { id: `pkm-${j}`, capacity: capacity[j] } })) },
        maxDistanceKm,
        detourFactor,
        objective: 'min-distance',
      };
      const [ours, ref] = await Promise.all([coverageAnalysis(request), referenceOptimum(demand, capacity, pairs)]);
      expect(ours.optimal).toBe(true);
      expect(Math.abs(ours.servedDemand - ref.served)).toBeLessThanOrEqual(1e-7 * Math.max(1, ref.served));
      expect(Math.abs(ours.weightedDistanceKm - ref.distance)).toBeLessThanOrEqual(1e-7 * Math.max(1, ref.distance));
      // Capacity must bind somewhere, or the lexicographic first level would be trivial.
      if (trial === 0) expect(ours.unmet.length + ours.facilities.filter((f) => f.load >= f.capacity - 1e-9 && f.capacity > 0).length).toBeGreaterThan(0);
    }
  });
});
