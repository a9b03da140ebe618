// npm run test:e2e: builds the client if stale, starts Rawan on a free port with a fresh temporary database, runs the browser tests.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildClientIfStale, startTempServer } from '../test/e2e/temp-server.mjs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`Chromium is not at ${chromium}. Install it with "apt-get install -y chromium" (or set CHROMIUM_PATH).`);
  process.exit(1);
}

if (buildClientIfStale()) console.log('Built the client (vite build).');
const server = await startTempServer();
console.log(`Rawan e2e server at ${server.url}`);
// `npm run test:e2e -- briefing` runs only the files whose name contains "briefing".
const only = process.argv.slice(2);
const files = readdirSync('test/e2e')
  .filter((f) => f.endsWith('.e2e.ts') && (only.length === 0 || only.some((o) => f.includes(o))))
  .map((f) => join('test/e2e', f));
let status = 1;
try {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files], {
    stdio: 'inherit',
    env: { ...process.env, RAWAN_E2E_URL: server.url },
  });
  status = r.status ?? 1;
} finally {
  await server.stop();
}
process.exit(status);
