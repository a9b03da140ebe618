// Coverage planning on stored data: demand built from events and population, solver constraints, locks and
// exclusions, capacity edits, saved plan versions and exports.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});

const period = { from: '2025-11-01', to: '2026-10-31' };
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('POST /api/coverage/run', () => {
  it('builds observed demand for the focus areas from user cases per month', async () => {
    const r = await t.post('/api/coverage/run', { area: 'focus', ...period, maxDistanceKm: 3 });
    expect(r.status).toBe(200);
    expect(r.body.demand.map((d: any) => d.id).sort()).toEqual(['kampung-ambon', 'kampung-bahari', 'kampung-boncos']);
    const events = (await t.get(`/api/events?from=${period.from}&to=${period.to}&types=user_case&limit=100000`)).body.features;
    const months = 365 / 30.4375;
    for (const d of r.body.demand) {
      const cases = sum(events.filter((e: any) => e.properties.focusAreaId === d.id).map((e: any) => e.properties.count));
      expect(d.observedCases).toBe(cases);
      expect(d.demand).toBeCloseTo(cases / months, 3);
    }
  });

  it('estimates demand as population × prevalence × treatment share per month', async () => {
    const r = await t.post('/api/coverage/run', { area: '31.73', basis: 'estimated', prevalence: 0.02, treatmentShare: 0.1, maxDistanceKm: 4 });
    const kel = (await t.get('/api/areas?level=kelurahan')).body.features.filter((f: any) => f.properties.code.startsWith('31.73.'));
    expect(r.body.demand).toHaveLength(kel.length);
    for (const d of r.body.demand) {
      const pop = kel.find((f: any) => f.properties.code === d.id).properties.population;
      expect(d.demand).toBeCloseTo((pop * 0.02 * 0.1) / 12, 3);
    }
  });

  it('respects capacities, distances, and adds up', async () => {
    const r = await t.post('/api/coverage/run', { area: 'jakarta', basis: 'estimated', maxDistanceKm: 2.5, detourFactor: 1.2 });
    const res = r.body.result;
    const facilities = new Map<string, any>(r.body.facilities.map((f: any) => [f.id, f]));
    const load = new Map<string, number>();
    for (const a of res.assignments) {
      expect(a.distanceKm).toBeLessThanOrEqual(2.5 + 1e-9);
      load.set(a.facilityId, (load.get(a.facilityId) ?? 0) + a.amount);
    }
    for (const [id, l] of load) expect(l).toBeLessThanOrEqual(facilities.get(id).capacity + 1e-6);
    expect(res.servedDemand + sum(res.unmet.map((u: any) => u.amount))).toBeCloseTo(res.totalDemand, 6);
    expect(res.totalDemand).toBeCloseTo(sum(r.body.demand.map((d: any) => d.demand)), 6);
    expect(res.optimal).toBe(true);
  });

  it('honours a lock at any distance and an exclusion', async () => {
    const base = await t.post('/api/coverage/run', { area: 'focus', ...period, maxDistanceKm: 3 });
    const used = base.body.result.assignments.map((a: any) => a.facilityId);
    const far = base.body.facilities.find((f: any) => f.id.includes('310102')) ?? base.body.facilities[0];
    const r = await t.post('/api/coverage/run', {
      area: 'focus',
      ...period,
      maxDistanceKm: 3,
      locks: [{ demandId: 'kampung-boncos', facilityId: far.id }],
      exclude: [used[0]],
    });
    expect(r.status).toBe(200);
    const boncos = r.body.result.assignments.filter((a: any) => a.demandId === 'kampung-boncos');
    expect(boncos.every((a: any) => a.facilityId === far.id)).toBe(true);
    expect(r.body.result.assignments.some((a: any) => a.facilityId === used[0])).toBe(false);
  });

  it('max-coverage opens at most `open` puskesmas including every designated one, and proposes the rest', async () => {
    const fac = (await t.get('/api/facilities')).body.features;
    const designated = fac.filter((f: any) => f.properties.rehab).length;
    const r = await t.post('/api/coverage/run', { area: 'jakarta', basis: 'estimated', maxDistanceKm: 3, objective: 'max-coverage', open: designated + 5 });
    expect(r.status).toBe(200);
    const open = r.body.result.facilities.filter((f: any) => f.open);
    expect(open.length).toBeLessThanOrEqual(designated + 5);
    expect(r.body.proposedDesignations.length).toBeLessThanOrEqual(5);
    const designatedIds = new Set(fac.filter((f: any) => f.properties.rehab).map((f: any) => f.properties.id));
    for (const id of r.body.proposedDesignations) expect(designatedIds.has(id)).toBe(false);
  });

  it.each([
    [{ area: 'focus', maxDistanceKm: -1 }, 400],
    [{ area: 'Kampung!', maxDistanceKm: 3 }, 400],
    [{ area: '31.99', maxDistanceKm: 3 }, 404],
    [{ area: 'focus', maxDistanceKm: 3, objective: 'max-coverage', open: 1 }, 422],
    [{ area: 'focus', maxDistanceKm: 3, locks: [{ demandId: 'nowhere', facilityId: 'x' }] }, 422],
  ])('refuses %o with %i', async (body, status) => {
    const r = await t.post('/api/coverage/run', body);
    expect(r.status).toBe(status);
    expect(typeof r.body.error.message).toBe('string');
  });

  it('is for analysts', async () => {
    expect((await t.post('/api/coverage/run', { area: 'focus' }, 'viewer')).status).toBe(403);
  });
});

