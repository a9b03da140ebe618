// The import thread's code as one plain JavaScript module, built from the TypeScript sources once per process with
// esbuild (tens of milliseconds), so an import thread starts without tsx compiling its modules one by one: measured
// at 1,000,000 rows, the first batch reached the writing thread 100–300 ms sooner. The file goes under var/build/
// named by a hash of its text, so processes running the same sources share it and never see one half-written;
// packages stay outside the bundle and load from node_modules as usual. Should the build fail (esbuild missing, a
// read-only checkout), the thread starts through tsx as before.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ENTRY = fileURLToPath(new URL('./event-thread-worker.ts', import.meta.url));
/** Under the project, so the bundle's imports of packages find its node_modules. */
const OUT_DIR = fileURLToPath(new URL('../../var/build/', import.meta.url));

let built: URL | null | undefined;

/** The bundled import thread (built on first call), or null when it could not be built. */
export function importThreadBundle(): URL | null {
  if (built !== undefined) return built;
  built = null;
  try {
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
      logLevel: 'silent',
    });
    const text = out.outputFiles[0].text;
    const file = `${OUT_DIR}import-thread-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.mjs`;
    if (!existsSync(file)) {
      mkdirSync(OUT_DIR, { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, text);
      renameSync(temp, file);
    }
    built = pathToFileURL(file);
  } catch {
    built = null;
  }
  return built;
}
