// Launches Debian's Chromium through playwright-core with software WebGL, and helpers to wait for the map and read its pixels.
import { chromium, type Browser, type Page } from 'playwright-core';

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

export interface ProbeState {
  mapLoaded: boolean;
  mapIdle: boolean;
  deckFrames: number;
  choroplethKey: string | null;
  layerIds: string[];
  firstMapMs: number | null;
  hotspotCells: number;
  coverageLines: number;
  allLayers: boolean;
}

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

/** RGB colours of a PNG screenshot at the given pixel positions (decoded in a blank page). */
export async function pixelsAt(browser: Browser, png: Buffer, points: readonly [number, number][]): Promise<[number, number, number][]> {
  const page = await browser.newPage();
  try {
    return await page.evaluate(
      async ({ b64, pts }) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.width;
        canvas.height = img.height;
        const ctx = canvas.getContext('2d');
        if (!ctx) throw new Error('no 2d context');
        ctx.drawImage(img, 0, 0);
        return pts.map(([x, y]): [number, number, number] => {
          const d = ctx.getImageData(Math.round(x), Math.round(y), 1, 1).data;
          return [d[0], d[1], d[2]];
        });
      },
      { b64: png.toString('base64'), pts: points },
    );
  } finally {
    await page.close();
  }
}

export interface PixelStats {
  distinctColours: number;
  dominantShare: number;
}

/** Decodes a PNG screenshot in a blank page and counts colours (quantised to 4 bits per channel). */
export async function pixelStats(browser: Browser, png: Buffer): Promise<PixelStats> {
  const page = await browser.newPage();
  try {
    return await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      ctx.drawImage(img, 0, 0);
      const { data } = ctx.getImageData(0, 0, img.width, img.height);
      const counts = new Map<number, number>();
      for (let i = 0; i < data.length; i += 4) {
        const key = ((data[i] >> 4) << 8) | ((data[i + 1] >> 4) << 4) | (data[i + 2] >> 4);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      const total = data.length / 4;
      return { distinctColours: counts.size, dominantShare: Math.max(...counts.values()) / total };
    }, png.toString('base64'));
  } finally {
    await page.close();
  }
}
