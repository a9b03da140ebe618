// Drives the analysis views in headless Chromium: the H3 hot spot layer over the focus areas (what is requested and drawn), and a coverage plan run, drawn, saved, reopened and exported by an admin.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { pixelsAt, probeOf, waitForMap } from './browser';
import { e2eSession, SHOTS } from './session';

const VIEWPORT = { width: 1440, height: 900 };
const ADMIN_PASSWORD = process.env.RAWAN_E2E_ADMIN_PASSWORD ?? 'e2e-admin-password';

const e2e = e2eSession();

interface FocusFeature {
  properties: { id: string; name: string };
  geometry: { type: string; coordinates: unknown };
}

/** The middle of each focus area's bounding box, from the API the map draws them from. */
async function focusCentres(): Promise<{ id: string; centre: [number, number] }[]> {
  const res = await fetch(`${e2e.server.url}/api/areas?level=focus`);
  const body: { features: FocusFeature[] } = await res.json();
  return body.features.map((f) => {
    const flat =
      JSON.stringify(f.geometry.coordinates)
        .match(/-?\d+(\.\d+)?/g)
        ?.map(Number) ?? [];
    const xs = flat.filter((_, i) => i % 2 === 0);
    const ys = flat.filter((_, i) => i % 2 === 1);
    return { id: f.properties.id, centre: [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2] };
  });
}

async function project(page: Page, lngLat: [number, number]): Promise<[number, number]> {
  return page.evaluate((ll) => window.__rawan?.project?.(ll) ?? [Number.NaN, Number.NaN], lngLat);
}

describe('hot spots', () => {
  test('the H3 layer requests /api/hotspots and draws hot cells over the focus areas; the legend explains the confidence levels', async () => {
    const page = await e2e.browser.newPage({ viewport: VIEWPORT });
    const hotspotUrls: URL[] = [];
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.pathname === '/api/hotspots') hotspotUrls.push(u);
    });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    // Resolution 8, Gi* with FDR at 95%, choropleth off so the hexagons are drawn on the plain basemap.
    await page.goto(`${e2e.server.url}/?layers=hotspots,focus&hs=gistar&res=8&conf=95&fdr=1`);
    await waitForMap(page, { timeout: 90_000 });
    await page.waitForFunction(() => (window.__rawan?.hotspotCells ?? 0) > 0, null, { timeout: 60_000 });
    const settled = await waitForMap(page);
    assert.ok(settled.layerIds.includes('hotspots'), `layers: ${settled.layerIds.join(', ')}`);
    assert.ok(hotspotUrls.length > 0, 'the map should ask /api/hotspots');
    const q = hotspotUrls[hotspotUrls.length - 1].searchParams;
    assert.equal(q.get('method'), 'gistar');
    assert.equal(q.get('resolution'), '8');
    assert.equal(q.get('fdr'), 'true');
    assert.equal(q.get('alpha'), '0.05');

    // What is drawn: at the focus-area centres the pixels are red (hot), not the grey basemap or the purple outline.
    const centres = await focusCentres();
    assert.equal(centres.length, 3);
    const mapBox = await page.locator('.map-area').boundingBox();
    assert.ok(mapBox);
    const points = await Promise.all(centres.map((c) => project(page, c.centre)));
    const shot = await page.locator('.map-area').screenshot();
    const colours = await pixelsAt(e2e.browser, shot, points);
    const hot = colours.filter(([r, g, b]) => r > g + 60 && r > b + 40);
    assert.ok(hot.length >= 2, `expected hot cells at the focus areas, got ${JSON.stringify(colours)} at ${JSON.stringify(points)}`);

    const legend = page.getByTestId('hotspot-legend');
    assert.match((await legend.textContent()) ?? '', /Hotspot 99%.*Hotspot 95%.*Tidak signifikan/s);
    assert.match((await legend.textContent()) ?? '', /1,96.*p < 0.05/);
    await page.screenshot({ path: join(SHOTS, 'hotspots.png') });

    // English legend, then the emerging view with its own request and categories.
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    assert.match((await legend.textContent()) ?? '', /Hot spot 99%|Hotspot 99%/);
    assert.match((await legend.textContent()) ?? '', /confidence levels/);
    const emerging = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/hotspots/emerging');
    await page.getByLabel('Method').selectOption('emerging');
    await emerging;
    await page.waitForFunction(() => window.__rawan?.layerIds.includes('emerging') === true, null, { timeout: 60_000 });
    await legend
      .getByText(/Persistent hot spot|New hot spot|Sporadic hot spot/)
      .first()
      .waitFor();
    await page.close();
  });

  test('with no events in the period the hot spot legend says so instead of drawing nothing silently', async () => {
    const page = await e2e.browser.newPage({ viewport: VIEWPORT });
    await page.goto(`${e2e.server.url}/?layers=hotspots,focus&from=2010-01-01&to=2010-01-31`);
    const note = page.getByTestId('hotspot-note');
    await note.waitFor({ timeout: 60_000 });
    assert.match((await note.textContent()) ?? '', /Tidak ada kejadian/);
    await page.close();
  });
});

