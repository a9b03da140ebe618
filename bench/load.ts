// Load test on loopback with autocannon against a real server process: the main read endpoints as a logged-in
// viewer, 50 connections. The server runs in its own process so the load generator does not share its event loop.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { tempDir } from '../test/helpers/temp-dir.js';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Row } from './measure.js';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not answer ${url} within ${ms} ms`);
}

export async function benchLoad(seconds = 10): Promise<Row[]> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = { ...process.env, PORT: String(port), RAWAN_DB: join(tempDir('rawan-load-'), 'load.db'), RAWAN_ADMIN_PASSWORD: 'load-admin-password', RAWAN_PUBLIC_VIEWER: '0', RAWAN_CLIENT_DIR: 'no-client' };
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env, stdio: 'ignore' });
  try {
    await waitFor(`${base}/api/health`, 60_000);
    const login = async (username: string, password: string) => {
      const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
      return (res.headers.get('set-cookie') ?? '').split(';')[0];
    };
    const admin = await login('admin', 'load-admin-password');
    await fetch(`${base}/api/users`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: admin }, body: JSON.stringify({ username: 'load-viewer', password: 'load-viewer-password', role: 'viewer' }) });
    const cookie = await login('load-viewer', 'load-viewer-password');
    const rows: Row[] = [];
    const targets: Array<[string, string]> = [
      ['/api/indicators kota 1y', '/api/indicators?level=kota&from=2025-11-01&to=2026-10-31'],
      ['/api/indicators kelurahan 1y', '/api/indicators?level=kelurahan&from=2025-11-01&to=2026-10-31'],
      ['/api/hotspots res 9 1y', '/api/hotspots?resolution=9&from=2025-11-01&to=2026-10-31'],
    ];
    for (const [name, path] of targets) {
      const warm = await fetch(`${base}${path}`, { headers: { cookie } });
      const bytes = (await warm.arrayBuffer()).byteLength;
      const result = await autocannon({ url: `${base}${path}`, connections: 50, duration: seconds, headers: { cookie } });
      rows.push({ group: 'load (viewer, 50 conn)', name: `${name} (${Math.round(bytes / 1024)} kB) requests/s`, value: result.requests.average, unit: 'req/s' });
      rows.push({ group: 'load (viewer, 50 conn)', name: `${name} p99 latency`, value: result.latency.p99, unit: 'ms' });
      rows.push({ group: 'load (viewer, 50 conn)', name: `${name} errors + non-2xx`, value: result.errors + result.non2xx, unit: 'count' });
    }
    return rows;
  } finally {
    server.kill('SIGTERM');
  }
}
