// The import thread's code as one plain JavaScript module, built from the TypeScript sources with esbuild, so an
// import thread starts without tsx compiling its modules one by one: measured at 1,000,000 rows, the first batch
// reached the writing thread 100–300 ms sooner. The file goes under var/build/ named by a hash of its text, so
// processes running the same sources share it and never see one half-written; packages stay outside the bundle and
// load from node_modules as usual. A manifest beside it lists the sources it was built from with their sizes and
// times: while none has changed, a process takes the file as it is (a few stat calls instead of a 100 ms build).
// Should the build fail (esbuild missing, a read-only checkout), the thread starts through tsx as before.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ENTRY = fileURLToPath(new URL('./event-thread-worker.ts', import.meta.url));
/** Under the project, so the bundle's imports of packages find its node_modules. */
const OUT_DIR = fileURLToPath(new URL('../../var/build/', import.meta.url));

const MANIFEST = `${OUT_DIR}import-thread.json`;

interface Manifest {
  file: string;
  inputs: Array<{ path: string; size: number; mtimeMs: number }>;
}

let built: URL | null | undefined;

/** Writes `text` to `file` whole: another process reads either nothing or all of it. */
function writeWhole(file: string, text: string): void {
  mkdirSync(OUT_DIR, { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

/** The bundle the manifest names, when it exists and none of its sources changed since. */
export function unchangedBundle(manifest = MANIFEST): string | null {
  try {
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as Manifest;
    const file = `${OUT_DIR}${m.file}`;
    if (!/^import-thread-[0-9a-f]{16}\.mjs$/.test(m.file) || !existsSync(file) || m.inputs.length === 0) return null;
    for (const i of m.inputs) {
      const st = statSync(i.path);
      if (st.size !== i.size || Math.floor(st.mtimeMs) !== i.mtimeMs) return null;
    }
    return file;
  } catch {
    return null;
  }
}

/** The bundled import thread (found or built on the first call), or null when it could not be built. */
export function importThreadBundle(): URL | null {
  if (built !== undefined) return built;
  built = null;
  try {
    const ready = unchangedBundle();
    if (ready !== null) return (built = pathToFileURL(ready));
    // Loaded only here: without esbuild the import still runs, through tsx.
    const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
    const out = esbuild.buildSync({
      entryPoints: [ENTRY],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const text = out.outputFiles[0].text;
    const name = `import-thread-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.mjs`;
    if (!existsSync(`${OUT_DIR}${name}`)) writeWhole(`${OUT_DIR}${name}`, text);
    // Sizes and times as they are now: a source edited during the build makes the next process build again.
    const inputs = Object.keys(out.metafile.inputs).map((p) => {
      const path = resolve(p);
      const st = statSync(path);
      return { path, size: st.size, mtimeMs: Math.floor(st.mtimeMs) };
    });
    writeWhole(MANIFEST, JSON.stringify({ file: name, inputs } satisfies Manifest));
    built = pathToFileURL(`${OUT_DIR}${name}`);
  } catch {
    built = null;
  }
  return built;
}
