// Renders the briefing page to an A4 landscape PDF in headless Chromium (playwright-core driving the system
// Chromium; never a downloaded browser). One browser is kept and reused; each PDF gets its own context.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { RawanError } from '../errors.js';

export class ChromiumMissingError extends RawanError {
  readonly status = 503;
  readonly code = 'pdf_renderer_missing';
}

export class PdfRenderError extends RawanError {
  readonly status = 503;
  readonly code = 'pdf_render_failed';
}

export const CHROMIUM_PATH = process.env.RAWAN_CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

let browser: Promise<Browser> | null = null;

function getBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new ChromiumMissingError(
      `PDF briefings need Chromium at ${CHROMIUM_PATH}, which is missing. Install it with "apt-get install -y chromium" (Debian) or set RAWAN_CHROMIUM_PATH.`,
    );
  }
  if (browser === null) {
    browser = chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS });
    browser.then((b) => b.on('disconnected', () => (browser = null))).catch(() => (browser = null));
  }
  return browser;
}

export interface RenderRequest {
  /** Absolute URL of the briefing page. */
  url: string;
  /** The caller's session cookie, so the page sees what the caller may see. */
  cookie: { name: string; value: string } | null;
  timeoutMs?: number;
}

export async function renderPdf(req: RenderRequest): Promise<Uint8Array> {
  const b = await getBrowser();
  const context = await b.newContext({ viewport: { width: 1123, height: 794 }, deviceScaleFactor: 1.5 });
  try {
    if (req.cookie) await context.addCookies([{ name: req.cookie.name, value: req.cookie.value, url: new URL(req.url).origin }]);
    const page = await context.newPage();
    const timeout = req.timeoutMs ?? 60_000;
    await page.goto(req.url, { waitUntil: 'load', timeout });
    // Functions, not strings: the app's Content-Security-Policy forbids eval, and string predicates need it.
    await page.waitForFunction(
      () => {
        const b: unknown = Reflect.get(globalThis, '__rawanBriefing');
        return typeof b === 'object' && b !== null && (Reflect.get(b, 'ready') === true || typeof Reflect.get(b, 'error') === 'string');
      },
      undefined,
      { timeout },
    );
    const failed = await page.evaluate(() => {
      const b: unknown = Reflect.get(globalThis, '__rawanBriefing');
      const e = typeof b === 'object' && b !== null ? Reflect.get(b, 'error') : null;
      return typeof e === 'string' ? e : null;
    });
    if (typeof failed === 'string') throw new PdfRenderError(`The briefing page could not load its data: ${failed}`);
    await page.emulateMedia({ media: 'print' });
    return await page.pdf({
      format: 'A4',
      landscape: true,
      printBackground: true,
      preferCSSPageSize: false,
      margin: { top: '8mm', bottom: '8mm', left: '8mm', right: '8mm' },
    });
  } catch (e) {
    if (e instanceof RawanError) throw e;
    throw new PdfRenderError(`Rendering the briefing PDF failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  } finally {
    await context.close();
  }
}

export async function closeRenderer(): Promise<void> {
  if (browser) await (await browser).close();
  browser = null;
}
