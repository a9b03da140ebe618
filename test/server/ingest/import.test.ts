// Imports through runImport: the real Jakarta reference files, and bad files that must leave the store exactly as it was.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { runImport, type ImportItem, type ImportKind } from '../../../server/ingest/import-service.js';
import { planJakartaDirectory } from '../../../server/ingest/jakarta-directory.js';
import { rollbackImport } from '../../../server/ingest/rollback-import.js';
import type { Store } from '../../../server/store/store.js';
import { makeTestApp, type TestApp } from '../../helpers/test-app.js';

const JAKARTA = resolve(process.cwd(), '../shared/data/jakarta');
const opts = { dryRun: false, maxBytes: 50e6, today: '2026-11-23' };
const file = (kind: ImportKind, fileName: string, text: string): ImportItem => ({ kind, fileName, bytes: Buffer.from(text, 'utf8') });

async function snapshot(store: Store): Promise<string> {
  const h = createHash('sha256');
  for (const level of ['kota', 'kecamatan', 'kelurahan'] as const) h.update(JSON.stringify(await store.listAreas(level)));
  h.update(JSON.stringify(await store.listFacilities()));
  h.update(JSON.stringify(await store.listFocusAreas()));
  h.update(
    JSON.stringify(
      await store.listEvents({
        from: '0001-01-01',
        to: '9999-12-31',
        types: ['prevention', 'early_detection', 'user_case', 'rehab_intake', 'dealer_arrest'],
        limit: 1e6,
      }),
    ),
  );
  return h.digest('hex');
}

