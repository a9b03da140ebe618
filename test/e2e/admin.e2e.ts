// Drives the admin page (/admin) in headless Chromium: sign-in, a refused dry run that writes nothing, a real import that
// grows the totals, creating a user, the audit log showing both, past imports rolled back, and the message for a non-admin.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { pixelStats } from './browser';
import { e2eSession, SHOTS } from './session';

const VIEWPORT = { width: 1360, height: 900 };
const ADMIN_PASSWORD = process.env.RAWAN_E2E_ADMIN_PASSWORD ?? 'e2e-admin-password';
/** Unique per run, so the test also passes against a long-running development server. */
const RUN = Date.now().toString(36);
const NEW_USER = `e2e-analyst-${RUN}`;
const NEW_PASSWORD = 'analyst-password-123';

let context: BrowserContext;
let page: Page;
let dir: string;

/** The last day with stored events: imported records are dated before it so the data's extent (and the other e2e tests' periods) stay put. */
let lastDay = new Date().toISOString().slice(0, 10);
const day = (daysBefore: number) => new Date(Date.parse(`${lastDay}T00:00:00Z`) - daysBefore * 86_400_000).toISOString().slice(0, 10);
/** Central Jakarta points inside kelurahan (Monas, Menteng, Tanah Abang, Setiabudi, Senen). */
const POINTS: [number, number][] = [
  [-6.1754, 106.8272],
  [-6.1967, 106.8338],
  [-6.1865, 106.8129],
  [-6.2151, 106.8297],
  [-6.1776, 106.8432],
];

function csv(rows: string[][]): string {
  return `${rows.map((r) => r.join(',')).join('\n')}\n`;
}

/**
 * Five valid case records dated last month; with `badRow`, the second data row (line 3) has an unknown type. With
 * `ownHeaders`, the id and type columns have names the server does not recognise, so they must be mapped by hand.
 */
function eventsCsv(prefix: string, badRow: boolean, ownHeaders = false): string {
  const header = [ownHeaders ? 'Nomor Laporan' : 'id', ownHeaders ? 'Golongan' : 'jenis', 'tanggal', 'lat', 'lon'];
  const rows = POINTS.map(([lat, lng], i) => [`${prefix}-${i + 1}`, i === 1 && badRow ? 'penyelundupan' : 'user_case', day(20 + i), String(lat), String(lng)]);
  return csv([header, ...rows]);
}

/** Total events in the last 90 days of data as the server counts them (read as the signed-in admin). */
async function totalEvents(): Promise<number> {
  const res = await context.request.get(`${e2e.server.url}/api/indicators?level=kota&from=${day(90)}&to=${day(0)}`);
  assert.equal(res.status(), 200, await res.text());
  const body: unknown = await res.json();
  assert.ok(typeof body === 'object' && body !== null && 'totals' in body);
  const totals = body.totals;
  assert.ok(typeof totals === 'object' && totals !== null && 'events' in totals && typeof totals.events === 'number');
  return totals.events;
}

async function reportHeadline(): Promise<string> {
  return (await page.getByTestId('report-headline').textContent()) ?? '';
}

/** Waits until the report for `file` is shown and the upload has finished. */
async function waitForReport(file: string, headline: RegExp): Promise<void> {
  await page.getByTestId('import-report').filter({ hasText: file }).waitFor({ timeout: 30_000 });
  await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('[data-testid="report-headline"]')?.textContent ?? ''), headline.source, {
    timeout: 30_000,
  });
}

async function waitForPreviewMap(features: number): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const el = document.querySelector('[data-testid="preview-map"]');
      return el?.getAttribute('data-state') === 'idle' && el.getAttribute('data-features') === String(n);
    },
    features,
    { timeout: 60_000 },
  );
}

/** Checks `file` (in the temporary folder), imports it through the confirm dialog, and answers the id Past imports then lists it under. */
async function importForReal(file: string): Promise<string> {
  await page.getByTestId('import-kind').selectOption('events');
  await page.getByTestId('import-file').setInputFiles(join(dir, file));
  await page.getByRole('button', { name: 'Periksa (dry run)' }).click();
  await waitForReport(file, /Pemeriksaan lolos/);
  await page.getByRole('button', { name: 'Impor', exact: true }).click();
  await page.getByTestId('confirm-import').getByRole('button', { name: 'Ya, impor' }).click();
  await waitForReport(file, /Impor selesai/);
  // The list reloads by itself after a real import.
  const row = page.getByTestId('history-table').locator('tbody tr').filter({ hasText: file });
  await row.waitFor({ timeout: 15_000 });
  const id = await row.getAttribute('data-import-id');
  assert.ok(id !== null && id.startsWith('imp-'), `import id: ${id}`);
  assert.match(await reportHeadline(), new RegExp(`id impor ${id}`), 'the report names the stored import');
  return id;
}

