// The admin page on a server whose import limit is 1 MB (RAWAN_MAX_IMPORT_MB=1): a bigger file is refused as soon as it
// is chosen, in the page's language, before any upload; a file under the limit can be checked as usual.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { e2eSession, SHOTS } from './session';

let page: Page;
const dir = mkdtempSync(join(tmpdir(), 'rawan-admin-limits-e2e-'));
let uploads = 0;

const e2e = e2eSession(
  async ({ browser }) => {
    page = await (await browser.newContext({ viewport: { width: 1360, height: 900 } })).newPage();
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/imports') uploads++;
    });
  },
  { env: { RAWAN_MAX_IMPORT_MB: '1' } },
);

after(() => rmSync(dir, { recursive: true, force: true }));

describe('import size limit on the admin page', () => {
  test('a file over the limit is refused on choosing it, with its size and the limit, and nothing is uploaded', async () => {
    await page.goto(`${e2e.server.url}/admin`);
    await page.getByLabel('Nama pengguna').fill('admin');
    await page.getByLabel('Kata sandi').fill('e2e-admin-password');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('tab', { name: 'Impor data' }).waitFor();
    // 21 + 70,000 × 35 bytes = 2.45 MB: over the 1 MB limit, shown to one decimal.
    const big = join(dir, 'kasus-besar.csv');
    writeFileSync(big, `id,date,type,lat,lon\n${'K1,2025-01-01,user_case,-6.2,106.8\n'.repeat(70_000)}`);
    await page.getByTestId('import-file').setInputFiles(big);
    const banner = page.getByTestId('file-too-large');
    await banner.waitFor();
    assert.match((await banner.textContent()) ?? '', /^Berkas ini 2,5 MB; batas impor 1 MB\. Pecah menjadi beberapa berkas yang lebih kecil/);
    assert.ok(await page.getByRole('button', { name: 'Periksa (dry run)' }).isDisabled(), 'the check must not start for a file over the limit');
    await page.screenshot({ path: join(SHOTS, 'admin-import-too-large.png') });

    const small = join(dir, 'kasus-kecil.csv');
    writeFileSync(small, 'id,date,type,lat,lon\nK1,2025-01-01,user_case,-6.2,106.8\n');
    await page.getByTestId('import-file').setInputFiles(small);
    assert.equal(await banner.count(), 0, 'the refusal goes with the file');
    assert.equal(uploads, 0, 'nothing was uploaded');
    await page.getByRole('button', { name: 'Periksa (dry run)' }).click();
    await page.getByTestId('import-report').waitFor();
    assert.equal(uploads, 1);
  });
});
