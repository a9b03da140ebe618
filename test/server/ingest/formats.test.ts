// The file formats stewards export: zipped Shapefile in UTM 48S (reprojected), KML, CSV with WKT, decimal commas.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runImport, type ImportItem } from '../../../server/ingest/import-service.js';
import { readTable } from '../../../server/ingest/read-table.js';
import { parseMapping } from '../../../server/ingest/columns.js';
import { makeTestApp, type TestApp } from '../../helpers/test-app.js';

const fixture = (name: string) => readFileSync(resolve(process.cwd(), 'test/fixtures/import', name));
const opts = { dryRun: false, maxBytes: 50e6, today: '2026-11-23' };
/** The WGS84 points the fixtures were made from (see test/fixtures/import/README.md). */
const ORIGINAL: Array<[number, number]> = [
  [106.807423, -6.186348],
  [106.7975, -6.2012],
  [106.876946, -6.1157672],
];

describe('zipped Shapefile in UTM zone 48S', () => {
  it('is reprojected to WGS84 to within a centimetre', async () => {
    const t = await readTable('puskesmas_utm48s.zip', fixture('puskesmas_utm48s.zip'));
    expect(t.format).toBe('shapefile');
    expect(t.notes.map((n) => n.en).join(' ')).toMatch(/Reprojected from WGS_1984_UTM_Zone_48S to WGS84/);
    expect(t.notes.map((n) => n.id).join(' ')).toMatch(/Diproyeksikan ulang dari WGS_1984_UTM_Zone_48S ke WGS84/);
    expect(t.rows.map((r) => r.props.NAMA_PKM)).toEqual([
      'Puskesmas Kelurahan Kota Bambu Selatan',
      'Puskesmas Kecamatan Palmerah',
      'Puskesmas Kelurahan Tanjung Priok',
    ]);
    t.rows.forEach((r, i) => {
      if (r.geometry?.type !== 'Point') throw new Error('expected a point');
      expect(Math.abs(r.geometry.coordinates[0] - ORIGINAL[i][0])).toBeLessThan(1e-7);
      expect(Math.abs(r.geometry.coordinates[1] - ORIGINAL[i][1])).toBeLessThan(1e-7);
    });
  });

  it('imports puskesmas with mapped columns, capacity and rehab designation', async () => {
    const app = await makeTestApp();
    const item: ImportItem = { kind: 'facilities', fileName: 'puskesmas_utm48s.zip', bytes: fixture('puskesmas_utm48s.zip') };
    const out = await runImport(app.store, [item], { ...opts, mapping: parseMapping(['id=KODE', 'rehab=IPWL']) });
    expect(out.reports[0].errors).toBe(0);
    expect(out.reports[0].columns.used).toMatchObject({ id: 'KODE', name: 'NAMA_PKM', level: 'TIPE', capacity: 'KAPASITAS', rehab: 'IPWL' });
    const f = await app.store.listFacilities();
    expect(f.map((x) => [x.id, x.level, x.capacityPerMonth, x.rehab, x.areaCode])).toEqual([
      ['P-001', 'kelurahan', 12, true, '31.73.07.1006'],
      ['P-002', 'kecamatan', 40, false, expect.stringMatching(/^31\.73\.07\./)],
      ['P-003', 'kelurahan', 10, true, '31.72.02.1001'],
    ]);
  });

  it('imports a boundary polygon from UTM', async () => {
    const app = await makeTestApp();
    const out = await runImport(app.store, [{ kind: 'boundaries', fileName: 'kelurahan_utm48s.zip', bytes: fixture('kelurahan_utm48s.zip') }], opts);
    expect(out.reports[0].errors).toBe(0);
    const k = (await app.store.listAreas('kelurahan')).find((a) => a.code === '31.73.07.1006');
    expect(k?.approximate).toBe(false);
    const ring = k?.geometry.type === 'Polygon' ? k.geometry.coordinates[0] : [];
    const xs = ring.map((p) => p[0]);
    expect(Math.min(...xs)).toBeCloseTo(106.797, 6);
    expect(Math.max(...xs)).toBeCloseTo(106.8106, 6);
  });

  it('refuses a ZIP without a shapefile, and a bare .shp, with a reason', async () => {
    const app = await makeTestApp({ empty: true });
    const noShp = await runImport(
      app.store,
      [
        {
          kind: 'facilities',
          fileName: 'x.zip',
          bytes: fixture('puskesmas.kml').length ? new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) : new Uint8Array(),
        },
      ],
      opts,
    );
    expect(noShp.reports[0].issues[0].message).toMatch(/ZIP/);
    const bare = await runImport(app.store, [{ kind: 'facilities', fileName: 'x.shp', bytes: new Uint8Array([1, 2, 3]) }], opts);
    expect(bare.reports[0].issues[0].message).toMatch(/zip it with its \.dbf/);
  });
});

