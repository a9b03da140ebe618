// The admin page's dry-run preview reads files as the server does: same row numbers, decimal commas, semicolons, WKT.
import { describe, expect, test } from 'vitest';
import { readTable } from '../../server/ingest/read-table';
import { boundsOf, buildPreview, previewFormat, readNumber } from '../../web/admin/preview-parse';
import { parseNumber } from '../../server/ingest/values';

const enc = (s: string) => new TextEncoder().encode(s);

describe('buildPreview', () => {
  test('CSV rows carry the numbers the server reports (header is line 1, blank lines skipped) and errors are marked', async () => {
    const csv = '\uFEFFid;jenis;lat;lon\r\na;user_case;-6,2;106,8\r\n\r\nb;user_case;-6,21;106,81\r\n"c; quoted";user_case;-6,22;106,82\r\n';
    const server = await readTable('x.csv', enc(csv));
    const preview = buildPreview('x.csv', csv, { lat: 'lat', lng: 'lon' }, new Set([server.rows[1].row]));
    expect(preview.kind).toBe('features');
    if (preview.kind !== 'features') return;
    expect(preview.collection.features.map((f) => f.properties.row)).toEqual(server.rows.map((r) => r.row));
    expect(preview.collection.features.map((f) => f.geometry)).toEqual([
      { type: 'Point', coordinates: [106.8, -6.2] },
      { type: 'Point', coordinates: [106.81, -6.21] },
      { type: 'Point', coordinates: [106.82, -6.22] },
    ]);
    expect(preview.collection.features.map((f) => f.properties.valid)).toEqual([true, false, true]);
    expect([preview.valid, preview.invalid]).toEqual([2, 1]);
  });

  test('GeoJSON features are numbered from 1 like the server; features without drawable geometry are left out', async () => {
    const doc = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [106.8, -6.2],
                [106.81, -6.2],
                [106.81, -6.19],
                [106.8, -6.2],
              ],
            ],
          },
        },
        { type: 'Feature', properties: {}, geometry: null },
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [106.9, -6.1] } },
      ],
    });
    const server = await readTable('x.geojson', enc(doc));
    const preview = buildPreview('x.geojson', doc, {}, new Set([3]));
    expect(preview.kind).toBe('features');
    if (preview.kind !== 'features') return;
    expect(preview.collection.features.map((f) => f.properties.row)).toEqual([server.rows[0].row, server.rows[2].row]);
    expect(preview.collection.features.map((f) => f.properties.valid)).toEqual([true, false]);
    expect(boundsOf(preview.collection)).toEqual([106.8, -6.2, 106.9, -6.1]);
  });

  test('a WKT column gives polygons for boundaries; unreadable WKT is skipped', () => {
    const csv =
      'kode,nama,wkt\n31.73.07.1006,Kota Bambu Selatan,"POLYGON((106.797 -6.1896, 106.8106 -6.1896, 106.8106 -6.184, 106.797 -6.1896))"\n31.73.07.1007,X,"POLYGON((oops"\n';
    const preview = buildPreview('b.csv', csv, { code: 'kode', name: 'nama' }, new Set());
    expect(preview.kind).toBe('features');
    if (preview.kind !== 'features') return;
    expect(preview.collection.features).toHaveLength(1);
    expect(preview.collection.features[0].geometry.type).toBe('Polygon');
    expect(preview.collection.features[0].properties.row).toBe(2);
  });

  test('says why there is no preview: zip and KML are read on the server, a population table has no locations', () => {
    expect(buildPreview('a.zip', 'PK\u0003\u0004…', {}, new Set())).toEqual({ kind: 'server-only' });
    expect(buildPreview('a.kml', '<?xml version="1.0"?><kml/>', {}, new Set())).toEqual({ kind: 'server-only' });
    expect(buildPreview('p.csv', 'kode,jumlah_penduduk\n31.71.01.1001,2939\n', { code: 'kode' }, new Set())).toEqual({ kind: 'no-geometry' });
    expect(buildPreview('p.geojson', '{"type": "FeatureCollection", "features": [', {}, new Set())).toEqual({ kind: 'unreadable' });
  });

  test('previewFormat follows the name, then the first bytes', () => {
    expect(previewFormat('data.txt', '{"type":"FeatureCollection"')).toBe('geojson');
    expect(previewFormat('data.txt', 'id,lat,lon')).toBe('csv');
    expect(previewFormat('export', 'PK\u0003\u0004')).toBe('server-only');
  });
});

describe('readNumber', () => {
  test('reads numbers exactly as the server does', () => {
    for (const raw of ['-6,2', '106.8', '1.234,5', '1,234.5', ' 7 ', '1e3', '-', 'abc', '', '106,8,1']) {
      const server = parseNumber(raw);
      expect(readNumber(raw), raw).toBe(server.ok ? server.value : null);
    }
  });
});
