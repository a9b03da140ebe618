// Drives the built dashboard in headless Chromium: what is drawn, what is requested, selection, shareable URLs, language, API failure.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Page, Request } from 'playwright-core';
import { pixelStats, waitForMap } from './browser';
import { e2eSession, SHOTS } from './session';

const VIEWPORT = { width: 1440, height: 900 };

const e2e = e2eSession();

/** A fresh page that records every /api/indicators (not /trend) request URL. */
async function openPage(path = '/'): Promise<{ page: Page; indicatorUrls: URL[] }> {
  const page = await e2e.browser.newPage({ viewport: VIEWPORT });
  const indicatorUrls: URL[] = [];
  page.on('request', (r: Request) => {
    const u = new URL(r.url());
    if (u.pathname === '/api/indicators') indicatorUrls.push(u);
  });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`${e2e.server.url}${path}`);
  return { page, indicatorUrls };
}

async function summaryText(page: Page): Promise<string> {
  return (await page.getByTestId('summary').textContent()) ?? '';
}

describe('dashboard', () => {
  test('draws the map: basemap, choropleth, focus areas and puskesmas, not a blank colour', async () => {
    const { page } = await openPage('/');
    const probe = await waitForMap(page, { choroplethKey: () => true });
    assert.ok(probe.layerIds.includes('choropleth'), `layers: ${probe.layerIds.join(', ')}`);
    assert.ok(probe.layerIds.includes('focus-areas'));
    assert.ok(probe.layerIds.includes('facilities'));
    const shot = await page.locator('.map-area').screenshot();
    const stats = await pixelStats(e2e.browser, shot);
    assert.ok(stats.distinctColours >= 20, `only ${stats.distinctColours} colours on the map`);
    assert.ok(stats.dominantShare < 0.8, `one colour covers ${(stats.dominantShare * 100).toFixed(0)}% of the map`);
    await page.screenshot({ path: join(SHOTS, 'main.png') });
    // The notice naming synthetic/approximate data is visible.
    assert.match((await page.getByTestId('data-notice').textContent()) ?? '', /sintetis|perkiraan/);
    await page.close();
  });

  test('changing the period and the event types changes the requests and the figures shown', async () => {
    const { page, indicatorUrls } = await openPage('/');
    const first = await waitForMap(page, { choroplethKey: () => true });
    const before12 = await summaryText(page);
    const seen = indicatorUrls.length;

    await page.getByRole('button', { name: '3 bln' }).click();
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('from')?.endsWith('-08-01') === true);
    const after3 = await waitForMap(page, { afterFrames: first.deckFrames, choroplethKey: (k) => k.includes('|2026-08-01|') });
    const newRequests = indicatorUrls.slice(seen);
    assert.ok(
      newRequests.some((u) => u.searchParams.get('from') === '2026-08-01' && u.searchParams.get('to') === '2026-10-31'),
      `requests: ${newRequests.map(String).join('\n')}`,
    );
    const summary3 = await summaryText(page);
    assert.notEqual(summary3, before12, 'the summary should change with the period');

    const seen2 = indicatorUrls.length;
    await page.getByRole('checkbox', { name: /Penangkapan pengedar/ }).uncheck();
    await waitForMap(page, { afterFrames: after3.deckFrames, choroplethKey: (k) => !k.includes('dealer_arrest') });
    const typed = indicatorUrls.slice(seen2);
    assert.ok(typed.length > 0, 'unchecking a type should request indicators again');
    for (const u of typed) assert.ok(!(u.searchParams.get('types') ?? '').includes('dealer_arrest'), u.toString());
    assert.notEqual(await summaryText(page), summary3, 'the summary should change with the event types');
    assert.ok(!new URL(page.url()).searchParams.get('types')?.includes('dealer_arrest'));
    await page.close();
  });

  test('a focus-area button selects it, opens its panel, and back/forward undo and redo it', async () => {
    const { page } = await openPage('/');
    const first = await waitForMap(page, { choroplethKey: () => true });
    await page.locator('button[data-focus-id="kampung-boncos"]').click();
    await page.getByTestId('detail-title').filter({ hasText: 'Kampung Boncos' }).waitFor();
    assert.equal(new URL(page.url()).searchParams.get('sel'), 'focus:kampung-boncos');
    assert.equal(await page.locator('button[data-focus-id="kampung-boncos"]').getAttribute('aria-pressed'), 'true');
    await page.getByText('Puskesmas terdekat').waitFor();
    await waitForMap(page, { afterFrames: first.deckFrames });
    await page.waitForFunction(
      () =>
        new URL(window.location.href).searchParams.get('map')?.split(',')[2] !== undefined &&
        Number(new URL(window.location.href).searchParams.get('map')?.split(',')[2]) > 13,
    );
    await waitForMap(page);
    await page.screenshot({ path: join(SHOTS, 'focus-area.png') });

    await page.goBack();
    await page.getByTestId('detail-title').filter({ hasText: 'DKI Jakarta' }).waitFor();
    await page.goForward();
    await page.getByTestId('detail-title').filter({ hasText: 'Kampung Boncos' }).waitFor();
    await page.close();
  });

  test('reloading a copied URL restores the same view', async () => {
    const { page } = await openPage('/');
    await waitForMap(page, { choroplethKey: () => true });
    await page.getByRole('button', { name: '6 bln' }).click();
    await page.getByRole('checkbox', { name: /Pencegahan/ }).uncheck();
    await page.getByLabel('Indikator').selectOption('count');
    await page.locator('button[data-focus-id="kampung-ambon"]').click();
    await page.getByTestId('detail-title').filter({ hasText: 'Kampung Ambon' }).waitFor();
    await page.waitForFunction(() => Number(new URL(window.location.href).searchParams.get('map')?.split(',')[2] ?? 0) > 13);
    await waitForMap(page);
    const copied = page.url();
    const total = await page.getByTestId('detail-total').textContent();
    const legend = await page.locator('.legend').textContent();
    await page.close();

    const { page: again } = await openPage(new URL(copied).pathname + new URL(copied).search);
    await waitForMap(again, { choroplethKey: () => true });
    await again.getByTestId('detail-title').filter({ hasText: 'Kampung Ambon' }).waitFor();
    const restored = new URL(again.url());
    const original = new URL(copied);
    for (const key of ['from', 'to', 'types', 'level', 'ind', 'cls', 'layers', 'sel', 'lang', 'map']) {
      assert.equal(restored.searchParams.get(key), original.searchParams.get(key), `URL parameter ${key}`);
    }
    assert.equal(await again.getByRole('button', { name: '6 bln' }).getAttribute('aria-pressed'), 'true');
    assert.equal(await again.getByRole('checkbox', { name: /Pencegahan/ }).isChecked(), false);
    assert.equal(await again.getByLabel('Indikator').inputValue(), 'count');
    assert.equal(await again.getByTestId('detail-total').textContent(), total);
    assert.equal(await again.locator('.legend').textContent(), legend);
    await again.close();
  });

  test('switching language changes the labels and number formats', async () => {
    const { page } = await openPage('/');
    await waitForMap(page, { choroplethKey: () => true });
    assert.equal(await page.locator('html').getAttribute('lang'), 'id');
    await page.getByText('Jenis kejadian').first().waitFor();
    const idSummary = await summaryText(page);
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByText('Event types').first().waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.equal(new URL(page.url()).searchParams.get('lang'), 'en');
    assert.equal(await page.getByText('Jenis kejadian').count(), 0);
    const enSummary = await summaryText(page);
    assert.match(enSummary, /events/);
    // id-ID groups thousands with '.', en-GB with ','.
    assert.match(idSummary, /\d\.\d{3} kejadian/);
    assert.match(enSummary, /\d,\d{3} events/);
    await waitForMap(page);
    await page.screenshot({ path: join(SHOTS, 'english.png') });
    await page.close();
  });

  test('an API failure shows an error message, not a blank map', async () => {
    const page = await e2e.browser.newPage({ viewport: VIEWPORT });
    const indicatorsOnly = (url: URL) => url.pathname === '/api/indicators';
    await page.route(indicatorsOnly, (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'internal_error', message: 'Database is unavailable (test).' } }),
      }),
    );
    await page.goto(`${e2e.server.url}/`);
    const alert = page.getByTestId('api-error');
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', /Indikator tidak dapat dimuat.*Database is unavailable \(test\)/);
    assert.ok(await alert.getByRole('button', { name: 'Coba lagi' }).isVisible());
    // The basemap, focus areas and puskesmas are still drawn.
    await page.waitForFunction(() => window.__rawan?.mapLoaded === true && (window.__rawan?.deckFrames ?? 0) > 0);
    await page.unroute(indicatorsOnly);
    await alert.getByRole('button', { name: 'Coba lagi' }).click();
    await waitForMap(page, { choroplethKey: () => true });
    assert.equal(await page.getByTestId('api-error').count(), 0);
    await page.close();
  });
});
