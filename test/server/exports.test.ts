// Exports of the aggregated table: the CSV and GeoJSON carry the same figures as /api/indicators, and the viewer rule.
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
const q = 'level=kelurahan&from=2026-10-01&to=2026-10-31';

async function csv(as: 'viewer' | 'analyst') {
  const res = await t.request(`/api/exports/indicators.csv?${q}`, { as });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-disposition')).toMatch(/rawan-kelurahan-2026-10-01-2026-10-31\.csv/);
  const text = (await res.text()).replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, string>>(
    text
      .split('\n')
      .filter((l) => !l.startsWith('#'))
      .join('\n'),
    { header: true, skipEmptyLines: true },
  ).data;
}

describe('indicator exports', () => {
  it('CSV for analysts has every kelurahan with exact totals matching the API', async () => {
    const rows = await csv('analyst');
    const api = (await t.get(`/api/indicators?${q}`)).body;
    expect(rows).toHaveLength(267);
    expect(rows.reduce((s, r) => s + Number(r.total), 0)).toBe(api.totals.events);
    const boncos = rows.find((r) => r.code === '31.73.07.1006');
    expect(Number(boncos?.total)).toBe(api.areas.find((a: any) => a.code === '31.73.07.1006').total);
  });

  it('CSV for viewers withholds small counts like the screen', async () => {
    const rows = await csv('viewer');
    const screen = (await t.get(`/api/indicators?${q}`, 'viewer')).body.areas;
    for (const r of rows) {
      for (const k of ['prevention', 'early_detection', 'user_case', 'rehab_intake', 'dealer_arrest', 'total']) {
        const v = r[k];
        if (v !== '') expect(Number(v) === 0 || Number(v) >= 5).toBe(true);
      }
      const s = screen.find((a: any) => a.code === r.code);
      expect(r.total === '' ? null : Number(r.total)).toBe(s.total);
    }
    expect(rows.some((r) => r.total === '')).toBe(true);
  });

  it('GeoJSON carries geometry and the same properties as the API', async () => {
    const fc = await (await t.request(`/api/exports/indicators.geojson?level=focus&from=2026-10-01&to=2026-10-31`, { as: 'viewer' })).json();
    expect(fc.features).toHaveLength(3);
    expect(fc.features[0].geometry.type).toBe('Polygon');
    expect(fc.suppression.k).toBe(5);
  });

  it('refuses bad parameters with 400', async () => {
    expect((await t.request('/api/exports/indicators.csv?level=desa')).status).toBe(400);
  });
});
