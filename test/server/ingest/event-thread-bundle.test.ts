// The import thread's bundle: one self-contained module under var/build (packages aside), built once per process.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importThreadBundle } from '../../../server/ingest/event-thread-bundle.js';

describe('importThreadBundle', () => {
  it('builds one module holding the thread’s own code, importing only packages and Node built-ins', () => {
    const url = importThreadBundle();
    expect(url).not.toBeNull();
    const path = fileURLToPath(url as URL);
    expect(path).toMatch(/[/\\]var[/\\]build[/\\]import-thread-[0-9a-f]{16}\.mjs$/);
    const text = readFileSync(path, 'utf8');
    const imported = [...text.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]);
    expect(imported.length).toBeGreaterThan(0);
    for (const spec of imported) expect(spec).toMatch(/^(node:|[a-z@])/);
    // The worker's own loop and the lattice are inside, not imported.
    expect(text).toContain('POST_TALLIES_AT');
    expect(text).toContain('CellLattice = class');
    expect(importThreadBundle()).toBe(url);
  });
});
