// Drives the governor's briefing page (/briefing) in headless Chromium: the figures shown equal the API's, both
// languages, no personal-level data for a viewer, and the PDF from /api/briefings/:area.pdf is a drawn A4 landscape.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { pixelStats } from './browser';
import { e2eSession, SHOTS, type E2eSession } from './session';

const VIEWPORT = { width: 1180, height: 900 };
const ADMIN_PASSWORD = 'e2e-admin-password';
const FOCUS = ['kampung-bahari', 'kampung-boncos', 'kampung-ambon'] as const;
const LANGS = ['id', 'en'] as const;
type Lang = (typeof LANGS)[number];
const LOCALE: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

type Shown = number | null;
interface ApiBriefing {
  area: { id: string; name: string; kind: string };
  period: { from: string; to: string; days: number };
  suppression: { k: number } | null;
  figures: {
    total: Shown;
    previousTotal: Shown;
    changePct: number | null;
    byApproach: { approach: string; current: Shown; previous: Shown }[];
    ratePer10k: number | null;
    rank: { rank: number; of: number } | null;
  };
  trend: { month: string; byApproach: Record<string, Shown>; total: Shown }[];
  coverage: {
    plan: { id: string; name: string };
    withheld: boolean;
    served: number | null;
    unmet: number | null;
    facilities: { id: string; name: string }[];
  } | null;
  sentences: string[];
  focusAreas: ApiBriefing[] | null;
}

const e2e = e2eSession(ensureCoveragePlan);

/**
 * A saved plan for the focus areas, so the coverage block has something to show. Made before any briefing is read:
 * the server caches briefings by data version, and saving a plan does not (yet) change it.
 */
async function ensureCoveragePlan({ server, browser }: E2eSession): Promise<void> {
  const context = await browser.newContext();
  try {
    const headers = { origin: server.url };
    const login = await context.request.post(`${server.url}/api/auth/login`, { data: { username: 'admin', password: ADMIN_PASSWORD }, headers });
    assert.equal(login.status(), 200, await login.text());
    const list: { plans: { summary: { area?: string } }[] } = await (await context.request.get(`${server.url}/api/coverage/plans`)).json();
    if (list.plans.some((p) => p.summary.area === 'focus')) return;
    const saved = await context.request.post(`${server.url}/api/coverage/plans`, {
      data: { name: 'Fokus BNN (e2e)', params: { area: 'focus', maxDistanceKm: 3 } },
      headers,
    });
    assert.equal(saved.status(), 201, await saved.text());
  } finally {
    await context.close();
  }
}

interface Opened {
  page: Page;
  context: BrowserContext;
  requests: URL[];
}

/** Opens a briefing as the anonymous public viewer and waits until the page says it is fully drawn. */
async function openBriefing(query: string): Promise<Opened> {
  const context = await e2e.browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const requests: URL[] = [];
  page.on('request', (r) => requests.push(new URL(r.url())));
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`${e2e.server.url}/briefing?${query}`);
  await page.waitForFunction(
    () => {
      const b = window.__rawanBriefing;
      return b !== undefined && (b.ready || typeof b.error === 'string');
    },
    undefined,
    { timeout: 90_000 },
  );
  const state = await page.evaluate(() => window.__rawanBriefing);
  assert.equal(state?.ready, true, `the briefing did not get ready: ${JSON.stringify(state)}`);
  return { page, context, requests };
}

async function apiBriefing(page: Page, area: string, lang: Lang): Promise<ApiBriefing> {
  const res = await page.request.get(`${e2e.server.url}/api/briefings/${area}?lang=${lang}`);
  assert.equal(res.status(), 200, await res.text());
  return res.json();
}

function shown(n: Shown, lang: Lang, k: number): string {
  return n === null ? `< ${k}` : new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 0 }).format(n);
}

function pct(p: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang], { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(p / 100);
}

async function text(scope: Page | ReturnType<Page['locator']>, testId: string): Promise<string> {
  return ((await scope.getByTestId(testId).first().textContent()) ?? '').trim();
}

/** Every count on the page is withheld ("< k"), 0, or at least k; never 1..k-1. Also checks the charts' bars. */
async function assertNoSmallCounts(page: Page, k: number): Promise<number> {
  const counts = await page.evaluate(() =>
    [...document.querySelectorAll('[data-count]')].map((el) => ({ value: el.getAttribute('data-count') ?? '', text: (el.textContent ?? '').trim() })),
  );
  assert.ok(counts.length > 0, 'no counts found on the page');
  for (const c of counts) {
    if (c.value === 'withheld') continue;
    const n = Number(c.value);
    assert.ok(n === 0 || n >= k, `a count of ${n} is shown (text "${c.text}")`);
  }
  // The visible withheld counts read "< k".
  const withheld = await page.locator('span[data-count="withheld"]').allTextContents();
  for (const w of withheld) assert.equal(w.trim(), `< ${k}`);
  return counts.length;
}