async function adminContext(): Promise<BrowserContext> {
  const context = await e2e.browser.newContext({ viewport: VIEWPORT });
  const res = await context.request.post(`${e2e.server.url}/api/auth/login`, {
    data: { username: 'admin', password: ADMIN_PASSWORD },
    headers: { origin: e2e.server.url },
  });
  assert.equal(res.status(), 200, await res.text());
  return context;
}

describe('coverage planning', () => {
  test('viewers get no coverage tab', async () => {
    const page = await e2e.browser.newPage({ viewport: VIEWPORT });
    await page.goto(`${e2e.server.url}/?panel=coverage`);
    await waitForMap(page, { choroplethKey: () => true });
    assert.equal(await page.getByTestId('tab-coverage').count(), 0);
    assert.equal(await page.getByTestId('coverage-panel').count(), 0);
    await page.close();
  });

  test('an admin runs a plan for the three focus areas, sees it on the map, saves it, reopens it after a reload and exports it', async () => {
    const context = await adminContext();
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(`${e2e.server.url}/`);
    await waitForMap(page, { choroplethKey: () => true, timeout: 90_000 });
    await page.getByTestId('tab-coverage').click();
    await page.getByTestId('coverage-panel').waitFor();
    assert.equal(new URL(page.url()).searchParams.get('panel'), 'coverage');
    assert.equal(await page.getByLabel('Wilayah').inputValue(), 'focus');
    // Estimated demand shows its editable assumptions and their source.
    await page.getByLabel('Perkiraan (prevalensi)').check();
    assert.equal(await page.getByLabel('Prevalensi (%)').inputValue(), '3.3');
    assert.equal(await page.getByLabel('Porsi mencari perawatan (%)').inputValue(), '5');
    await page.getByText(/Survei Prevalensi Penyalahgunaan Narkoba 2019/).waitFor();

    const run = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/coverage/run');
    await page.getByTestId('coverage-run').click();
    const runRes = await run;
    assert.equal(runRes.status(), 200);
    const body: { params: { area: string; basis: string; prevalence: number; treatmentShare: number } } = await runRes.json();
    assert.deepEqual([body.params.area, body.params.basis, body.params.prevalence, body.params.treatmentShare], ['focus', 'estimated', 0.033, 0.05]);
    await page.getByTestId('coverage-results').waitFor();
    await page.waitForFunction(() => (window.__rawan?.coverageLines ?? 0) > 0, null, { timeout: 30_000 });
    const drawn = await waitForMap(page);
    assert.ok(drawn.layerIds.includes('coverage-lines') && drawn.layerIds.includes('coverage-facilities'), drawn.layerIds.join(', '));
    assert.ok(drawn.coverageLines >= 3, `lines: ${drawn.coverageLines}`);
    assert.match((await page.getByTestId('coverage-served').textContent()) ?? '', /Terlayani\s*\d/);
    assert.ok((await page.getByTestId('coverage-utilisation').locator('li').count()) > 0);

    // Save under a name: the plan id goes into the URL.
    const name = `Area fokus e2e ${Date.now()}`;
    await page.getByLabel('Nama rencana').fill(name);
    await page.getByTestId('plan-save').click();
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('plan') !== null, null, { timeout: 30_000 });
    const planId = new URL(page.url()).searchParams.get('plan');
    await page
      .getByTestId('plan-list')
      .getByRole('button', { name: new RegExp(name) })
      .waitFor();
    await waitForMap(page);
    await page.screenshot({ path: join(SHOTS, 'coverage.png') });

    // After a reload without the plan in the URL, open it from the list.
    await page.goto(`${e2e.server.url}/?panel=coverage`);
    await waitForMap(page, { choroplethKey: () => true });
    assert.equal((await probeOf(page)).coverageLines, 0);
    await page
      .getByTestId('plan-list')
      .getByRole('button', { name: new RegExp(name) })
      .click();
    await page.waitForFunction((id) => new URL(window.location.href).searchParams.get('plan') === id, planId);
    await page.getByText(`Rencana “${name}” v1`).waitFor();
    await page.waitForFunction(() => (window.__rawan?.coverageLines ?? 0) >= 3, null, { timeout: 30_000 });

    // Export: the CSV link answers 200 with the plan's assignments.
    const href = await page.getByTestId('plan-list').locator('li.current').getByTestId('export-csv').getAttribute('href');
    assert.ok(href);
    const csv = await context.request.get(new URL(href, e2e.server.url).toString());
    assert.equal(csv.status(), 200);
    assert.match(csv.headers()['content-type'] ?? '', /text\/csv/);
    const text = await csv.text();
    assert.match(text, /demand_id,demand_name,facility_id,facility_name,clients_per_month,distance_km/);
    assert.match(text, /kampung-(bahari|boncos|ambon)/);
    const geo = await context.request.get(
      new URL((await page.getByTestId('plan-list').locator('li.current').getByTestId('export-geojson').getAttribute('href')) ?? '', e2e.server.url).toString(),
    );
    assert.equal(geo.status(), 200);
    await context.close();
  });

  test('a planner excludes a puskesmas and locks a focus area to another by clicking, and each re-run honours them', async () => {
    const context = await adminContext();
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(`${e2e.server.url}/?panel=coverage`);
    await waitForMap(page, { choroplethKey: () => true, timeout: 90_000 });
    await page.getByTestId('coverage-panel').waitFor();
    type Sent = { locks: Array<{ demandId: string; facilityId: string }>; exclude: string[] };
    type Got = { result: { assignments: Array<{ demandId: string; facilityId: string; amount: number }> } };
    const runPlan = async (): Promise<{ sent: Sent; got: Got }> => {
      const res = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/coverage/run');
      await page.getByTestId('coverage-run').click();
      const r = await res;
      assert.equal(r.status(), 200);
      return { sent: JSON.parse(r.request().postData() ?? '{}'), got: await r.json() };
    };
    const first = await runPlan();
    await page.getByTestId('coverage-results').waitFor();
    assert.deepEqual([first.sent.locks, first.sent.exclude], [[], []]);

    // Exclude the busiest puskesmas from its panel: the re-run sends it and gives it no clients.
    await page.getByTestId('coverage-utilisation').locator('.util-name').first().click();
    await page.getByTestId('facility-plan').waitFor();
    const exclude = page.getByTestId('facility-exclude');
    await exclude.click();
    assert.equal(await exclude.getAttribute('aria-pressed'), 'true');
    const excluded = await runPlan();
    assert.equal(excluded.sent.exclude.length, 1);
    const gone = excluded.sent.exclude[0];
    assert.ok(first.got.result.assignments.some((a) => a.facilityId === gone && a.amount > 0), 'the excluded puskesmas served clients before');
    assert.ok(!excluded.got.result.assignments.some((a) => a.facilityId === gone && a.amount > 0), 'an excluded puskesmas serves nobody');

    // From the now busiest puskesmas to an area it serves, and lock that area to the puskesmas serving it most.
    await page.getByTestId('coverage-utilisation').locator('.util-name').first().click();
    await page.getByTestId('facility-plan').locator('.link-row').first().click();
    const areaPlan = page.getByTestId('area-plan');
    await areaPlan.waitFor();
    await areaPlan.locator('.plan-row').first().locator('.ghost-button').click();
    await areaPlan.locator('.plan-lock').waitFor();
    assert.match((await areaPlan.locator('.plan-lock').textContent()) ?? '', /Dikunci ke/);
    await page.screenshot({ path: join(SHOTS, 'coverage-lock.png') });
    const locked = await runPlan();
    assert.deepEqual(locked.sent.exclude, [gone]);
    assert.equal(locked.sent.locks.length, 1);
    const lock = locked.sent.locks[0];
    assert.ok(excluded.got.result.assignments.some((a) => a.demandId === lock.demandId && a.facilityId === lock.facilityId), 'the lock names a pair of the plan it was made from');
    // A locked area is served by its puskesmas only.
    const servedBy = new Set(locked.got.result.assignments.filter((a) => a.demandId === lock.demandId && a.amount > 0).map((a) => a.facilityId));
    assert.deepEqual([...servedBy], [lock.facilityId]);
    await context.close();
  });
});
