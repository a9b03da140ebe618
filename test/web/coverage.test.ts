// The coverage panel's pure parts: form ↔ run parameters (BNN 2019 defaults, shares), overrides, plan figures and comparison, and what the map draws.
import { describe, expect, test } from 'vitest';
import type { CoverageRun, PlanDetail } from '../../web/api';
import { DEFAULT_COVERAGE_FORM, formProblems, formToParams, paramsToForm, shareOf, toggleLock } from '../../web/coverage/coverage-form';
import { comparePlans, planBounds, planFigures, utilisation } from '../../web/coverage/plan-figures';
import { coverageDrawing, lineWidth } from '../../web/map/coverage-layers';

function run(over: Partial<CoverageRun['result']> = {}): CoverageRun {
  return {
    params: {
      area: 'focus',
      basis: 'estimated',
      prevalence: 0.033,
      treatmentShare: 0.05,
      maxDistanceKm: 5,
      detourFactor: 1.3,
      objective: 'min-distance',
      locks: [],
      exclude: [],
      timeLimitS: 20,
    },
    period: { from: '2026-01-01', to: '2026-12-31' },
    assumptions: { prevalence: 0.033, treatmentShare: 0.05, prevalenceSource: 'BNN 2019', unit: 'clients per month' },
    demand: [
      { id: 'a', name: 'Area A', kind: 'focus', location: [106.8, -6.2], population: 1000, observedCases: 3, demand: 10 },
      { id: 'b', name: 'Area B', kind: 'focus', location: [106.9, -6.1], population: 1000, observedCases: 1, demand: 4 },
    ],
    facilities: [
      { id: 'f1', name: 'Puskesmas Satu', level: 'kecamatan', location: [106.81, -6.21], capacity: 8, rehab: true, synthetic: true },
      { id: 'f2', name: 'Puskesmas Dua', level: 'kelurahan', location: [106.88, -6.12], capacity: 10, rehab: false, synthetic: true },
    ],
    proposedDesignations: ['f2'],
    result: {
      assignments: [
        { demandId: 'a', facilityId: 'f1', amount: 8, distanceKm: 1.5 },
        { demandId: 'b', facilityId: 'f2', amount: 4, distanceKm: 3 },
      ],
      unmet: [{ demandId: 'a', amount: 2 }],
      facilities: [
        { id: 'f1', open: true, load: 8, capacity: 8 },
        { id: 'f2', open: true, load: 4, capacity: 10 },
      ],
      totalDemand: 14,
      servedDemand: 12,
      weightedDistanceKm: 24,
      optimal: true,
      gap: 0,
      gapOf: 'weightedDistanceKm',
      solver: 'test',
      params: { maxDistanceKm: 5, detourFactor: 1.3, objective: 'min-distance', open: null, locks: [], exclude: [], timeLimitS: 20 },
      ...over,
    },
    notes: [],
  };
}

describe('coverage form', () => {
  test('defaults are BNN 2019 prevalence 3.3% and a 5% treatment share, sent as exact shares', () => {
    const p = formToParams(DEFAULT_COVERAGE_FORM, { from: '2026-01-01', to: '2026-06-30' });
    expect(p.prevalence).toBe(0.033);
    expect(p.treatmentShare).toBe(0.05);
    expect(p.area).toBe('focus');
    expect(p.from).toBe('2026-01-01');
    expect('open' in p).toBe(false);
    expect(shareOf(3.3)).toBe(0.033);
  });

  test('open is sent only for max-coverage; a run reopens as the same form', () => {
    const form = { ...DEFAULT_COVERAGE_FORM, objective: 'max-coverage' as const, open: 40, locks: [{ demandId: 'a', facilityId: 'f1' }], exclude: ['f3'] };
    const params = formToParams(form, null);
    expect(params.open).toBe(40);
    expect(
      paramsToForm({
        ...run().params,
        ...params,
        basis: 'observed',
        prevalence: 0.033,
        treatmentShare: 0.05,
        maxDistanceKm: 5,
        detourFactor: 1.3,
        objective: 'max-coverage',
        locks: form.locks,
        exclude: form.exclude,
        timeLimitS: 20,
      }),
    ).toEqual({ ...form, basis: 'observed' });
  });

  test('problems name the fields out of range', () => {
    expect(formProblems(DEFAULT_COVERAGE_FORM)).toEqual([]);
    expect(formProblems({ ...DEFAULT_COVERAGE_FORM, prevalencePct: 0, maxDistanceKm: Number.NaN, detourFactor: 0.5 })).toEqual([
      'prevalence',
      'distance',
      'detour',
    ]);
    expect(formProblems({ ...DEFAULT_COVERAGE_FORM, objective: 'max-coverage', open: 2.5 })).toEqual(['open']);
  });

  test('a lock replaces the area’s earlier lock; the same lock again removes it', () => {
    const one = toggleLock([], { demandId: 'a', facilityId: 'f1' });
    const moved = toggleLock(one, { demandId: 'a', facilityId: 'f2' });
    expect(moved).toEqual([{ demandId: 'a', facilityId: 'f2' }]);
    expect(toggleLock(moved, { demandId: 'a', facilityId: 'f2' })).toEqual([]);
  });
});