/** Compares one area's figures on the page (within `scope`) with the API's. */
async function assertFigures(scope: Page | ReturnType<Page['locator']>, api: ApiBriefing, lang: Lang, opts: { sentences: boolean; coverageRows: number }) {
  const k = api.suppression?.k ?? 5;
  const f = api.figures;
  assert.equal(await text(scope, 'fig-total'), shown(f.total, lang, k), 'total');
  assert.equal(await text(scope, 'fig-previous-total'), shown(f.previousTotal, lang, k), 'previous total');
  for (const a of f.byApproach) {
    assert.equal(await text(scope, `fig-${a.approach}-current`), shown(a.current, lang, k), `${a.approach} current`);
    assert.equal(await text(scope, `fig-${a.approach}-previous`), shown(a.previous, lang, k), `${a.approach} previous`);
  }
  const change = await text(scope, 'fig-change');
  if (f.changePct === null) assert.equal(change, '—');
  else assert.ok(change.endsWith(pct(f.changePct, lang)), `change "${change}" should show ${pct(f.changePct, lang)}`);
  const rank = await text(scope, 'fig-rank');
  if (f.rank === null) assert.equal(rank, '—');
  else assert.equal(rank, lang === 'id' ? `${f.rank.rank} dari ${f.rank.of}` : `${f.rank.rank} of ${f.rank.of}`);
  const rate = await text(scope, 'fig-rate');
  if (f.ratePer10k === null) assert.match(rate, /tidak tersedia|not available|—/);
  else assert.equal(rate, new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 1 }).format(f.ratePer10k));
  if (opts.sentences) {
    const items = await scope.getByTestId('briefing-sentences').first().locator('li').allTextContents();
    assert.deepEqual(items, api.sentences);
    assert.ok(api.sentences.length >= 3 && api.sentences.length <= 5, `${api.sentences.length} sentences`);
  }
  const coverage = scope.getByTestId('coverage').first();
  if (api.coverage === null) {
    assert.equal(await coverage.getAttribute('data-plan'), 'none');
    assert.ok((await text(coverage, 'coverage-none')).length > 0);
  } else {
    assert.equal(await coverage.getAttribute('data-plan'), api.coverage.plan.id);
    assert.ok(((await coverage.textContent()) ?? '').includes(api.coverage.plan.name), 'plan name');
    if (!api.coverage.withheld && api.coverage.served !== null)
      assert.equal(await text(coverage, 'coverage-served'), new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 1 }).format(api.coverage.served));
    const rows = await coverage.locator('[data-facility]').evaluateAll((els) => els.map((e) => e.getAttribute('data-facility')));
    assert.equal(rows.length, Math.min(api.coverage.facilities.length, opts.coverageRows));
    for (const id of rows)
      assert.ok(
        api.coverage.facilities.some((x) => x.id === id),
        `facility ${id} is not in the plan`,
      );
  }
}

function assertViewerRequests(requests: URL[]) {
  const api = requests.filter((u) => u.pathname.startsWith('/api/'));
  assert.ok(
    api.some((u) => u.pathname.startsWith('/api/briefings/')),
    'the page should read /api/briefings',
  );
  assert.ok(
    api.some((u) => u.pathname === '/api/hotspots'),
    'the page should read /api/hotspots',
  );
  const personal = api.filter((u) => u.pathname.startsWith('/api/events'));
  assert.deepEqual(personal.map(String), [], 'the briefing must never request point-level events');
}

