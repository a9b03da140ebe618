// Fuzzes every route's query string and JSON body with fast-check: whatever arrives, the answer is never a 5xx and
// errors always come in the DESIGN.md format.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type As, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});

const GET_ROUTES: Array<{ path: string; params: string[]; as: As }> = [
  { path: '/api/areas', params: ['level'], as: 'viewer' },
  { path: '/api/indicators', params: ['level', 'from', 'to', 'types'], as: 'viewer' },
  { path: '/api/indicators/trend', params: ['area', 'from', 'to', 'types'], as: 'viewer' },
  { path: '/api/events', params: ['bbox', 'from', 'to', 'types', 'limit'], as: 'analyst' },
  { path: '/api/hotspots', params: ['resolution', 'from', 'to', 'types', 'method', 'k', 'alpha', 'fdr', 'permutations', 'seed'], as: 'analyst' },
  { path: '/api/hotspots/emerging', params: ['resolution', 'from', 'to', 'types', 'slice', 'k', 'alpha', 'fdr'], as: 'viewer' },
  { path: '/api/audit', params: ['action', 'username', 'from', 'to', 'before', 'limit'], as: 'admin' },
  { path: '/api/facilities', params: ['x'], as: 'viewer' },
];

/** Values that look almost right as well as garbage. */
const value = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('', '0', '-1', '9', '1e400', 'NaN', 'true', 'kelurahan', 'focus', 'gistar', 'lisa', '2024-13-01', '2025-02-29', '2024-02-29', '9999-12-31', '0000-00-00', 'user_case,dealer_arrest', ',,,', '106.7,-6.3,106.9,-6.1', '1,2,3', '%00', '../../etc/passwd', "' OR 1=1 --", 'jakarta', 'kampung-boncos', '31.73.07.1006'),
  fc.integer({ min: -1e6, max: 1e6 }).map(String),
  fc.double({ noNaN: false }).map(String),
);

async function assertSane(res: Response, label: string) {
  expect(res.status, label).toBeLessThan(500);
  const body = await res.json();
  if (res.status >= 400) {
    expect(typeof body.error?.code, label).toBe('string');
    expect(typeof body.error?.message, label).toBe('string');
  }
}

describe('GET routes never answer 5xx', () => {
  for (const route of GET_ROUTES) {
    it(route.path, async () => {
      await fc.assert(
        fc.asyncProperty(fc.dictionary(fc.constantFrom(...route.params, 'junk'), value, { maxKeys: 5 }), async (params) => {
          const qs = new URLSearchParams(params).toString();
          const res = await t.request(`${route.path}?${qs}`, { as: route.as });
          await assertSane(res, `${route.path}?${qs}`);
        }),
        { numRuns: 60, seed: 20250411 },
      );
    }, 120_000);
  }
});

const json = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), fc.double(), fc.integer(), fc.string({ maxLength: 12 }), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 8 }), tie('node'), { maxKeys: 4 })),
})).node;

const POST_ROUTES: Array<{ path: string; as: As; shape: fc.Arbitrary<unknown> }> = [
  { path: '/api/auth/login', as: 'anonymous', shape: fc.record({ username: json, password: json }, { requiredKeys: [] }) },
  { path: '/api/users', as: 'admin', shape: fc.record({ username: json, password: json, role: fc.oneof(json, fc.constantFrom('viewer', 'analyst', 'admin')) }, { requiredKeys: [] }) },
  {
    path: '/api/analysis/hotspots',
    as: 'anonymous',
    shape: fc.record(
      {
        features: fc.oneof(json, fc.record({ type: fc.constant('FeatureCollection'), features: fc.array(fc.record({ type: fc.constant('Feature'), properties: fc.oneof(json, fc.record({ id: json, count: fc.oneof(fc.double(), json) })), geometry: fc.oneof(json, fc.record({ type: fc.constantFrom('Point', 'Polygon', 'MultiPolygon', 'LineString'), coordinates: json })) }), { maxLength: 8 }) })),
        valueField: fc.oneof(json, fc.constant('count')),
        method: fc.oneof(json, fc.constantFrom('gistar', 'lisa')),
        weights: fc.oneof(json, fc.record({ type: fc.constantFrom('queen', 'rook', 'knn', 'distance', 'kring', 'x'), k: fc.oneof(json, fc.integer({ min: -2, max: 10 })), thresholdKm: fc.oneof(json, fc.double()) }, { requiredKeys: [] })),
        permutations: fc.oneof(json, fc.integer({ min: -5, max: 200 })),
        seed: json,
        alpha: json,
        fdr: json,
      },
      { requiredKeys: [] },
    ),
  },
];

describe('POST routes never answer 5xx', () => {
  for (const route of POST_ROUTES) {
    it(route.path, async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(route.shape, json), async (body) => {
          const res = await t.request(route.path, { as: route.as, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
          await assertSane(res, `${route.path} ${JSON.stringify(body).slice(0, 300)}`);
        }),
        { numRuns: 120, seed: 7 },
      );
    }, 120_000);
  }

  it('non-JSON bodies', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), fc.constantFrom('/api/auth/login', '/api/users', '/api/analysis/hotspots'), async (text, path) => {
        const res = await t.request(path, { as: 'admin', method: 'POST', headers: { 'content-type': 'application/json' }, body: text });
        await assertSane(res, `${path} ${text}`);
      }),
      { numRuns: 100, seed: 3 },
    );
  });
});
