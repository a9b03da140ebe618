// npm start: builds the client when the build is missing or older than its sources, then starts the server.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const built = 'dist/index.html';
const stale = !existsSync(built) || statSync(built).mtimeMs < Math.max(newestMtime('web'), statSync('vite.config.ts').mtimeMs);
if (stale) {
  console.log('Building the client (vite build)…');
  const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
// npm start is the demo: anonymous visitors are viewers unless RAWAN_PUBLIC_VIEWER says otherwise.
const env = { ...process.env, RAWAN_PUBLIC_VIEWER: process.env.RAWAN_PUBLIC_VIEWER ?? '1' };
const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