describe('briefing page', () => {
  for (const area of FOCUS) {
    for (const lang of LANGS) {
      test(`${area} (${lang}): figures, sentences and coverage equal the API's; no personal-level data`, async () => {
        const { page, context, requests } = await openBriefing(`area=${area}&lang=${lang}`);
        try {
          const api = await apiBriefing(page, area, lang);
          assert.equal(api.area.kind, 'focus');
          assert.equal(await page.locator('html').getAttribute('lang'), lang);
          assert.equal(await text(page, 'briefing-title'), api.area.name);
          assert.equal(await page.getByTestId('briefing-sheet').count(), 1);
          assert.equal(await page.getByTestId('briefing-map').count(), 1);
          await assertFigures(page, api, lang, { sentences: true, coverageRows: 4 });
          assert.ok(api.coverage !== null, 'the e2e plan covers every focus area');

          const footer = await text(page, 'briefing-footer');
          assert.match(footer, /Gi\*/);
          assert.match(footer, lang === 'id' ? /H3 resolusi 9, ketetanggaan k-ring 1/ : /H3 hexagon cells at resolution 9, k-ring 1/);
          assert.match(await text(page, 'briefing-notice'), lang === 'id' ? /sintetis/ : /synthetic/);
          const period = await text(page, 'briefing-period');
          assert.ok(period.includes(String(api.period.days)), period);

          // Buttons on screen: the PDF link keeps area, period and language.
          const href = (await page.getByTestId('download-pdf').getAttribute('href')) ?? '';
          const pdf = new URL(href, e2e.server.url);
          assert.equal(pdf.pathname, `/api/briefings/${area}.pdf`);
          assert.deepEqual([pdf.searchParams.get('lang'), pdf.searchParams.get('from'), pdf.searchParams.get('to')], [lang, api.period.from, api.period.to]);
          assert.ok(await page.getByTestId('print').isVisible());

          assertViewerRequests(requests);
          const n = await assertNoSmallCounts(page, api.suppression?.k ?? 5);
          assert.ok(n >= 10 + 12 * 4, `only ${n} counts marked`);
          await page
            .locator('.sheet')
            .first()
            .screenshot({ path: join(SHOTS, `briefing-${area}-${lang}.png`) });
        } finally {
          await context.close();
        }
      });
    }
  }

  test('jakarta (id): the city picture and the three focus areas side by side, each equal to the API', async () => {
    const { page, context, requests } = await openBriefing('area=jakarta&lang=id');
    try {
      const api = await apiBriefing(page, 'jakarta', 'id');
      assert.equal(await page.getByTestId('briefing-sheet').count(), 2);
      assert.equal(await page.getByTestId('briefing-map').count(), 4);
      const city = page.locator('[data-testid="briefing-sheet"][data-area="jakarta"]');
      await assertFigures(city, api, 'id', { sentences: true, coverageRows: 4 });
      assert.equal(await page.getByTestId('kota-table').locator('tbody tr').count(), 6);
      assert.ok(api.focusAreas !== null && api.focusAreas.length === 3);
      for (const fa of api.focusAreas) {
        const column = page.locator(`[data-testid="focus-column"][data-area="${fa.area.id}"]`);
        assert.equal(await column.count(), 1, fa.area.id);
        await assertFigures(column, fa, 'id', { sentences: true, coverageRows: 2 });
      }
      assertViewerRequests(requests);
      await assertNoSmallCounts(page, api.suppression?.k ?? 5);
      const sheets = page.locator('.sheet');
      await sheets.nth(0).screenshot({ path: join(SHOTS, 'briefing-jakarta-id-1.png') });
      await sheets.nth(1).screenshot({ path: join(SHOTS, 'briefing-jakarta-id-2.png') });
    } finally {
      await context.close();
    }
  });

  test('print=1 hides the buttons; an unknown area reports its error for the PDF renderer', async () => {
    const { page, context } = await openBriefing('area=kampung-bahari&print=1');
    assert.equal(await page.getByTestId('download-pdf').count(), 0);
    assert.equal(await page.getByTestId('print').count(), 0);
    await context.close();

    const bad = await e2e.browser.newPage();
    await bad.goto(`${e2e.server.url}/briefing?area=nowhere-at-all`);
    await bad.waitForFunction(() => typeof window.__rawanBriefing?.error === 'string', undefined, { timeout: 30_000 });
    assert.match((await bad.getByTestId('briefing-error').textContent()) ?? '', /nowhere-at-all/);
    await bad.close();
  });
});

// ---- PDF ----

function requirePoppler(): void {
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
  } catch {
    throw new Error('pdfinfo/pdftoppm are missing: install Debian poppler-utils ("apt-get install -y poppler-utils").');
  }
}

interface PdfFacts {
  pages: number;
  width: number;
  height: number;
  pngs: Buffer[];
}

