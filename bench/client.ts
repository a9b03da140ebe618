// Client benchmark: gzip size of every production chunk, the JavaScript the first view loads, and navigation-to-first-map time in headless Chromium.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../test/e2e/browser';
import { buildClientIfStale, startTempServer } from '../test/e2e/temp-server.mjs';

export interface ClientRow {
  name: string;
  value: number;
  unit: string;
}

const ROOT = resolve(import.meta.dirname, '..');
const ASSETS = join(ROOT, 'dist/assets');
const RUNS = 3;

const kb = (bytes: number): number => Math.round((bytes / 1024) * 10) / 10;

function gzipSizes(): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of readdirSync(ASSETS)) {
    if (!/\.(m?js)$/.test(f)) continue;
    out.set(f, gzipSync(readFileSync(join(ASSETS, f)), { level: 9 }).length);
  }
  return out;
}

/** Chunk name without its content hash, so rows keep their names between builds. */
function chunkName(file: string): string {
  return file.replace(/-[A-Za-z0-9_-]{8}(\.m?js)$/, '$1');
}

export async function benchClient(): Promise<ClientRow[]> {
  buildClientIfStale();
  const sizes = gzipSizes();
  const rows: ClientRow[] = [...sizes.entries()].sort((a, b) => b[1] - a[1]).map(([f, bytes]) => ({ name: `chunk ${chunkName(f)} (gzip)`, value: kb(bytes), unit: 'KB' }));
  rows.push({ name: 'all chunks (gzip)', value: kb([...sizes.values()].reduce((a, b) => a + b, 0)), unit: 'KB' });

  const server = await startTempServer();
  const browser = await launchChromium();
  try {
    const firstMap: number[] = [];
    let firstViewBytes = 0;
    for (let run = 0; run < RUNS; run++) {
      // A new context per run: a cold cache, as on a first visit.
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      const loaded = new Set<string>();
      const note = (url: string) => {
        const file = new URL(url).pathname.split('/').pop() ?? '';
        if (sizes.has(file)) loaded.add(file);
      };
      page.on('response', (r) => note(r.url()));
      context.on('serviceworker', () => undefined);
      page.on('worker', (w) => note(w.url()));
      await page.goto(server.url);
      await page.waitForFunction(() => typeof window.__rawan?.firstMapMs === 'number', null, { timeout: 120_000 });
      firstMap.push(await page.evaluate(() => window.__rawan?.firstMapMs ?? Number.NaN));
      if (run === 0) firstViewBytes = [...loaded].reduce((s, f) => s + (sizes.get(f) ?? 0), 0);
      await context.close();
    }
    firstMap.sort((a, b) => a - b);
    rows.push({ name: 'first view JS incl. map worker (gzip)', value: kb(firstViewBytes), unit: 'KB' });
    rows.push({ name: `navigation to first map, median of ${RUNS} (headless Chromium, SwiftShader)`, value: Math.round(firstMap[Math.floor(RUNS / 2)]), unit: 'ms' });
    rows.push({ name: 'navigation to first map, best', value: Math.round(firstMap[0]), unit: 'ms' });
  } finally {
    await browser.close();
    await server.stop();
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await benchClient();
  const w = Math.max(...rows.map((r) => r.name.length));
  for (const r of rows) console.log(`${r.name.padEnd(w)}  ${String(r.value).padStart(9)}  ${r.unit}`);
}