/** Rolls back the import of `row` through the confirm dialog and waits for the list to show it rolled back. */
async function rollBack(row: Locator): Promise<void> {
  await row.getByRole('button', { name: 'Urungkan' }).click();
  await page.getByTestId('confirm-rollback').getByRole('button', { name: 'Ya, urungkan' }).click();
  await page.waitForFunction(
    (id) => document.querySelector(`[data-testid="import-history"] tr[data-import-id="${id}"]`)?.getAttribute('data-status') === 'rolled_back',
    await row.getAttribute('data-import-id'),
    { timeout: 30_000 },
  );
  await page.getByTestId('history-notice').filter({ hasText: 'diurungkan:' }).waitFor();
}

const e2e = e2eSession(async ({ server, browser }) => {
  dir = mkdtempSync(join(tmpdir(), 'rawan-admin-e2e-'));
  const health: unknown = await (await fetch(`${server.url}/api/health`)).json();
  if (
    typeof health === 'object' &&
    health !== null &&
    'events' in health &&
    typeof health.events === 'object' &&
    health.events !== null &&
    'to' in health.events
  ) {
    if (typeof health.events.to === 'string') lastDay = health.events.to;
  }
  context = await browser.newContext({ viewport: VIEWPORT });
  page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('admin page', () => {
  test('asks for an admin sign-in, links back to the dashboard, then shows the three tabs', async () => {
    await page.goto(`${e2e.server.url}/admin`);
    const form = page.getByTestId('admin-login');
    await form.waitFor();
    assert.equal(await page.getByTestId('back-to-dashboard').getAttribute('href'), '/?lang=id');
    await page.screenshot({ path: join(SHOTS, 'admin-login.png') });
    await form.getByLabel('Nama pengguna').fill('admin');
    await form.getByLabel('Kata sandi').fill(ADMIN_PASSWORD);
    await form.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('tab', { name: 'Impor data' }).waitFor();
    assert.match((await page.getByTestId('signed-in').textContent()) ?? '', /admin/);
    for (const name of ['Pengguna', 'Log audit']) assert.equal(await page.getByRole('tab', { name }).count(), 1);
  });

  test('a dry run of a CSV with one bad row shows its row number and message, and writes nothing', async () => {
    const before = await totalEvents();
    const file = join(dir, `kasus-salah-${RUN}.csv`);
    writeFileSync(file, eventsCsv(`bad-${RUN}`, true));
    await page.getByTestId('import-kind').selectOption('events');
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByRole('button', { name: 'Periksa (dry run)' }).click();
    await waitForReport(`kasus-salah-${RUN}.csv`, /ditolak/);
    assert.match(await reportHeadline(), /Tidak ada yang ditulis/);
    const issues = page.getByTestId('issues-table').locator('tbody tr');
    assert.equal(await issues.count(), 1);
    const cells = await issues.first().locator('td').allTextContents();
    assert.equal(cells[0], '3', `row number: ${cells.join(' | ')}`);
    // The page is in Bahasa Indonesia, and so is the row's message.
    assert.match(cells[4], /jenis kejadian "penyelundupan" tidak dikenal; gunakan salah satu dari prevention/);
    assert.match((await page.getByTestId('report-codes').textContent()) ?? '', /jenis tidak dikenal/);
    assert.ok(await page.getByRole('button', { name: 'Impor', exact: true }).isDisabled(), 'Import must stay disabled after a refused check');
    // The preview draws the four valid rows and the bad one apart.
    await waitForPreviewMap(5);
    assert.match((await page.getByTestId('import-preview').textContent()) ?? '', /4 catatan valid.*1 baris bergalat/);
    await page.screenshot({ path: join(SHOTS, 'admin-import-refused.png'), fullPage: true });
    assert.equal(await totalEvents(), before, 'a refused dry run must not change the stored events');
  });

  test('unrecognised columns are mapped by hand; the file then passes, is previewed, and after confirming grows the totals', async () => {
    const before = await totalEvents();
    const file = join(dir, `kasus-${RUN}.csv`);
    writeFileSync(file, eventsCsv(`ok-${RUN}`, false, true));
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByRole('button', { name: 'Periksa (dry run)' }).click();
    await waitForReport(`kasus-${RUN}.csv`, /ditolak/);
    assert.match((await page.getByTestId('report-codes').textContent()) ?? '', /2\s*kolom tidak ada/);
    const mapping = page.getByTestId('column-mapping');
    assert.match((await mapping.textContent()) ?? '', /Kolom diabaikan: Nomor Laporan, Golongan/);
    await mapping.getByLabel(/^id ←/).selectOption('Nomor Laporan');
    await mapping.getByLabel(/^type ←/).selectOption('Golongan');
    await page.screenshot({ path: join(SHOTS, 'admin-import-mapping.png'), fullPage: true });
    await page.getByRole('button', { name: 'Periksa (dry run)' }).click();
    await waitForReport(`kasus-${RUN}.csv`, /Pemeriksaan lolos/);
    assert.match(await reportHeadline(), /5 dari 5 baris/);
    assert.equal(await totalEvents(), before, 'a dry run must not write');
    await waitForPreviewMap(5);
    const map = await page.getByTestId('preview-map').screenshot();
    const stats = await pixelStats(e2e.browser, map);
    assert.ok(stats.distinctColours >= 8, `the preview map looks blank (${stats.distinctColours} colours)`);
    await page.screenshot({ path: join(SHOTS, 'admin-import-dry-run.png'), fullPage: true });

    await page.getByRole('button', { name: 'Impor', exact: true }).click();
    const dialog = page.getByTestId('confirm-import');
    await dialog.waitFor();
    assert.match((await dialog.textContent()) ?? '', /5 baris catatan kasus/);
    await page.screenshot({ path: join(SHOTS, 'admin-import-confirm.png') });
    await dialog.getByRole('button', { name: 'Ya, impor' }).click();
    await waitForReport(`kasus-${RUN}.csv`, /Impor selesai/);
    assert.match(await reportHeadline(), /5 baris ditulis/);
    assert.equal(await totalEvents(), before + 5);
    assert.ok(await page.getByRole('button', { name: 'Impor', exact: true }).isDisabled(), 'the same import is not offered twice');
    await page.screenshot({ path: join(SHOTS, 'admin-import-written.png'), fullPage: true });
  });

  test('creating a user shows the server validation message, then the new user in the list', async () => {
    await page.getByRole('tab', { name: 'Pengguna' }).click();
    const form = page.getByTestId('create-user');
    await form.getByLabel('Nama pengguna').fill(NEW_USER);
    await form.getByLabel(/Kata sandi/).fill('short');
    await form.getByLabel('Peran').selectOption('analyst');
    await form.getByRole('button', { name: 'Buat pengguna' }).click();
    await page.getByTestId('users-notice').filter({ hasText: 'at least 10 characters' }).waitFor();
    await form.getByLabel(/Kata sandi/).fill(NEW_PASSWORD);
    await form.getByRole('button', { name: 'Buat pengguna' }).click();
    await page
      .getByTestId('users-notice')
      .filter({ hasText: `Pengguna ${NEW_USER} dibuat` })
      .waitFor();
    const row = page.locator(`[data-testid="users-table"] tr[data-username="${NEW_USER}"]`);
    await row.waitFor();
    assert.equal(await row.getByRole('combobox').inputValue(), 'analyst');
    assert.match((await row.textContent()) ?? '', /aktif/);
    await page.screenshot({ path: join(SHOTS, 'admin-users.png'), fullPage: true });
  });

  test('the audit log shows the import and the user creation, newest first, and filters by action', async () => {
    await page.getByRole('tab', { name: 'Log audit' }).click();
    const table = page.getByTestId('audit-table');
    await table.waitFor();
    const actions = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    const created = actions.indexOf('user_created');
    const imported = actions.indexOf('import');
    assert.ok(created >= 0 && imported >= 0, `actions: ${actions.join(', ')}`);
    assert.ok(created < imported, 'newest first: the user was created after the import');
    assert.ok(actions.includes('import_dry_run'));
    const seqs = await table.locator('tbody tr td:first-child').allTextContents();
    assert.deepEqual(
      seqs.map(Number),
      [...seqs.map(Number)].sort((a, b) => b - a),
    );
    assert.match((await table.locator('tbody tr[data-action="user_created"]').first().textContent()) ?? '', new RegExp(NEW_USER));

    await page.getByTestId('audit-filters').getByLabel('Tindakan').selectOption('import');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid="audit-table"] tbody tr')];
      return rows.length > 0 && rows.every((r) => r.getAttribute('data-action') === 'import');
    });
    const importRow = table.locator('tbody tr').first();
    assert.match((await importRow.textContent()) ?? '', new RegExp(`events: kasus-${RUN}\\.csv`));
    await importRow.locator('summary').click();
    assert.match((await importRow.locator('pre').textContent()) ?? '', /"written": true/);
    await page.screenshot({ path: join(SHOTS, 'admin-audit.png'), fullPage: true });
  });

  test('past imports list real imports; rolling back waits for later ones, then restores the totals', async () => {
    await page.getByRole('tab', { name: 'Impor data' }).click();
    const before = await totalEvents();
    const first = `riwayat-${RUN}.csv`;
    const second = `riwayat-ubah-${RUN}.csv`;
    writeFileSync(join(dir, first), eventsCsv(`hist-${RUN}`, false));
    // The same ids again with another type: the second import replaces every record of the first.
    writeFileSync(join(dir, second), eventsCsv(`hist-${RUN}`, false).replaceAll('user_case', 'rehab_intake'));
    const firstId = await importForReal(first);
    assert.equal(await totalEvents(), before + 5);
    const secondId = await importForReal(second);
    assert.equal(await totalEvents(), before + 5, 'the second import replaced the records of the first');

    const history = page.getByTestId('import-history');
    const rowOf = (id: string) => history.locator(`tr[data-import-id="${id}"]`);
    await rowOf(secondId).waitFor();
    const ids = await history.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-import-id')));
    assert.ok(ids.indexOf(secondId) >= 0 && ids.indexOf(secondId) < ids.indexOf(firstId), `newest first: ${ids.join(', ')}`);
    for (const [id, file] of [
      [firstId, first],
      [secondId, second],
    ]) {
      const text = (await rowOf(id).textContent()) ?? '';
      assert.equal(await rowOf(id).getAttribute('data-status'), 'applied');
      assert.match(text, new RegExp(`Catatan kasus ${file.replace('.', '\\.')} · 5 baris`));
      assert.match(text, /admin/);
      assert.match(text, /diterapkan/);
    }

    // The first import cannot go while the second changed its records: the server's reason, the later import marked.
    await rowOf(firstId).getByRole('button', { name: 'Urungkan' }).click();
    const dialog = page.getByTestId('confirm-rollback');
    await dialog.waitFor();
    assert.match((await dialog.textContent()) ?? '', new RegExp(`Impor ${firstId} \\(${first.replace('.', '\\.')}\\) menulis 5 catatan\\. Semuanya diurungkan`));
    await page.screenshot({ path: join(SHOTS, 'admin-history-confirm.png') });
    await dialog.getByRole('button', { name: 'Ya, urungkan' }).click();
    const alert = history.getByRole('alert');
    await alert.waitFor();
    const alertText = (await alert.textContent()) ?? '';
    assert.match(alertText, new RegExp(`Impor ${firstId} tidak diurungkan: .*${secondId}`));
    assert.match(alertText, /tidak diurungkan: impor yang lebih baru telah mengubah sebagian catatannya\. Tidak ada yang diubah\./);
    assert.match(alertText, /Urungkan dulu impor yang lebih baru/);
    await page.waitForFunction(
      (id) => document.querySelector(`[data-testid="import-history"] tr[data-import-id="${id}"]`)?.classList.contains('warn') === true,
      secondId,
    );
    assert.equal(await rowOf(firstId).getAttribute('data-status'), 'applied');
    assert.equal(await totalEvents(), before + 5, 'a refused rollback changes nothing');
    await page.screenshot({ path: join(SHOTS, 'admin-history-conflict.png'), fullPage: true });

    // Newest first: the second (its 5 versions go, the first's 5 come back), then the first; the totals are back where they started.
    await rollBack(rowOf(secondId));
    assert.match(
      (await history.getByTestId('history-notice').textContent()) ?? '',
      new RegExp(`Impor ${secondId} diurungkan: 0 catatan dihapus, 5 versi sebelumnya dipulihkan`),
    );
    assert.equal(await totalEvents(), before + 5);
    await rollBack(rowOf(firstId));
    assert.match(
      (await history.getByTestId('history-notice').textContent()) ?? '',
      new RegExp(`Impor ${firstId} diurungkan: 5 catatan dihapus, 0 versi sebelumnya dipulihkan`),
    );
    assert.equal(await totalEvents(), before);
    const status = (await rowOf(firstId).locator('td').nth(4).textContent()) ?? '';
    assert.match(status, /diurungkan.*oleh admin/);
    assert.equal(await rowOf(firstId).getByRole('button').count(), 0, 'a rolled-back import offers no second rollback');
    await history.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'admin-history.png'), fullPage: true });
  });

  test('a signed-in analyst is told the page is for admins; English is one switch away', async () => {
    const other = await e2e.browser.newContext({ viewport: VIEWPORT });
    try {
      const p = await other.newPage();
      const res = await other.request.post(`${e2e.server.url}/api/auth/login`, {
        data: { username: NEW_USER, password: NEW_PASSWORD },
        headers: { origin: e2e.server.url },
      });
      assert.equal(res.status(), 200, await res.text());
      await p.goto(`${e2e.server.url}/admin?lang=en`);
      const note = p.getByTestId('not-admin');
      await note.waitFor();
      assert.match((await note.textContent()) ?? '', new RegExp(`signed in as ${NEW_USER} with the role analyst`));
      await p.screenshot({ path: join(SHOTS, 'admin-not-admin.png') });
    } finally {
      await other.close();
    }
  });
});