/** Page count and size from pdfinfo, and each page as PNG from `pdftoppm -r 60`. */
function inspectPdf(pdf: Buffer, name: string): PdfFacts {
  const dir = mkdtempSync(join(tmpdir(), 'rawan-pdf-'));
  try {
    const file = join(dir, `${name}.pdf`);
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
    execFileSync('pdftoppm', ['-r', '60', '-png', file, join(dir, 'page')]);
    const pngs = readdirSync(dir)
      .filter((f) => f.startsWith('page') && f.endsWith('.png'))
      .sort()
      .map((f) => readFileSync(join(dir, f)));
    pngs.forEach((png, i) => writeFileSync(join(SHOTS, `briefing-${name}-p${i + 1}.png`), png));
    return { pages, width: Number(size?.[1] ?? 0), height: Number(size?.[2] ?? 0), pngs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The map on a one-area page or the city page: the left ~40% of the sheet, below the header. */
const MAP_REGION = { x: 0.05, y: 0.2, w: 0.33, h: 0.6 };

async function assertMapDrawn(png: Buffer, what: string) {
  const s = await pixelStats(e2e.browser, png, MAP_REGION);
  assert.ok(s.distinctColours >= 20, `${what}: only ${s.distinctColours} colours in the map area`);
  assert.ok(s.dominantShare < 0.85, `${what}: one colour covers ${(s.dominantShare * 100).toFixed(0)}% of the map area`);
}

function assertA4Landscape(f: PdfFacts, what: string) {
  assert.ok(Math.abs(f.width - 842) < 3 && Math.abs(f.height - 595) < 3, `${what}: page size ${f.width} x ${f.height} pts, expected A4 landscape 842 x 595`);
}

describe('briefing PDF', () => {
  test('GET /api/briefings/kampung-boncos.pdf: a one-page A4 landscape PDF with the map drawn', async () => {
    requirePoppler();
    const page = await e2e.browser.newPage();
    try {
      await page.goto(`${e2e.server.url}/briefing?area=kampung-boncos`);
      const res = await page.request.get(`${e2e.server.url}/api/briefings/kampung-boncos.pdf?lang=id`, { timeout: 120_000 });
      const body = await res.body();
      assert.equal(res.status(), 200, body.toString('utf8').slice(0, 500));
      assert.match(res.headers()['content-type'] ?? '', /application\/pdf/);
      assert.equal(body.subarray(0, 5).toString('latin1'), '%PDF-');
      const facts = inspectPdf(body, 'kampung-boncos-pdf');
      assert.equal(facts.pages, 1, 'a focus area fits on one page');
      assertA4Landscape(facts, 'kampung-boncos');
      await assertMapDrawn(facts.pngs[0], 'kampung-boncos');
    } finally {
      await page.close();
    }
  });

  test('GET /api/briefings/jakarta.pdf?lang=en: at most two A4 landscape pages with the maps drawn', async () => {
    requirePoppler();
    const page = await e2e.browser.newPage();
    try {
      await page.goto(`${e2e.server.url}/briefing?area=jakarta&lang=en`);
      const res = await page.request.get(`${e2e.server.url}/api/briefings/jakarta.pdf?lang=en`, { timeout: 180_000 });
      const body = await res.body();
      assert.equal(res.status(), 200, body.toString('utf8').slice(0, 500));
      assert.equal(body.subarray(0, 5).toString('latin1'), '%PDF-');
      const facts = inspectPdf(body, 'jakarta-en-pdf');
      assert.ok(facts.pages >= 1 && facts.pages <= 2, `${facts.pages} pages`);
      assertA4Landscape(facts, 'jakarta');
      await assertMapDrawn(facts.pngs[0], 'jakarta page 1');
    } finally {
      await page.close();
    }
  });

  // The page's own print layout, printed here with the options server/briefing/render-pdf.ts uses, so a layout
  // regression shows even where the server cannot render.
  for (const [area, maxPages] of [
    ['kampung-ambon', 1],
    ['jakarta', 2],
  ] as const) {
    test(`the ${area} page prints to ${maxPages === 1 ? 'one page' : 'at most two pages'} of A4 landscape`, async () => {
      requirePoppler();
      const context = await e2e.browser.newContext({ viewport: { width: 1123, height: 794 }, deviceScaleFactor: 1.5 });
      try {
        const page = await context.newPage();
        await page.goto(`${e2e.server.url}/briefing?area=${area}&lang=id&print=1`);
        await page.waitForFunction(() => window.__rawanBriefing?.ready === true, undefined, { timeout: 90_000 });
        await page.emulateMedia({ media: 'print' });
        const pdf = await page.pdf({
          format: 'A4',
          landscape: true,
          printBackground: true,
          preferCSSPageSize: false,
          margin: { top: '8mm', bottom: '8mm', left: '8mm', right: '8mm' },
        });
        const facts = inspectPdf(pdf, `${area}-print`);
        assert.ok(facts.pages >= 1 && facts.pages <= maxPages, `${facts.pages} pages`);
        if (area !== 'jakarta') assert.equal(facts.pages, 1);
        assertA4Landscape(facts, area);
        await assertMapDrawn(facts.pngs[0], area);
      } finally {
        await context.close();
      }
    });
  }
});
