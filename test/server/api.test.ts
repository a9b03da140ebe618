// The HTTP API through app.request(): contract shapes, indicator consistency against raw events, and 400s for bad input.
import * as turf from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../server/domain/types.js';
import { makeTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});

interface Ind {
  code: string;
  parentCode: string | null;
  total: number;
  previousTotal: number;
  change: number;
  changePct: number | null;
  population: number | null;
  ratePer10k: number | null;
  counts: Record<string, number>;
  rank: number;
}

/** Sum of `count` over the raw events a filter selects, read through /api/events — independent of the indicator code. */
async function eventSum(from: string, to: string, types: readonly string[], where: (p: any) => boolean = () => true) {
  const r = await t.get(`/api/events?from=${from}&to=${to}&types=${types.join(',')}&limit=100000`);
  expect(r.status).toBe(200);
  expect(r.body.meta.truncated).toBe(false);
  return r.body.features.filter((f: any) => where(f.properties)).reduce((s: number, f: any) => s + f.properties.count, 0);
}

describe('GET /api/health', () => {
  it('reports the store and version', async () => {
    const r = await t.get('/api/health');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ok: true, store: t.store.kind, version: 'test' });
  });
});

describe('GET /api/areas', () => {
  it.each([
    ['kelurahan', 267],
    ['kecamatan', 44],
    ['kota', 6],
  ])('level=%s returns %i valid polygons with code, name, level, parentCode and provenance', async (level, n) => {
    const r = await t.get(`/api/areas?level=${level}`);
    expect(r.status).toBe(200);
    expect(r.body.type).toBe('FeatureCollection');
    expect(r.body.features).toHaveLength(n);
    for (const f of r.body.features) {
      expect(f.properties.level).toBe(level);
      expect(typeof f.properties.code).toBe('string');
      expect(f.properties.name.length).toBeGreaterThan(0);
      expect(f.properties).toHaveProperty('parentCode');
      expect(f.properties).toHaveProperty('source');
      expect(f.properties.approximate).toBe(true);
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
      expect(turf.booleanValid(f)).toBe(true);
    }
  });

  it('defaults to kelurahan', async () => {
    expect((await t.get('/api/areas')).body.features).toHaveLength(267);
  });

  it('level=focus returns the three focus areas with slug ids and their kelurahan codes', async () => {
    const r = await t.get('/api/areas?level=focus');
    const props = r.body.features.map((f: any) => [f.properties.id, f.properties.kelurahanCode]).sort();
    expect(props).toEqual([
      ['kampung-ambon', '31.73.01.1004'],
      ['kampung-bahari', '31.72.02.1001'],
      ['kampung-boncos', '31.73.07.1006'],
    ]);
    for (const f of r.body.features) expect(f.properties.approximate).toBe(true);
  });
});

describe('GET /api/facilities', () => {
  it('returns demo puskesmas points marked synthetic', async () => {
    const r = await t.get('/api/facilities');
    expect(r.body.features.length).toBeGreaterThan(200);
    for (const f of r.body.features) {
      expect(f.geometry.type).toBe('Point');
      expect(['kecamatan', 'kelurahan']).toContain(f.properties.level);
      expect(f.properties.synthetic).toBe(true);
    }
  });
});

