// Launches Debian's Chromium through playwright-core with software WebGL, and helpers to wait for the map and read its pixels.
import { chromium, type Browser, type Page } from 'playwright-core';
import type { RawanProbe } from '../../web/probe';

export const CHROMIUM_ARGS = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

/** What probeOf reads of window.__rawan: all of it but the basemap kind and the projection function. */
export type ProbeState = Omit<RawanProbe, 'basemap' | 'project'>;

export async function probeOf(page: Page): Promise<ProbeState> {
  return page.evaluate(() => {
    const p = window.__rawan;
    return {
      mapLoaded: p?.mapLoaded ?? false,
      mapIdle: p?.mapIdle ?? false,
      deckFrames: p?.deckFrames ?? 0,
      choroplethKey: p?.choroplethKey ?? null,
      layerIds: p?.layerIds ?? [],
      firstMapMs: p?.firstMapMs ?? null,
      hotspotCells: p?.hotspotCells ?? 0,
      coverageLines: p?.coverageLines ?? 0,
      allLayers: p?.allLayers ?? false,
    };
  });
}

/** Waits until the basemap is idle, every layer is built, deck.gl has drawn after `afterFrames`, nothing is loading, and (optionally) a choropleth key shows. */
export async function waitForMap(
  page: Page,
  opts: { afterFrames?: number; choroplethKey?: (key: string) => boolean; timeout?: number } = {},
): Promise<ProbeState> {
  const timeout = opts.timeout ?? 60_000;
  const deadline = Date.now() + timeout;
  for (;;) {
    const p = await probeOf(page);
    const loading = await page.locator('.loading-bar.active').count();
    const keyOk = opts.choroplethKey ? p.choroplethKey !== null && opts.choroplethKey(p.choroplethKey) : true;
    if (p.mapLoaded && p.mapIdle && p.allLayers && p.deckFrames > (opts.afterFrames ?? 0) && loading === 0 && keyOk) {
      // One more frame after the state settled, so what is drawn matches it.
      const frames = p.deckFrames;
      await page.waitForFunction((f) => (window.__rawan?.deckFrames ?? 0) > f || window.__rawan?.mapIdle === true, frames, { timeout: 10_000 });
      return probeOf(page);
    }
    if (Date.now() > deadline) throw new Error(`The map did not settle within ${timeout} ms: ${JSON.stringify(p)} (loading: ${loading})`);
    await page.waitForTimeout(100);
  }
}

export interface PixelStats {
  distinctColours: number;
  dominantShare: number;
}

/** A rectangle of an image in fractions of its width and height. */
export interface Region {
  x: number;
  y: number;
  w: number;
  h: number;
}

const WHOLE: Region = { x: 0, y: 0, w: 1, h: 1 };

type PngQuery = { points: readonly [number, number][] } | { region: Region };
type PngAnswer = { colours: [number, number, number][] } | PixelStats;

/** Decodes a PNG in a blank page, then reads the RGB colours at `points` or counts the colours of `region` (quantised to 4 bits per channel). */
async function readPng(browser: Browser, png: Buffer, query: PngQuery): Promise<PngAnswer> {
  const page = await browser.newPage();
  try {
    return await page.evaluate(
      async ({ b64, q }) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.width;
        canvas.height = img.height;
        const ctx = canvas.getContext('2d');
        if (!ctx) throw new Error('no 2d context');
        ctx.drawImage(img, 0, 0);
        if ('points' in q) {
          return {
            colours: q.points.map(([x, y]): [number, number, number] => {
              const d = ctx.getImageData(Math.round(x), Math.round(y), 1, 1).data;
              return [d[0], d[1], d[2]];
            }),
          };
        }
        const r = q.region;
        const { data } = ctx.getImageData(Math.round(r.x * img.width), Math.round(r.y * img.height), Math.round(r.w * img.width), Math.round(r.h * img.height));
        const counts = new Map<number, number>();
        for (let i = 0; i < data.length; i += 4) {
          const key = ((data[i] >> 4) << 8) | ((data[i + 1] >> 4) << 4) | (data[i + 2] >> 4);
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
        return { distinctColours: counts.size, dominantShare: Math.max(...counts.values()) / (data.length / 4) };
      },
      { b64: png.toString('base64'), q: query },
    );
  } finally {
    await page.close();
  }
}

/** RGB colours of a PNG screenshot at the given pixel positions (decoded in a blank page). */
export async function pixelsAt(browser: Browser, png: Buffer, points: readonly [number, number][]): Promise<[number, number, number][]> {
  const answer = await readPng(browser, png, { points });
  if (!('colours' in answer)) throw new Error('expected colours');
  return answer.colours;
}

/** Decodes a PNG screenshot in a blank page and counts colours (quantised to 4 bits per channel), of the whole image or of `region`. */
export async function pixelStats(browser: Browser, png: Buffer, region: Region = WHOLE): Promise<PixelStats> {
  const answer = await readPng(browser, png, { region });
  if ('colours' in answer) throw new Error('expected colour counts');
  return answer;
}