describe.skipIf(!existsSync(JAKARTA))('import of the real Jakarta reference data (../shared/data/jakarta)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
    const items = planJakartaDirectory(JAKARTA).map((p) => ({ kind: p.kind, fileName: p.path, bytes: readFileSync(p.path) }));
    expect(items.map((i) => i.kind)).toEqual(['boundaries', 'boundaries', 'boundaries', 'facilities', 'population']);
    const out = await runImport(t.store, items, opts);
    expect(out.reports.map((r) => r.errors)).toEqual([0, 0, 0, 0, 0]);
    expect(out.written).toBe(true);
  });

  it('replaces every approximate boundary with the official one', async () => {
    for (const [level, n] of [
      ['kelurahan', 267],
      ['kecamatan', 44],
      ['kota', 6],
    ] as const) {
      const fc = (await t.get(`/api/areas?level=${level}`)).body;
      expect(fc.features).toHaveLength(n);
      expect(fc.features.every((f: any) => f.properties.approximate === false)).toBe(true);
    }
    const official = JSON.parse(readFileSync(resolve(JAKARTA, 'jakarta_kelurahan_cahyadsn.geojson'), 'utf8'));
    const mine = (await t.get('/api/areas?level=kelurahan')).body.features;
    const o = official.features.find((f: any) => f.properties.kode_kemendagri === '31.73.07.1006');
    expect(mine.find((f: any) => f.properties.code === '31.73.07.1006').geometry).toEqual(o.geometry);
  });

  it('serves the 334 puskesmas and no demo puskesmas remain', async () => {
    const fc = (await t.get('/api/facilities')).body;
    expect(fc.features).toHaveLength(334);
    expect(fc.features.some((f: any) => f.properties.synthetic)).toBe(false);
    const kbs = fc.features.find((f: any) => f.properties.name === 'Puskesmas Kelurahan Kota Bambu Selatan');
    // The registry's name is authoritative (its point falls in Kota Bambu Utara on the simplified polygons).
    expect(kbs.properties.areaCode).toBe('31.73.07.1006');
  });

  it('gives 253 kelurahan their Dukcapil population and uses it in the indicators', async () => {
    const csv = Papa.parse<Record<string, string>>(readFileSync(resolve(JAKARTA, 'jakarta_kelurahan_population_dukcapil2020.csv'), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const byCode = new Map(csv.map((r) => [r.kode_kemendagri, Number(r.jumlah_penduduk)]));
    const kel = (await t.get('/api/areas?level=kelurahan')).body.features;
    expect(kel.filter((f: any) => f.properties.population !== null)).toHaveLength(253);
    for (const f of kel) expect(f.properties.population).toBe(byCode.get(f.properties.code) ?? null);
    const ind = (await t.get('/api/indicators?level=kelurahan&from=2025-01-01&to=2025-12-31')).body.areas;
    const boncos = ind.find((a: any) => a.code === '31.73.07.1006');
    expect(boncos.population).toBe(byCode.get('31.73.07.1006'));
    expect(boncos.ratePer10k).toBeCloseTo((boncos.total / byCode.get('31.73.07.1006')!) * 1e4, 9);
    const setiabudi = ind.find((a: any) => !byCode.has(a.code));
    expect([setiabudi.population, setiabudi.ratePer10k]).toEqual([null, null]);
  });

  it('re-places every stored event in the official kelurahan, so indicators still add up', async () => {
    const ind = (await t.get('/api/indicators?level=kelurahan&from=2023-01-01&to=2026-12-31')).body;
    expect(ind.totals.outsideAreas).toBe(0);
    expect(ind.areas.reduce((s: number, a: any) => s + a.total, 0)).toBe(ind.totals.events);
  });

  it('is stored as one import with its five files, their rows, and the records written', async () => {
    const [rec] = await t.store.listImports(1);
    // Rows counted straight from the files: features of each GeoJSON, data lines of the CSV.
    const rowsOf = (file: string) =>
      file.endsWith('.csv') ? readFileSync(file, 'utf8').trim().split('\n').length - 1 : JSON.parse(readFileSync(file, 'utf8')).features.length;
    const files = rec.files.map((f) => [f.kind, basename(f.file), f.rows]).sort((x, y) => String(x[1]).localeCompare(String(y[1])));
    expect(files).toEqual([
      ['boundaries', 'jakarta_kecamatan_cahyadsn.geojson', rowsOf(resolve(JAKARTA, 'jakarta_kecamatan_cahyadsn.geojson'))],
      ['boundaries', 'jakarta_kelurahan_cahyadsn.geojson', rowsOf(resolve(JAKARTA, 'jakarta_kelurahan_cahyadsn.geojson'))],
      ['population', 'jakarta_kelurahan_population_dukcapil2020.csv', rowsOf(resolve(JAKARTA, 'jakarta_kelurahan_population_dukcapil2020.csv'))],
      ['boundaries', 'jakarta_kota_cahyadsn.geojson', rowsOf(resolve(JAKARTA, 'jakarta_kota_cahyadsn.geojson'))],
      ['facilities', 'jakarta_puskesmas_petadasar.geojson', rowsOf(resolve(JAKARTA, 'jakarta_puskesmas_petadasar.geojson'))],
    ]);
    expect([rec.status, rec.by]).toEqual(['applied', null]);
    expect(rec.records).toBe(6 + 44 + 267 + 334 + 253);
  });

  it('updates instead of duplicating when the same registry is imported again (CSV this time)', async () => {
    const csv = resolve(JAKARTA, 'jakarta_puskesmas_petadasar.csv');
    const out = await runImport(t.store, [{ kind: 'facilities', fileName: csv, bytes: readFileSync(csv) }], opts);
    expect(out.written).toBe(true);
    expect((await t.get('/api/facilities')).body.features).toHaveLength(334);
  });
});