describe('GET /api/indicators consistency', () => {
  const filters = [
    { from: '2025-01-01', to: '2025-12-31', types: EVENT_TYPES },
    { from: '2024-03-15', to: '2024-06-14', types: ['user_case', 'dealer_arrest'] },
    { from: '2026-10-01', to: '2026-10-31', types: ['early_detection'] },
    { from: '2023-01-01', to: '2023-01-01', types: ['prevention', 'rehab_intake'] },
  ] as const;

  it.each(filters)('kelurahan totals sum to the events in range ($from..$to, $types)', async ({ from, to, types }) => {
    const r = await t.get(`/api/indicators?level=kelurahan&from=${from}&to=${to}&types=${types.join(',')}`);
    expect(r.status).toBe(200);
    const areas: Ind[] = r.body.areas;
    expect(areas).toHaveLength(267);
    const expected = await eventSum(from, to, types);
    expect(areas.reduce((s, a) => s + a.total, 0)).toBe(expected);
    expect(r.body.totals.events).toBe(expected);
    for (const a of areas) expect(Object.values(a.counts).reduce((s, n) => s + n, 0)).toBe(a.total);
  });

  it.each(filters)('kecamatan and kota totals equal the sum of their kelurahan ($from..$to)', async ({ from, to, types }) => {
    const q = `from=${from}&to=${to}&types=${types.join(',')}`;
    const kel: Ind[] = (await t.get(`/api/indicators?level=kelurahan&${q}`)).body.areas;
    const kec: Ind[] = (await t.get(`/api/indicators?level=kecamatan&${q}`)).body.areas;
    const kota: Ind[] = (await t.get(`/api/indicators?level=kota&${q}`)).body.areas;
    expect(kec).toHaveLength(44);
    expect(kota).toHaveLength(6);
    for (const k of kec) expect(k.total).toBe(kel.filter((x) => x.parentCode === k.code).reduce((s, x) => s + x.total, 0));
    for (const k of kota) expect(k.total).toBe(kec.filter((x) => x.parentCode === k.code).reduce((s, x) => s + x.total, 0));
  });

  it('compares with the previous period of equal length, counted from raw events', async () => {
    const r = await t.get('/api/indicators?level=kelurahan&from=2025-04-01&to=2025-06-30&types=user_case');
    expect(r.body.previousPeriod).toEqual({ from: '2024-12-31', to: '2025-03-31' });
    const code = '31.73.07.1006';
    const a: Ind = r.body.areas.find((x: Ind) => x.code === code);
    const now = await eventSum('2025-04-01', '2025-06-30', ['user_case'], (p) => p.areaCode === code);
    const before = await eventSum('2024-12-31', '2025-03-31', ['user_case'], (p) => p.areaCode === code);
    expect([a.total, a.previousTotal, a.change]).toEqual([now, before, now - before]);
    expect(a.changePct).toBeCloseTo(((now - before) / before) * 100, 9);
  });

  it('computes the rate per 10,000 from the area population', async () => {
    const r = await t.get('/api/indicators?level=kelurahan&from=2025-01-01&to=2025-12-31');
    const pops = (await t.get('/api/areas?level=kelurahan')).body.features;
    for (const a of r.body.areas as Ind[]) {
      const pop = pops.find((f: any) => f.properties.code === a.code).properties.population;
      expect(a.population).toBe(pop);
      expect(a.ratePer10k).toBeCloseTo((a.total / pop) * 10000, 9);
    }
  });

  it('ranks areas by total, most events first, ties sharing a rank', async () => {
    const areas: Ind[] = (await t.get('/api/indicators?level=kecamatan&from=2025-01-01&to=2025-12-31')).body.areas;
    const sorted = [...areas].sort((a, b) => b.total - a.total);
    expect(sorted[0].rank).toBe(1);
    for (const a of areas) expect(a.rank).toBe(1 + areas.filter((b) => b.total > a.total).length);
  });

  it('counts focus areas from events inside their outlines', async () => {
    const r = await t.get('/api/indicators?level=focus&from=2025-01-01&to=2025-12-31');
    expect(r.body.areas.map((a: Ind) => a.code).sort()).toEqual(['kampung-ambon', 'kampung-bahari', 'kampung-boncos']);
    for (const a of r.body.areas as Ind[]) {
      expect(a.total).toBe(await eventSum('2025-01-01', '2025-12-31', EVENT_TYPES, (p) => p.focusAreaId === a.code));
      expect(a.total).toBeGreaterThan(50);
    }
  });

  it('defaults to the year ending on the latest event', async () => {
    const r = await t.get('/api/indicators');
    expect(r.body.period).toEqual({ from: '2025-11-01', to: '2026-10-31', days: 365 });
  });
});

describe('GET /api/indicators/trend', () => {
  it('gives monthly totals that add up to the indicator total', async () => {
    const tr = await t.get('/api/indicators/trend?area=kampung-boncos&from=2025-01-01&to=2025-12-31');
    expect(tr.status).toBe(200);
    expect(tr.body.months).toHaveLength(12);
    const ind = await t.get('/api/indicators?level=focus&from=2025-01-01&to=2025-12-31');
    const total = ind.body.areas.find((a: Ind) => a.code === 'kampung-boncos').total;
    expect(tr.body.months.reduce((s: number, m: any) => s + m.total, 0)).toBe(total);
  });

  it('answers 404 for an unknown area', async () => {
    const r = await t.get('/api/indicators/trend?area=31.99.99.9999');
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('not_found');
  });
});

