// POST /api/analysis/coverage through app.request(): the contract's answer shape, and 400/422 refusals with the DESIGN.md error body for every condition issue 5 lists.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { beforeAll, describe, expect, it } from 'vitest';
import { RawanError } from '../../server/errors.js';
import { coverageAnalysisRoutes } from '../../server/routes/coverage-analysis.js';
import type { AppEnv } from '../../server/routes/context.js';
import { makeTestApp } from '../helpers/test-app.js';

let app: Hono<AppEnv>;
beforeAll(async () => {
  // Only the deps come from the shared helper; the route is mounted alone, as server/app.ts will mount it.
  const { store, config } = await makeTestApp({ empty: true });
  const api = new Hono<AppEnv>().route('/api', coverageAnalysisRoutes({ store, config }));
  // The same mapping server/app.ts installs, so statuses and bodies match the mounted route.
  api.onError((err, c) => {
    if (err instanceof RawanError) return c.json({ error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } }, err.status);
    if (err instanceof HTTPException && err.status < 500) return c.json({ error: { code: 'bad_request', message: err.message } }, err.status);
    return c.json({ error: { code: 'internal_error', message: String(err) } }, 500);
  });
  app = api;
});

const KM_PER_DEG = (6371.0088 * Math.PI) / 180;
const point = (lng: number, lat = 0) => ({ type: 'Point', coordinates: [lng, lat] });

/** The hand-worked instance of coverage-analysis.test.ts as a request body; `any` so tests can break it freely. */
function body(over: Record<string, unknown> = {}): any {
  return {
    demand: {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: point(0), properties: { id: 'A', demand: 10, name: 'ignored' } },
        { type: 'Feature', geometry: point(0.02), properties: { id: 'B', demand: 5 } },
      ],
    },
    facilities: {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: point(0.01), properties: { id: 'F1', capacity: 8 } },
        { type: 'Feature', geometry: point(0.05), properties: { id: 'F2', capacity: 10, designated: true } },
      ],
    },
    maxDistanceKm: 5,
    objective: 'min-distance',
    ...over,
  };
}

