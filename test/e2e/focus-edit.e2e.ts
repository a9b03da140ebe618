// Focus-area editing in the browser: an analyst renames a focus area and drags a vertex of its outline, saves, and
// sees both after a reload; draws a new one by clicking; viewers get no editing controls.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { waitForMap } from './browser';
import { e2eSession, SHOTS } from './session';

const VIEWPORT = { width: 1440, height: 900 };
const ADMIN_PASSWORD = process.env.RAWAN_E2E_ADMIN_PASSWORD ?? 'e2e-admin-password';
const RUN = Date.now().toString(36);
const ANALYST = `e2e-focus-${RUN}`;
const PASSWORD = 'focus-analyst-password';

const e2e = e2eSession(async ({ server, browser }) => {
  const admin = await browser.newContext();
  const headers = { origin: server.url };
  const login = await admin.request.post(`${server.url}/api/auth/login`, { data: { username: 'admin', password: ADMIN_PASSWORD }, headers });
  assert.equal(login.status(), 200, await login.text());
  const created = await admin.request.post(`${server.url}/api/users`, { data: { username: ANALYST, password: PASSWORD, role: 'analyst' }, headers });
  assert.equal(created.status(), 201, await created.text());
  await admin.close();
});

async function analystContext(): Promise<BrowserContext> {
  const context = await e2e.browser.newContext({ viewport: VIEWPORT });
  const res = await context.request.post(`${e2e.server.url}/api/auth/login`, {
    data: { username: ANALYST, password: PASSWORD },
    headers: { origin: e2e.server.url },
  });
  assert.equal(res.status(), 200, await res.text());
  return context;
}

/** Page coordinates of a [lng, lat] on the map. */
async function onScreen(page: Page, lngLat: [number, number]): Promise<[number, number]> {
  const [x, y] = await page.evaluate((ll) => window.__rawan?.project?.(ll) ?? [Number.NaN, Number.NaN], lngLat);
  const box = await page.getByTestId('map').boundingBox();
  assert.ok(box && Number.isFinite(x), 'the map projects coordinates');
  return [box.x + x, box.y + y];
}

interface FocusFeature {
  id: string;
  geometry: { type: string; coordinates: number[][][] };
  properties: { name: string };
}

async function focusList(page: Page): Promise<FocusFeature[]> {
  const res = await page.request.get(`${e2e.server.url}/api/areas?level=focus`);
  return (await res.json()).features;
}

