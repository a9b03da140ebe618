// The import thread's bundle: one self-contained module under var/build (packages aside), built when its sources
// change and taken as it is while they do not.
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
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
    // A manifest of its own naming the real bundle and one source in a scratch folder (the real sources stay
    // untouched: other test files build the bundle meanwhile).
    const path = fileURLToPath(importThreadBundle() as URL);
    const dir = mkdtempSync(join(tmpdir(), 'rawan-bundle-'));
    try {
      const source = join(dir, 'source.ts');
      writeFileSync(source, 'export const x = 1;\n');
      const manifest = join(dir, 'import-thread.json');
      const write = () => {
        const st = statSync(source);
        writeFileSync(manifest, JSON.stringify({ file: basename(path), inputs: [{ path: source, size: st.size, mtimeMs: Math.floor(st.mtimeMs) }] }));
        return st;
      };
      const st = write();
      expect(unchangedBundle(manifest)).toBe(path);
      // A newer time, then a different size, each against the manifest written before it.
      utimesSync(source, st.atime, new Date(st.mtime.getTime() + 5_000));
      expect(unchangedBundle(manifest)).toBeNull();
      write();
      expect(unchangedBundle(manifest)).toBe(path);
      writeFileSync(source, 'export const x = 22;\n');
      expect(unchangedBundle(manifest)).toBeNull();
      write();
      expect(unchangedBundle(manifest)).toBe(path);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
