import { launchChromium, waitForMap } from '../test/e2e/browser';
const url = 'http://localhost:8791';
const b = await launchChromium();
const ctx = await b.newContext({ viewport: { width: 1440, height: 900 } });
await ctx.request.post(`${url}/api/auth/login`, { data: { username: 'admin', password: 'admin-password-123' }, headers: { origin: url } });
const page = await ctx.newPage();
page.on('pageerror', (e) => console.log('pageerror', e.message));
page.on('console', (m) => { if (m.type() === 'error') console.log('console', m.text()); });
page.on('response', (r) => { if (r.url().includes('/api/coverage')) console.log('resp', r.status(), r.url()); });
await page.goto(`${url}/${process.argv[2] ?? '?panel=coverage'}`);
await waitForMap(page, { timeout: 90000 });
if (process.argv[3] === 'run') { await page.getByTestId('coverage-run').click(); await page.waitForTimeout(4000); await waitForMap(page); }
await page.screenshot({ path: '/tmp/rawan/shot.png' });
console.log(await page.getByTestId('coverage-run').isDisabled().catch(() => 'n/a'));
await b.close();
