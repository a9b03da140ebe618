// The client build is served from its folder only; app routes get index.html; nothing outside the folder leaks.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { serveClient } from '../../server/static-client.js';
import { makeTestApp, type TestApp } from '../helpers/test-app.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('serveClient', () => {
  let t: TestApp;
  beforeAll(async () => {
    const root = tempDir('rawan-static-');
    const dist = join(root, 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Rawan</title>');
    writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(root, 'secret.txt'), 'do not serve');
    t = await makeTestApp({ empty: true });
    expect(serveClient(t.app, dist)).toBe(true);
  });

  it('serves files and the app shell for client routes', async () => {
    expect(await (await t.app.request('/assets/app.js')).text()).toBe('console.log(1)');
    expect(await (await t.app.request('/briefing?area=jakarta')).text()).toMatch(/Rawan/);
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt'])('never serves %s', async (path) => {
    const res = await t.app.request(path);
    expect(await res.text()).not.toMatch(/do not serve/);
  });

  it('keeps unknown API paths as JSON 404s', async () => {
    const res = await t.app.request('/api/nothing-here');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });
});