describe('GET /api/events', () => {
  it('returns only points inside the bbox, in the period and of the types asked', async () => {
    const bbox = [106.79, -6.2, 106.815, -6.175];
    const r = await t.get(`/api/events?bbox=${bbox.join(',')}&from=2025-01-01&to=2025-06-30&types=user_case,dealer_arrest`);
    expect(r.body.features.length).toBeGreaterThan(10);
    for (const f of r.body.features) {
      const [x, y] = f.geometry.coordinates;
      expect(x >= bbox[0] && x <= bbox[2] && y >= bbox[1] && y <= bbox[3]).toBe(true);
      expect(f.properties.date >= '2025-01-01' && f.properties.date <= '2025-06-30').toBe(true);
      expect(['user_case', 'dealer_arrest']).toContain(f.properties.type);
      expect(f.properties.synthetic).toBe(true);
    }
  });

  it('returns every event inside the box, not only some (random boxes against the whole period filtered here)', async () => {
    const period = 'from=2025-01-01&to=2025-12-31';
    const all = (await t.get(`/api/events?${period}&limit=100000`)).body.features;
    expect(all.length).toBeGreaterThan(1000);
    let rnd = 20251202;
    const next = () => ((rnd = (Math.imul(rnd, 1103515245) + 12345) >>> 0) / 4294967296);
    for (let k = 0; k < 12; k++) {
      // Boxes from a few hundred metres to half a degree, over Jakarta and its edges.
      const size = 0.003 + 0.5 * next() ** 3;
      const w = 106.65 + 0.35 * next();
      const s = -6.4 + 0.3 * next();
      const bbox = [w, s, w + size, s + size * (0.5 + next())].map((v) => Number(v.toFixed(5)));
      const want = all
        .filter((f: any) => {
          const [x, y] = f.geometry.coordinates;
          return x >= bbox[0] && x <= bbox[2] && y >= bbox[1] && y <= bbox[3];
        })
        .map((f: any) => f.properties.id)
        .sort();
      const got = (await t.get(`/api/events?bbox=${bbox.join(',')}&${period}&limit=100000`)).body.features.map((f: any) => f.properties.id).sort();
      expect(got, `bbox ${bbox.join(',')}`).toEqual(want);
    }
  });

  it('says when the result was truncated at the limit', async () => {
    const r = await t.get('/api/events?limit=5');
    expect(r.body.features).toHaveLength(5);
    expect(r.body.meta).toEqual({ returned: 5, limit: 5, truncated: true });
  });
});

describe('malformed parameters answer 400 with the error format', () => {
  it.each([
    ['/api/indicators?from=2024-13-01', 'from'],
    ['/api/indicators?from=2024-02-30', 'from'],
    ['/api/indicators?to=yesterday', 'to'],
    ['/api/indicators?level=desa', 'level'],
    ['/api/areas?level=desa', 'level'],
    ['/api/events?bbox=1,2,3', 'bbox'],
    ['/api/events?bbox=106.9,-6.2,106.8,-6.1', 'bbox'],
    ['/api/events?bbox=a,b,c,d', 'bbox'],
    ['/api/events?bbox=200,-6.2,201,-6.1', 'bbox'],
    ['/api/events?types=user_case,heroin', 'types'],
    ['/api/events?types=', 'types'],
    ['/api/events?limit=-1', 'limit'],
    ['/api/events?limit=1e9', 'limit'],
    ['/api/indicators?from=2025-02-01&to=2025-01-01', 'from'],
  ])('%s', async (path, field) => {
    const r = await t.get(path);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_parameter');
    expect(typeof r.body.error.message).toBe('string');
    expect(r.body.error.message).toContain(field);
    expect(r.body.error.details[0].path).toBe(field);
  });

  it('unknown endpoints answer 404 JSON', async () => {
    const r = await t.get('/api/nope');
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('not_found');
  });
});
