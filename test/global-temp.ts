// Vitest global setup: one scratch folder for the whole run (tempDir puts every test's folders in it), removed at the end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'rawan-test-run-'));
  process.env.RAWAN_TEST_TMP = root;
  return () => rmSync(root, { recursive: true, force: true });
}
