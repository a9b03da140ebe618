import { launchChromium } from '../test/e2e/browser';
const b = await launchChromium();
const ctx = await b.newContext({ viewport: { width: 1440, height: 900 } });
const page = await ctx.newPage();
page.on('console', (m) => console.log('console', m.text()));
await page.goto(process.argv[2] ?? 'http://localhost:8791/');
await page.waitForFunction(() => typeof window.__rawan?.firstMapMs === 'number', null, { timeout: 120000 });
const r = await page.evaluate(() => ({
  first: window.__rawan?.firstMapMs,
  res: performance.getEntriesByType('resource').map((e) => { const t = e as PerformanceResourceTiming; return `${Math.round(t.startTime)}-${Math.round(t.responseEnd)} ${Math.round(t.encodedBodySize/1024)}KB ${t.name.replace(location.origin, '')}`; }),
  marks: performance.getEntriesByType('mark').map((m) => `${m.name} ${Math.round(m.startTime)}`),
  nav: JSON.stringify(performance.getEntriesByType('navigation')[0]),
}));
console.log(r.first); console.log(r.res.join('\n')); console.log(r.marks.join('\n'));
await b.close();