describe.skipIf(!existsSync(JAKARTA))('rolling back the import of the real Jakarta reference data', () => {
  it('leaves the store as it was before: built-in boundaries, puskesmas and population back, every event in its old kelurahan', async () => {
    const t = await makeTestApp();
    const before = await snapshot(t.store);
    const indicatorsBefore = (await t.get('/api/indicators?level=kelurahan&from=2023-01-01&to=2026-12-31')).body;
    const items = planJakartaDirectory(JAKARTA).map((p) => ({ kind: p.kind, fileName: p.path, bytes: readFileSync(p.path) }));
    const out = await runImport(t.store, items, opts);
    expect(out.written).toBe(true);
    expect(await snapshot(t.store)).not.toBe(before);
    const r = await rollbackImport(t.store, out.importId ?? '', 'test');
    // Population is a column of the kelurahan rows: the removed kelurahan take theirs with them.
    expect(r.removed).toBeGreaterThan(0);
    expect(await snapshot(t.store)).toBe(before);
    const indicatorsAfter = (await t.get('/api/indicators?level=kelurahan&from=2023-01-01&to=2026-12-31')).body;
    expect(indicatorsAfter).toEqual(indicatorsBefore);
  });
});

describe('bad import files are refused with a row-numbered report and change nothing', () => {
  let t: TestApp;
  let before: string;
  beforeAll(async () => {
    t = await makeTestApp();
    before = await snapshot(t.store);
  });

  it('events CSV with some bad rows: every problem is reported by line, nothing is written', async () => {
    const csv = [
      'id;tanggal;jenis;lat;lon',
      'E1;2025-04-11;user_case;-6,1868;106,8031', // good (line 2)
      'E2;2025-13-01;user_case;-6.18;106.80', // bad date
      'E3;2025-04-11;heroin;-6.18;106.80', // unknown type
      'E4;2025-04-11;dealer_arrest;106.80;-6.18', // swapped
      'E1;2025-04-12;user_case;-6.18;106.80', // duplicate id
      'E6;2030-01-01;prevention;-6.18;106.80', // future
      'E7;2025-04-11;prevention;-7.80;110.37', // Yogyakarta
      'E8;2025-04-11;pencegahan;;', // no location
    ].join('\n');
    const out = await runImport(t.store, [file('events', 'kasus.csv', csv)], opts);
    expect(out.ok).toBe(false);
    expect(out.written).toBe(false);
    const r = out.reports[0];
    expect(r.rows).toBe(8);
    expect(r.accepted).toBe(1);
    expect(r.issues.map((i) => [i.row, i.code])).toEqual([
      [3, 'invalid_date'],
      [4, 'unknown_type'],
      [5, 'swapped_coordinates'],
      [6, 'duplicate_id'],
      [7, 'future_date'],
      [8, 'invalid_coordinates'],
      [9, 'missing_value'],
    ]);
    expect(r.issues[2].message).toMatch(/look swapped/);
    expect(r.issues[5].message).toMatch(/outside the study area/);
    // The same problems for the dashboard in Bahasa Indonesia, with the row's own values.
    expect(r.issues.map((i) => i.localized.id)).toEqual([
      'tanggal "2025-13-01" bukan tanggal yang ada di kalender',
      'jenis kejadian "heroin" tidak dikenal; gunakan salah satu dari prevention, early_detection, user_case, rehab_intake, dealer_arrest',
      'lintang 106.8 dan bujur -6.18 tampaknya tertukar (Jakarta ada di sekitar bujur 106,8, lintang −6,2)',
      'id E1 muncul lagi (pertama di baris 2)',
      'tanggal 2030-01-01 ada di masa depan (hari ini 2026-11-23)',
      'titik (110.37, -7.8) di luar wilayah kajian (DKI Jakarta, bujur 106,3..107,1, lintang −6,5..−5,1)',
      'tidak punya koordinat maupun kode kelurahan',
    ]);
    expect(await snapshot(t.store)).toBe(before);
  });

  it('a boundary file with an unclosed ring and a missing code is refused', async () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { kode: '31.71.01.1001', nama: 'Gambir' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [106.81, -6.17],
                [106.83, -6.17],
                [106.83, -6.18],
                [106.81, -6.18],
              ],
            ],
          },
        },
        {
          type: 'Feature',
          properties: { nama: 'Tanpa kode' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [106.81, -6.17],
                [106.83, -6.17],
                [106.83, -6.18],
                [106.81, -6.17],
              ],
            ],
          },
        },
      ],
    };
    const out = await runImport(t.store, [file('boundaries', 'batas.geojson', JSON.stringify(fc))], opts);
    expect(out.ok).toBe(false);
    expect(out.reports[0].issues.map((i) => [i.row, i.code])).toEqual([
      [1, 'invalid_geometry'],
      [2, 'invalid_code'],
    ]);
    expect(out.reports[0].issues[0].message).toMatch(/not closed/);
    expect(await snapshot(t.store)).toBe(before);
  });

  it('one bad file in a multi-file import blocks all of them', async () => {
    const goodPop = 'kode_kemendagri,jumlah_penduduk\n31.73.07.1006,30000\n';
    const badFac = 'nama,lat,lon\nPuskesmas Kelurahan X,-6.2,\n';
    const out = await runImport(t.store, [file('population', 'pop.csv', goodPop), file('facilities', 'pkm.csv', badFac)], opts);
    expect(out.reports.map((r) => r.errors)).toEqual([0, 1]);
    expect(out.written).toBe(false);
    expect(await snapshot(t.store)).toBe(before);
  });

  it.each([
    ['not json', 'boundaries', 'x.geojson', '{"type": "FeatureCollection", "features": [', 'unreadable_file'],
    ['wrong JSON', 'boundaries', 'x.geojson', '{"hello": 1}', 'unreadable_file'],
    ['missing columns', 'population', 'p.csv', 'name,value\nA,1\n', 'missing_column'],
    ['header only', 'events', 'e.csv', 'id,date,type,lat,lon\n', 'empty_file'],
    ['unknown code', 'population', 'p.csv', 'kode,penduduk\n31.99.99.9999,100\n', 'unknown_area_code'],
  ] as const)('%s', async (_label, kind, name, text, code) => {
    const out = await runImport(t.store, [file(kind, name, text)], opts);
    expect(out.ok).toBe(false);
    expect(out.reports[0].summary[code]).toBeGreaterThan(0);
    expect(await snapshot(t.store)).toBe(before);
  });

  it('refuses files over the size limit with a message saying the limit', async () => {
    const out = await runImport(t.store, [file('events', 'big.csv', 'x'.repeat(2000))], { ...opts, maxBytes: 1000 });
    expect(out.reports[0].issues[0].message).toMatch(/limit is/);
    expect(await snapshot(t.store)).toBe(before);
  });

  it('a dry run validates without writing', async () => {
    const csv = 'id,date,type,lat,lon\nN1,2025-05-01,rehab_intake,-6.1868,106.8031\n';
    const out = await runImport(t.store, [file('events', 'e.csv', csv)], { ...opts, dryRun: true });
    expect([out.ok, out.written, out.reports[0].accepted]).toEqual([true, false, 1]);
    expect(await snapshot(t.store)).toBe(before);
  });
});

describe('a valid events file', () => {
  it('is placed in its kelurahan and focus area and shows up in the indicators', async () => {
    const t = await makeTestApp();
    const before = (await t.get('/api/indicators?level=focus&from=2026-11-01&to=2026-11-20')).body.areas.find((a: any) => a.code === 'kampung-boncos').total;
    const csv = 'id,date,type,lat,lon,count\nN1,2026-11-02,user_case,-6.1868,106.8031,3\nN2,2026-11-03,prevention,-6.2500,106.8500,\n';
    const out = await runImport(t.store, [file('events', 'e.csv', csv)], opts);
    expect(out.written).toBe(true);
    const ind = (await t.get('/api/indicators?level=focus&from=2026-11-01&to=2026-11-20')).body;
    expect(ind.areas.find((a: any) => a.code === 'kampung-boncos').total).toBe(before + 3);
    const kel = (await t.get('/api/indicators?level=kelurahan&from=2026-11-01&to=2026-11-20&types=user_case')).body.areas;
    expect(kel.find((a: any) => a.code === '31.73.07.1006').total).toBe(3);
  });
});
