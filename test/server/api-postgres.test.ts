// A representative part of the API suite re-run through app.request() on the PostgreSQL store: areas, indicators
// consistent with the raw events, hot spot counts per cell, the events bbox and role checks.
import { latLngToCell } from 'h3-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../server/domain/types.js';
import { schemaStores, TEST_DATABASE_URL } from '../helpers/postgres-test-db.js';
import { makeTestApp, type TestApp } from '../helpers/test-app.js';

const stores = schemaStores();

describe.skipIf(!TEST_DATABASE_URL)('API on PostgreSQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    const store = stores.open();
    await store.migrate();
    t = await makeTestApp({ store });
  }, 120_000);
  afterAll(() => stores.cleanup());

  /** Sum of `count` over the raw events a filter selects, read through /api/events. */
  async function eventSum(from: string, to: string, types: readonly string[], where: (p: any) => boolean = () => true) {
    const r = await t.get(`/api/events?from=${from}&to=${to}&types=${types.join(',')}&limit=100000`);
    expect(r.status).toBe(200);
    expect(r.body.meta.truncated).toBe(false);
    return r.body.features.filter((f: any) => where(f.properties)).reduce((s: number, f: any) => s + f.properties.count, 0);
  }

  it('reports the postgres store', async () => {
    const r = await t.get('/api/health');
    expect(r.body).toMatchObject({ ok: true, store: 'postgres' });
  });

  it.each([
    ['kelurahan', 267],
    ['kecamatan', 44],
    ['kota', 6],
    ['focus', 3],
  ])('level=%s returns %i areas', async (level, n) => {
    const r = await t.get(`/api/areas?level=${level}`);
    expect(r.status).toBe(200);
    expect(r.body.features).toHaveLength(n);
  });

  const filters = [
    { from: '2025-01-01', to: '2025-12-31', types: EVENT_TYPES },
    { from: '2024-03-15', to: '2024-06-14', types: ['user_case', 'dealer_arrest'] },
    { from: '2023-01-01', to: '2023-01-01', types: ['prevention', 'rehab_intake'] },
  ] as const;

  it.each(filters)('kelurahan totals sum to the events in range, and kecamatan and kota to their parts ($from..$to)', async ({ from, to, types }) => {
    const q = `from=${from}&to=${to}&types=${types.join(',')}`;
    const kel = (await t.get(`/api/indicators?level=kelurahan&${q}`)).body;
    expect(kel.areas).toHaveLength(267);
    const expected = await eventSum(from, to, types);
    expect(kel.areas.reduce((s: number, a: any) => s + a.total, 0)).toBe(expected);
    expect(kel.totals.events).toBe(expected);
    const kec = (await t.get(`/api/indicators?level=kecamatan&${q}`)).body.areas;
    const kota = (await t.get(`/api/indicators?level=kota&${q}`)).body.areas;
    expect([kec.length, kota.length]).toEqual([44, 6]);
    for (const k of kec) expect(k.total).toBe(kel.areas.filter((x: any) => x.parentCode === k.code).reduce((s: number, x: any) => s + x.total, 0));
    for (const k of kota) expect(k.total).toBe(kec.filter((x: any) => x.parentCode === k.code).reduce((s: number, x: any) => s + x.total, 0));
  });

  it('compares with the previous period, counted from raw events', async () => {
    const r = await t.get('/api/indicators?level=kelurahan&from=2025-04-01&to=2025-06-30&types=user_case');
    const code = '31.73.07.1006';
    const a = r.body.areas.find((x: any) => x.code === code);
    const now = await eventSum('2025-04-01', '2025-06-30', ['user_case'], (p) => p.areaCode === code);
    const before = await eventSum('2024-12-31', '2025-03-31', ['user_case'], (p) => p.areaCode === code);
    expect([a.total, a.previousTotal]).toEqual([now, before]);
  });

  it('counts every event of the period in its resolution-9 cell and rolls them up to resolution 7', async () => {
    const q = 'from=2025-11-01&to=2026-10-31';
    const body = (await t.get(`/api/hotspots?resolution=9&${q}`)).body;
    const events = (await t.get(`/api/events?${q}&limit=100000`)).body.features;
    const expected = new Map<string, number>();
    for (const e of events) {
      const [lng, lat] = e.geometry.coordinates;
      const c = latLngToCell(lat, lng, 9);
      expected.set(c, (expected.get(c) ?? 0) + e.properties.count);
    }
    const shown = new Map(body.cells.map((c: any) => [c.h3, c.value]));
    let inGrid = 0;
    for (const [cell, n] of expected) {
      if (shown.has(cell)) {
        expect(shown.get(cell)).toBe(n);
        inGrid += n;
      }
    }
    const total = events.reduce((s: number, e: any) => s + e.properties.count, 0);
    expect(inGrid + body.eventsOutsideCells).toBe(total);
    expect(body.cells.some((c: any) => c.class === 'hot')).toBe(true);
    const r7 = (await t.get(`/api/hotspots?resolution=7&${q}`)).body;
    expect(r7.cells.reduce((s: number, c: any) => s + c.value, 0) + r7.eventsOutsideCells).toBe(total);
  });

  it('returns only the events inside a bbox, and none to viewers', async () => {
    const bbox = [106.795, -6.193, 106.811, -6.181];
    const r = await t.get(`/api/events?bbox=${bbox.join(',')}&from=2025-11-01&to=2026-10-31`);
    expect(r.status).toBe(200);
    expect(r.body.features.length).toBeGreaterThan(0);
    for (const f of r.body.features) {
      const [lng, lat] = f.geometry.coordinates;
      expect(lng >= bbox[0] && lng <= bbox[2] && lat >= bbox[1] && lat <= bbox[3]).toBe(true);
    }
    expect((await t.get(`/api/events?bbox=${bbox.join(',')}`, 'viewer')).status).toBe(403);
  });
});
