// The import thread's bundle: one self-contained module under var/build (packages aside), built when its sources
// change and taken as it is while they do not.
import { readFileSync, statSync, utimesSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importThreadBundle, unchangedBundle } from '../../../server/ingest/event-thread-bundle.js';

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

  it('is taken as built until one of its sources changes', () => {
    const path = fileURLToPath(importThreadBundle() as URL);
    expect(unchangedBundle()).toBe(path);
    const source = fileURLToPath(new URL('../../../server/ingest/event-thread-worker.ts', import.meta.url));
    const { atime, mtime } = statSync(source);
    try {
      utimesSync(source, atime, new Date(mtime.getTime() + 5_000));
      expect(unchangedBundle()).toBeNull();
    } finally {
      utimesSync(source, atime, mtime);
    }
    expect(unchangedBundle()).toBe(path);
  });
});
