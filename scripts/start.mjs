// npm start: builds the client when the build is missing or older than its sources, then starts the server.
import { spawn } from 'node:child_process';
import { buildClientIfStale } from './client-build.mjs';

try {
  buildClientIfStale({ log: true });
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
// npm start is the demo: anonymous visitors are viewers unless RAWAN_PUBLIC_VIEWER says otherwise.
const env = { ...process.env, RAWAN_PUBLIC_VIEWER: process.env.RAWAN_PUBLIC_VIEWER ?? '1' };
const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
