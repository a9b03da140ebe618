// Scratch folders for tests and benchmarks, never left behind (the kill tests write 60 MB files). Under vitest they go
// in one folder per run that test/global-temp.ts removes at the end (the runner ends its workers without an exit
// event); in a plain process they are removed when it exits.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];
let hooked = false;

/** A new empty folder named `<prefix>XXXXXX`. */
export function tempDir(prefix: string): string {
  const runRoot = process.env.RAWAN_TEST_TMP;
  if (runRoot === undefined && !hooked) {
    hooked = true;
    process.once('exit', () => {
      for (const dir of made) rmSync(dir, { recursive: true, force: true });
    });
  }
  const dir = mkdtempSync(join(runRoot ?? tmpdir(), prefix));
  made.push(dir);
  return dir;
}