describe('KML', () => {
  it('reads placemarks with their extended data', async () => {
    const t = await readTable('puskesmas.kml', fixture('puskesmas.kml'));
    expect(t.format).toBe('kml');
    expect(t.rows).toHaveLength(3);
    expect(t.rows[2].props.NAMA_PKM).toBe('Puskesmas Kelurahan Tanjung Priok');
    expect(t.rows[2].geometry).toEqual({ type: 'Point', coordinates: ORIGINAL[2] });
  });

  it('says when XML is not KML or not well-formed', async () => {
    await expect(readTable('a.kml', Buffer.from('<gpx></gpx>'))).rejects.toThrow(/not KML/);
    await expect(readTable('a.kml', Buffer.from('<kml><Placemark>'))).rejects.toThrow(/well-formed|not KML/);
  });
});

describe('CSV', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await makeTestApp();
  });

  it('reads points from a WKT column and decimal commas with semicolons, with a BOM', async () => {
    const csv = '\uFEFFid;tanggal;jenis;wkt\nW1;2025-03-01;user_case;"POINT (106.8031 -6.1868)"\nW2;2025-03-02;prevention;POINT (106.87 -6.11)\n';
    const out = await runImport(app.store, [{ kind: 'events', fileName: 'e.csv', bytes: Buffer.from(csv) }], { ...opts, dryRun: true });
    expect(out.reports[0]).toMatchObject({ errors: 0, accepted: 2, format: 'csv' });
    expect(out.reports[0].notes[0]).toMatch(/WKT column "wkt"/);
    expect(out.reports[0].localizedNotes.id).toEqual(['Geometri dibaca dari kolom WKT "wkt".']);
  });

  it('reports unreadable WKT by row', async () => {
    const csv = 'id,date,type,geometry\nW1,2025-03-01,user_case,POINT (106.8031 -6.1868)\nW2,2025-03-02,user_case,POINT (banana)\n';
    const out = await runImport(app.store, [{ kind: 'events', fileName: 'e.csv', bytes: Buffer.from(csv) }], opts);
    expect(out.written).toBe(false);
    expect(out.reports[0].issues.map((i) => [i.row, i.code])).toEqual([[3, 'invalid_coordinates']]);
    expect(out.reports[0].issues[0].message).toMatch(/not valid WKT/);
  });

  it('reads boundaries from WKT polygons and refuses a self-crossing one by row', async () => {
    const csv = [
      'kode,nama,wkt',
      '31.73.07.1006,Kota Bambu Selatan,"POLYGON ((106.797 -6.1896, 106.8106 -6.1896, 106.8106 -6.184, 106.797 -6.184, 106.797 -6.1896))"',
      '31.73.07.1003,Kota Bambu Utara,"POLYGON ((106.80 -6.18, 106.81 -6.17, 106.81 -6.18, 106.80 -6.17, 106.80 -6.18))"',
    ].join('\n');
    const out = await runImport(app.store, [{ kind: 'boundaries', fileName: 'b.csv', bytes: Buffer.from(csv) }], { ...opts, dryRun: true });
    expect(out.reports[0].errors).toBe(1);
    expect(out.reports[0].accepted).toBe(1);
    expect(out.reports[0].issues.map((i) => [i.row, i.code, i.severity])).toEqual([[3, 'invalid_geometry', 'error']]);
    expect(out.reports[0].issues[0].message).toMatch(/crosses itself/);
    // The file's fix follows the reason, in both languages.
    expect(out.reports[0].issues[0].message).toMatch(/crosses itself at \d+ point\(s\), first near \([\d.]+, -[\d.]+\); fix the polygon \(e\.g\. ST_MakeValid or QGIS "Fix geometries"\) and import again$/);
    expect(out.reports[0].issues[0].localized.id).toMatch(/^batas wilayah memotong dirinya sendiri di \d+ titik, .*; perbaiki poligonnya \(misalnya ST_MakeValid atau "Fix geometries" di QGIS\) lalu impor lagi$/);
  });
});
