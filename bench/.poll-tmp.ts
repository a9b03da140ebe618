import { launchChromium } from '../test/e2e/browser';
const b = await launchChromium();
const ctx = await b.newContext({ viewport: { width: 1440, height: 900 } });
const page = await ctx.newPage();
await page.addInitScript(() => {
  const log: string[] = [];
  (window as any).__log = log;
  let last = '';
  const tick = () => {
    const p = (window as any).__rawan;
    const s = p ? `loaded=${p.mapLoaded} frames=${p.deckFrames} layers=${p.layerIds.join(',')} all=${p.allLayers}` : 'none';
    if (s !== last) { log.push(`${Math.round(performance.now())} ${s}`); last = s; }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  setInterval(tick, 20);
});
await page.goto('http://localhost:8791/');
await page.waitForFunction(() => typeof window.__rawan?.firstMapMs === 'number', null, { timeout: 120000 });
await page.waitForTimeout(3000);
console.log((await page.evaluate(() => (window as any).__log)).join('\n'));
console.log('first', await page.evaluate(() => window.__rawan?.firstMapMs));
await b.close();