async function post(payload: unknown) {
  const res = await app.request('/api/analysis/coverage', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
  return { status: res.status, body: await res.json() };
}

describe('POST /api/analysis/coverage', () => {
  it('answers min-distance with the contract shape (13 served, 0.23° of travel)', async () => {
    const r = await post(body());
    expect(r.status).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual(
      ['assignments', 'facilities', 'gap', 'gapOf', 'optimal', 'params', 'servedDemand', 'solver', 'totalDemand', 'unmet', 'weightedDistanceKm'].sort(),
    );
    expect(r.body.servedDemand).toBe(13);
    expect(r.body.weightedDistanceKm).toBeCloseTo(0.23 * KM_PER_DEG, 9);
    expect(r.body.optimal).toBe(true);
    expect(r.body.gap).toBe(0);
    expect(r.body.unmet).toEqual([{ demandId: 'A', amount: 2 }]);
    expect(r.body.params).toEqual({ maxDistanceKm: 5, detourFactor: 1, objective: 'min-distance', open: null, locks: [], exclude: [], timeLimitS: 30 });
  });

  it('answers max-coverage keeping the designated F2 open and echoing the filled-in parameters', async () => {
    const r = await post(body({ objective: 'max-coverage', open: 1, timeLimitS: 5, locks: [{ demandId: 'B', facilityId: 'F2' }] }));
    expect(r.status).toBe(200);
    expect(r.body.facilities.map((f: { open: boolean }) => f.open)).toEqual([false, true]);
    expect(r.body.servedDemand).toBe(5);
    expect(r.body.params).toMatchObject({ objective: 'max-coverage', open: 1, timeLimitS: 5, detourFactor: 1, locks: [{ demandId: 'B', facilityId: 'F2' }] });
  });

  it.each([
    ['negative demand', (b: any) => (b.demand.features[0].properties.demand = -1), /demand must be a number ≥ 0/],
    ['negative capacity', (b: any) => (b.facilities.features[1].properties.capacity = -3), /capacity must be a number ≥ 0/],
    ['a polygon as demand', (b: any) => (b.demand.features[0].geometry = { type: 'Polygon', coordinates: [] }), /Point/],
    ['latitude first', (b: any) => (b.demand.features[0].geometry.coordinates = [-6.2, 106.8]), /longitude first/],
    ['an unknown objective', (b: any) => (b.objective = 'p-median'), /min-distance/],
    ['a detour factor below 1', (b: any) => (b.detourFactor = 0.8), /at least 1/],
    ['missing maxDistanceKm', (b: any) => delete b.maxDistanceKm, /maxDistanceKm/],
  ])('refuses %s with 400 invalid_body', async (_name, mutate, message) => {
    const b = body();
    mutate(b);
    const r = await post(b);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_body');
    expect(r.body.error.message).toMatch(message);
    expect(Array.isArray(r.body.error.details)).toBe(true);
  });

  it('refuses malformed JSON with 400', async () => {
    const r = await post('{"demand": ');
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('bad_request');
  });

  it.each([
    ['duplicate demand ids', (b: any) => (b.demand.features[1].properties.id = 'A'), 'duplicate_ids', /unique/],
    ['a number and a string naming the same facility', (b: any) => ((b.facilities.features[0].properties.id = 7), (b.facilities.features[1].properties.id = '7')), 'duplicate_ids', /7 and "7"/],
    ['a lock naming an unknown demand point', (b: any) => (b.locks = [{ demandId: 'Z', facilityId: 'F1' }]), 'unknown_id', /present in this request/],
    ['an exclusion naming an unknown facility', (b: any) => (b.exclude = ['F9']), 'unknown_id', /present in this request/],
    ['one demand point locked to two facilities', (b: any) => (b.locks = [{ demandId: 'A', facilityId: 'F1' }, { demandId: 'A', facilityId: 'F2' }]), 'conflicting_locks', /one facility only/],
    ['a lock to an excluded facility', (b: any) => ((b.locks = [{ demandId: 'A', facilityId: 'F1' }]), (b.exclude = ['F1'])), 'locked_to_excluded', /excluded/],
    ['max-coverage without open', (b: any) => (b.objective = 'max-coverage'), 'open_required', /needs "open"/],
    ['open below the designated count', (b: any) => ((b.objective = 'max-coverage'), (b.open = 0)), 'open_below_designated', /open ≥ 1/],
  ])('refuses %s with 422', async (_name, mutate, code, message) => {
    const b = body();
    mutate(b);
    const r = await post(b);
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe(code);
    expect(r.body.error.message).toMatch(message);
  });

  it('refuses more than 20,000 demand points with 400, saying the limit', async () => {
    const b = body();
    const f = b.demand.features[1];
    b.demand.features = Array.from({ length: 20_001 }, (_, i) => ({ ...f, properties: { id: i, demand: 1 } }));
    const r = await post(b);
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/at most 20,000 demand points/);
  });

  it('refuses a max-coverage request whose distance cap allows more than 200,000 pairs with 422 too_many_pairs', async () => {
    const b = body({ objective: 'max-coverage', open: 5, maxDistanceKm: 50 });
    b.demand.features = Array.from({ length: 1000 }, (_, i) => ({ type: 'Feature', geometry: point(106.8 + i * 1e-4, -6.2), properties: { id: i, demand: 1 } }));
    b.facilities.features = Array.from({ length: 250 }, (_, j) => ({ type: 'Feature', geometry: point(106.8 + j * 1e-4, -6.21), properties: { id: `f${j}`, capacity: 10 } }));
    const r = await post(b);
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('too_many_pairs');
    expect(r.body.error.message).toMatch(/lower maxDistanceKm/);
  });
});

describe('ids keep their type', () => {
  it('numeric ids in the request come back as numbers', async () => {
    const { makeTestApp } = await import('../helpers/test-app.js');
    const t = await makeTestApp({ empty: true });
    const pt = (x: number) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [106.8 + x, -6.2] } });
    const res = await t.post(
      '/api/analysis/coverage',
      {
        demand: { type: 'FeatureCollection', features: [{ ...pt(0), properties: { id: 7, demand: 3 } }, { ...pt(0.5), properties: { id: 'far', demand: 2 } }] },
        facilities: { type: 'FeatureCollection', features: [{ ...pt(0.001), properties: { id: 42, capacity: 10 } }] },
        maxDistanceKm: 1,
        objective: 'min-distance',
      },
      'anonymous',
    );
    expect(res.status).toBe(200);
    expect(res.body.assignments).toEqual([{ demandId: 7, facilityId: 42, amount: 3, distanceKm: expect.any(Number) }]);
    expect(res.body.unmet).toEqual([{ demandId: 'far', amount: 2 }]);
    expect(res.body.facilities[0].id).toBe(42);
  });
});