describe('plan figures', () => {
  test('served, unmet, mean distance per client and utilisation busiest first', () => {
    const f = planFigures(run());
    expect(f).toMatchObject({ total: 14, served: 12, unmet: 2, meanKm: 2, used: 2 });
    expect(utilisation(run()).map((b) => [b.id, b.share, b.proposed])).toEqual([
      ['f1', 1, false],
      ['f2', 0.4, true],
    ]);
    expect(planFigures(run({ servedDemand: 0, weightedDistanceKm: 0 })).meanKm).toBeNull();
  });

  test('two plans compare on the union of the puskesmas either uses', () => {
    const a: PlanDetail = {
      plan: {
        id: 'p1',
        name: 'A',
        version: 1,
        createdBy: 'x',
        createdAt: '2026-01-01T00:00:00Z',
        summary: {
          area: 'focus',
          objective: 'min-distance',
          basis: 'observed',
          totalDemand: 14,
          servedDemand: 12,
          unmetDemand: 2,
          meanDistanceKm: 2,
          facilitiesUsed: 2,
          proposedDesignations: 1,
          optimal: true,
        },
      },
      run: run(),
    };
    const b: PlanDetail = { ...a, plan: { ...a.plan, id: 'p2' }, run: run({ facilities: [{ id: 'f1', open: true, load: 6, capacity: 8 }] }) };
    const c = comparePlans(a, b);
    expect(c.facilities).toEqual([
      { id: 'f1', name: 'Puskesmas Satu', a: 8, b: 6 },
      { id: 'f2', name: 'Puskesmas Dua', a: 4, b: null },
    ]);
  });

  test('the plan bounds cover the areas and the puskesmas serving them', () => {
    expect(planBounds(run())).toEqual([
      [106.8, -6.21],
      [106.9, -6.1],
    ]);
  });
});

describe('coverage drawing', () => {
  test('lines join each puskesmas to the areas it serves, locked ones marked; unmet and excluded are drawn', () => {
    const d = coverageDrawing({ run: run(), locks: [{ demandId: 'b', facilityId: 'f2' }], exclude: ['f9'] }, null, null, [
      {
        id: 'f9',
        name: 'Puskesmas Sembilan',
        level: 'kelurahan',
        areaCode: null,
        location: [106.7, -6.3],
        rehab: false,
        capacityPerMonth: 5,
        builtYear: null,
        source: 't',
        approximate: true,
        synthetic: true,
      },
    ]);
    expect(d.lines.map((l) => [l.facilityId, l.demandId, l.locked])).toEqual([
      ['f1', 'a', false],
      ['f2', 'b', true],
    ]);
    expect(d.lines[0].from).toEqual([106.81, -6.21]);
    expect(d.demand.find((p) => p.id === 'a')?.unmet).toBe(2);
    expect(d.facilities.map((f) => [f.id, f.role])).toEqual([
      ['f1', 'used'],
      ['f2', 'proposed'],
      ['f9', 'excluded'],
    ]);
    expect(d.maxAmount).toBe(8);
  });

  test('line width grows with the square root of clients per month', () => {
    expect(lineWidth(8, 8)).toBeCloseTo(10.5);
    expect(lineWidth(2, 8)).toBeCloseTo(6);
    expect(lineWidth(0, 0)).toBe(1.5);
  });
});
