// Starts Rawan on a free port with a fresh temporary database (and builds the client first when it is stale), for e2e tests and the client benchmark.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildClientIfStale } from '../../scripts/client-build.mjs';

const ROOT = resolve(import.meta.dirname, '../..');

export { buildClientIfStale };

function portIsFree(port) {
  return new Promise((ok) => {
    const s = createServer();
    s.once('error', () => ok(false));
    s.listen(port, () => s.close(() => ok(true)));
  });
}

/** A free port, preferring RAWAN_E2E_PORTS (default 8790-8799) and otherwise one the OS picks. */
export async function freePort() {
  const [lo, hi] = (process.env.RAWAN_E2E_PORTS ?? '8790-8799').split('-').map(Number);
  for (let p = lo; p <= hi; p++) if (await portIsFree(p)) return p;
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => ok(port));
    });
  });
}

/** Starts the server (public viewer on, a known admin password) and resolves once /api/health answers. */
export async function startTempServer({ env = {}, log = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'rawan-e2e-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), RAWAN_DB: join(dir, 'e2e.db'), RAWAN_PUBLIC_VIEWER: '1', RAWAN_ADMIN_PASSWORD: 'e2e-admin-password', ...env },
    stdio: ['ignore', log ? 'inherit' : 'pipe', log ? 'inherit' : 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited early (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`The server did not answer /api/health within 120 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    port,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