describe('plans', () => {
  it('saves versions by name, lists, reopens and exports', async () => {
    const params = { area: 'focus', ...period, maxDistanceKm: 3 };
    const a = await t.post('/api/coverage/plans', { name: 'Fokus BNN', params });
    const b = await t.post('/api/coverage/plans', { name: 'Fokus BNN', params: { ...params, maxDistanceKm: 5 } });
    expect([a.status, a.body.plan.version, b.body.plan.version]).toEqual([201, 1, 2]);
    expect(a.body.plan.createdBy).toBe('test-analyst');
    const list = (await t.get('/api/coverage/plans')).body.plans;
    expect(
      list
        .filter((p: any) => p.name === 'Fokus BNN')
        .map((p: any) => p.version)
        .sort(),
    ).toEqual([1, 2]);
    const got = await t.get(`/api/coverage/plans/${a.body.plan.id}`);
    expect(got.body.run.result).toEqual(a.body.run.result);
    expect(got.body.plan.summary.servedDemand).toBeCloseTo(a.body.run.result.servedDemand, 9);

    const csv = await t.request(`/api/coverage/plans/${a.body.plan.id}/export?format=csv`);
    expect(csv.headers.get('content-disposition')).toMatch(/Fokus_BNN-v1\.csv/);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toMatch(/demand_id,demand_name,facility_id/);
    expect(lines.length - 1).toBe(a.body.run.result.assignments.length + a.body.run.result.unmet.length);
    const geo = await t.request(`/api/coverage/plans/${a.body.plan.id}/export?format=geojson`);
    const fc = await geo.json();
    expect(fc.features).toHaveLength(a.body.run.result.assignments.length);
    expect(fc.features[0].geometry.type).toBe('LineString');
    const log = (await t.get('/api/audit?action=plan_saved', 'admin')).body.entries;
    expect(log.length).toBeGreaterThanOrEqual(2);
  });

  it('answers 404 for an unknown plan', async () => {
    expect((await t.get('/api/coverage/plans/nope')).status).toBe(404);
  });
});

describe('PATCH /api/facilities/:id', () => {
  it('changes capacity, is audited, and the next run uses it', async () => {
    const run = await t.post('/api/coverage/run', { area: 'focus', ...period, maxDistanceKm: 3 });
    const first = run.body.result.assignments[0];
    const r = await t.request(`/api/facilities/${first.facilityId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ capacityPerMonth: 0 }),
    });
    expect(r.status).toBe(200);
    const again = await t.post('/api/coverage/run', { area: 'focus', ...period, maxDistanceKm: 3 });
    expect(again.body.result.assignments.some((a: any) => a.facilityId === first.facilityId)).toBe(false);
    expect((await t.get('/api/audit?action=facility_changed', 'admin')).body.entries[0].target).toBe(first.facilityId);
    const bad = await t.request(`/api/facilities/${first.facilityId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ capacityPerMonth: -3 }),
    });
    expect(bad.status).toBe(400);
    expect(
      (await t.request('/api/facilities/none', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rehab: true }) }))
        .status,
    ).toBe(404);
    expect(
      (
        await t.request(`/api/facilities/${first.facilityId}`, {
          as: 'viewer',
          method: 'PATCH',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ rehab: true }),
        })
      ).status,
    ).toBe(403);
  });
});
