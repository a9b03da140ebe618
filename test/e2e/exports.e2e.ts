// The dashboard's exports: the map as a PNG (downloaded and decoded in the browser), and the table (CSV) and areas
// (GeoJSON) links answering with the current filters.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { pixelStats, waitForMap } from './browser';
import { e2eSession, SHOTS } from './session';

const VIEWPORT = { width: 1440, height: 900 };

const e2e = e2eSession();

describe('exports', () => {
  test('the map downloads as a PNG with title and legend; CSV and GeoJSON links carry the current filters', async () => {
    const page = await e2e.browser.newPage({ viewport: VIEWPORT, acceptDownloads: true });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(`${e2e.server.url}/`);
    const first = await waitForMap(page, { choroplethKey: () => true });
    // Narrow the filters so the links have something to carry: 6 months, without prevention, at kecamatan level.
    await page.getByRole('button', { name: '6 bln' }).click();
    await page.getByRole('checkbox', { name: /Pencegahan/ }).uncheck();
    await page.getByLabel('Tingkat wilayah').selectOption('kecamatan');
    await waitForMap(page, { afterFrames: first.deckFrames, choroplethKey: (k) => k.startsWith('kecamatan|') && !k.includes('prevention') });
    const url = new URL(page.url());

    await page.getByRole('group', { name: 'Ekspor' }).waitFor();

    // PNG: keyboard-operable button, a real download.
    const button = page.getByRole('button', { name: 'Peta (PNG)' });
    await button.focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    assert.match(download.suggestedFilename(), /^rawan-peta-kecamatan-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.png$/);
    const file = await download.path();
    const png = readFileSync(file);
    writeFileSync(join(SHOTS, 'export-map.png'), png);
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    const mapBox = await page.getByTestId('map').boundingBox();
    assert.ok(mapBox);
    assert.ok(width >= Math.floor(mapBox.width) && height > mapBox.height, `PNG ${width}×${height}, map ${mapBox.width}×${mapBox.height}`);
    const stats = await pixelStats(e2e.browser, png);
    assert.ok(stats.distinctColours >= 40, `only ${stats.distinctColours} colours in the PNG`);
    assert.ok(stats.dominantShare < 0.7, `one colour covers ${(stats.dominantShare * 100).toFixed(0)}% of the PNG`);
    assert.equal(await page.getByTestId('export-status').textContent(), '');

    // CSV and GeoJSON: the links carry the view's filters and answer.
    for (const [testId, path] of [
      ['export-table-csv', '/api/exports/indicators.csv'],
      ['export-areas-geojson', '/api/exports/indicators.geojson'],
    ] as const) {
      const link = page.getByTestId(testId);
      assert.equal(await link.getAttribute('download'), '');
      const href = new URL((await link.getAttribute('href')) ?? '', e2e.server.url);
      assert.equal(href.pathname, path);
      assert.equal(href.searchParams.get('level'), 'kecamatan');
      assert.equal(href.searchParams.get('from'), url.searchParams.get('from'));
      assert.equal(href.searchParams.get('to'), url.searchParams.get('to'));
      assert.ok(!(href.searchParams.get('types') ?? '').includes('prevention'), href.toString());
      const res = await page.request.get(href.toString());
      assert.equal(res.status(), 200, `${href}`);
      if (testId === 'export-table-csv') {
        const text = (await res.text()).replace(/^\uFEFF/, '');
        assert.match(text.split('\n')[0], /^code,name,level,/);
        assert.ok(!text.split('\n')[0].includes('prevention'), text.split('\n')[0]);
        assert.ok(text.split('\n').filter((l) => l.startsWith('31.')).length > 10, 'kecamatan rows');
      } else {
        const body = (await res.json()) as { type: string; features: { properties: { level: string } }[]; period: { from: string; to: string } };
        assert.equal(body.type, 'FeatureCollection');
        assert.ok(body.features.length > 10);
        assert.equal(body.features[0].properties.level, 'kecamatan');
        assert.equal(body.period.from, url.searchParams.get('from'));
      }
    }

    // English labels.
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('button', { name: 'Map (PNG)' }).waitFor();
    assert.ok(await page.getByRole('link', { name: 'Table (CSV)' }).isVisible());
    assert.ok(await page.getByRole('link', { name: 'Areas (GeoJSON)' }).isVisible());
    await page.close();
  });
});