describe('focus-area editing', () => {
  test('viewers see no editing tab or controls', async () => {
    const page = await e2e.browser.newPage({ viewport: VIEWPORT });
    await page.goto(`${e2e.server.url}/?panel=focus`);
    await waitForMap(page, { choroplethKey: () => true, timeout: 90_000 });
    assert.equal(await page.getByTestId('tab-focus').count(), 0);
    assert.equal(await page.getByTestId('focus-edit-panel').count(), 0);
    await page.close();
  });

  test('an analyst renames a focus area and drags a vertex, saves, and sees both after a reload', async () => {
    const context = await analystContext();
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(`${e2e.server.url}/`);
    const first = await waitForMap(page, { choroplethKey: () => true, timeout: 90_000 });
    await page.getByTestId('tab-focus').click();
    await page.getByTestId('focus-edit-panel').waitFor();
    assert.equal(new URL(page.url()).searchParams.get('panel'), 'focus');

    const before = (await focusList(page)).find((f) => f.id === 'kampung-boncos');
    assert.ok(before);
    await page.getByTestId('focus-edit-item-kampung-boncos').click();
    await page.getByTestId('focus-edit-form').waitFor();
    assert.equal(await page.getByTestId('focus-edit-name').inputValue(), 'Kampung Boncos');
    // The camera flies to the focus area; wait until the editor's vertices are drawn there.
    await page.waitForFunction(() => window.__rawan?.layerIds.includes('focus-edit-vertices') === true, null, { timeout: 30_000 });
    await page.waitForTimeout(1200);
    await waitForMap(page, { afterFrames: first.deckFrames });

    await page.getByTestId('focus-edit-name').fill('Kampung Boncos / Kiapang');
    const vertex = before.geometry.coordinates[0][0];
    const [x, y] = await onScreen(page, [vertex[0], vertex[1]]);
    await page.mouse.move(x, y);
    await page.waitForTimeout(300);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(x + i * 5, y + i * 4);
    await page.mouse.up();

    const put = page.waitForResponse((r) => r.request().method() === 'PUT' && new URL(r.url()).pathname === '/api/focus-areas/kampung-boncos');
    await page.getByTestId('focus-edit-save').click();
    const res = await put;
    const saved: { focusArea: { version: number; name: string; geometry: FocusFeature['geometry'] }; changed: string[] } = await res.json();
    assert.equal(res.status(), 200, JSON.stringify(saved));
    assert.equal(saved.focusArea.name, 'Kampung Boncos / Kiapang');
    assert.ok(saved.changed.includes('geometry'), `changed: ${saved.changed.join(', ')}`);
    const moved = saved.focusArea.geometry.coordinates[0][0];
    // Dragged right and down on the screen: east (larger longitude) and south (smaller latitude).
    assert.ok(moved[0] > vertex[0] && moved[1] < vertex[1], `vertex ${vertex.join(',')} → ${moved.join(',')}`);
    await page.getByTestId('focus-edit-status').waitFor();
    assert.match((await page.getByTestId('focus-edit-status').textContent()) ?? '', /versi 2/);
    await page.getByTestId('focus-edit-show-history').click();
    await page.getByTestId('focus-edit-history').waitFor();
    assert.match((await page.getByTestId('focus-edit-history').textContent()) ?? '', new RegExp(`v2 · diubah oleh ${ANALYST}`));
    await waitForMap(page);
    await page.screenshot({ path: join(SHOTS, 'focus-edit.png') });

    await page.reload();
    await page.getByTestId('focus-edit-panel').waitFor({ timeout: 60_000 });
    await page.getByTestId('focus-edit-item-kampung-boncos').getByText('Kampung Boncos / Kiapang').waitFor({ timeout: 30_000 });
    const after = (await focusList(page)).find((f) => f.id === 'kampung-boncos');
    assert.equal(after?.properties.name, 'Kampung Boncos / Kiapang');
    assert.deepEqual(after?.geometry.coordinates[0][0], moved);
    await context.close();
  });

  test("an analyst draws a new focus area by clicking the map; a self-crossing outline shows the server's reason", async () => {
    const context = await analystContext();
    const page = await context.newPage();
    await page.goto(`${e2e.server.url}/?panel=focus`);
    const first = await waitForMap(page, { choroplethKey: () => true, timeout: 90_000 });
    await page.getByTestId('focus-edit-new').click();
    await page.getByTestId('focus-edit-name').fill('Gang Uji E2E');
    // A rectangle of about 1 km around a point in Tebet, clicked vertex by vertex.
    const corners: Array<[number, number]> = [
      [106.85, -6.235],
      [106.86, -6.235],
      [106.86, -6.228],
      [106.85, -6.228],
    ];
    for (const c of corners) {
      const [x, y] = await onScreen(page, c);
      await page.mouse.click(x, y);
      await page.waitForTimeout(400);
    }
    await page.waitForFunction(() => /4/.test(document.querySelector('[data-testid="focus-edit-vertices"]')?.textContent ?? ''));
    await page.getByTestId('focus-edit-finish').click();
    const post = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/focus-areas');
    await page.getByTestId('focus-edit-save').click();
    const res = await post;
    const body: { focusArea: { id: string; kelurahanCode: string; geometry: FocusFeature['geometry'] } } = await res.json();
    assert.equal(res.status(), 201, JSON.stringify(body));
    assert.equal(body.focusArea.id, 'gang-uji-e2e');
    const ring = body.focusArea.geometry.coordinates[0];
    assert.equal(ring.length, 5);
    for (const [i, c] of corners.entries()) {
      assert.ok(Math.abs(ring[i][0] - c[0]) < 0.0005 && Math.abs(ring[i][1] - c[1]) < 0.0005, `vertex ${i}: ${ring[i].join(',')} vs ${c.join(',')}`);
    }
    await page.getByTestId('focus-edit-item-gang-uji-e2e').waitFor({ timeout: 30_000 });
    await waitForMap(page, { afterFrames: first.deckFrames });

    // Redraw it as a bow tie crossing itself: the server's reason is shown, nothing is saved.
    await page.getByTestId('focus-edit-redraw').click();
    const [cx, cy] = await onScreen(page, [106.855, -6.23]);
    // Apart in time, so the map does not take two clicks for a double click.
    for (const [dx, dy] of [
      [0, 0],
      [40, 40],
      [40, 0],
      [0, 40],
    ]) {
      await page.mouse.click(cx + dx, cy + dy);
      await page.waitForTimeout(400);
    }
    await page.getByTestId('focus-edit-finish').click();
    await page.getByTestId('focus-edit-save').click();
    await page.getByTestId('focus-edit-message').waitFor();
    assert.match((await page.getByTestId('focus-edit-message').textContent()) ?? '', /crosses itself/);
    const stored = (await focusList(page)).find((f) => f.id === 'gang-uji-e2e');
    assert.deepEqual(stored?.geometry, body.focusArea.geometry);
    await page.screenshot({ path: join(SHOTS, 'focus-edit-refused.png') });
    await context.close();
  });
});
