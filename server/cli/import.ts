// `npm run import -- <kind> <file> [--dry-run] [--map field=Column] [--year 2020] [--source "…"]`, or `jakarta <dir>`:
// validates, prints a report, and writes all files or none. Exits 1 when a file is refused. `list` shows past imports,
// `rollback <id>` undoes one as a whole.
import { parseArgs } from 'node:util';
import { readConfig } from '../config.js';
import { parseMapping } from '../ingest/columns.js';
import { IMPORT_KINDS, runImport, type ImportItem, type ImportKind } from '../ingest/import-service.js';
import { planJakartaDirectory } from '../ingest/jakarta-directory.js';
import type { ImportReport } from '../ingest/report.js';
import { rollbackImport } from '../ingest/rollback-import.js';
import { RawanError } from '../errors.js';
import type { ImportRecord } from '../store/import-records.js';
import { ensureDefaultData, openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';

const USAGE = `Usage:
  npm run import -- <boundaries|facilities|population|events> <file> [options]
  npm run import -- jakarta <directory>          (a directory laid out like ../shared/data/jakarta)
  npm run import -- list [count]                 past imports, newest first (default 20)
  npm run import -- rollback <import id>         undo one import as a whole (newest first when later ones changed its records)
Options:
  --dry-run              validate and report without writing
  --map field=Column     use Column for field (repeatable), e.g. --map name="Nama PKM"
  --year 2020            population year (default: a year in the file name)
  --source "text"        provenance to record (default: the file name)
Environment: RAWAN_DB (default var/rawan.db), RAWAN_MAX_IMPORT_MB (default 200).`;

function printReport(r: ImportReport): void {
  const status = r.errors > 0 ? 'REFUSED' : r.written ? 'written' : r.dryRun ? 'valid (dry run, nothing written)' : 'valid';
  console.log(`\n${r.kind}: ${r.file} [${r.format}] — ${r.rows} rows, ${r.accepted} accepted, ${r.rejected} rejected, ${r.errors} errors, ${r.warnings} warnings — ${status}`);
  const used = Object.entries(r.columns.used).map(([f, c]) => `${f}←"${c}"`).join(', ');
  if (used) console.log(`  columns: ${used}`);
  if (r.columns.ignored.length > 0) console.log(`  ignored columns: ${r.columns.ignored.join(', ')}`);
  for (const [code, n] of Object.entries(r.summary)) console.log(`  ${code}: ${n}`);
  for (const i of r.issues) console.log(`  ${i.severity === 'error' ? 'ERROR' : 'warn '} ${i.row === 0 ? 'file' : `row ${i.row}`}${i.field ? ` [${i.field}]` : ''}: ${i.message}`);
  if (r.errors + r.warnings > r.issues.length) console.log(`  … and ${r.errors + r.warnings - r.issues.length} more`);
}

function printImport(r: ImportRecord): void {
  const files = r.files.map((f) => `${f.kind} ${f.file} (${f.rows} rows)`).join('; ');
  const status = r.status === 'applied' ? 'applied' : `rolled back ${r.rolledBackAt ?? ''}${r.rolledBackBy ? ` by ${r.rolledBackBy}` : ''}`;
  console.log(`${r.id}  ${r.at}  ${r.by ?? '(command line)'}  ${r.records} records  ${status}\n    ${files}`);
}

/** `list` and `rollback`: the store's import records, no files read. */
async function manage(store: Store, command: string, arg: string | undefined): Promise<number> {
  if (command === 'list') {
    const n = arg === undefined ? 20 : Number(arg);
    if (!Number.isInteger(n) || n < 1 || n > 1000) {
      console.error(`list takes a count from 1 to 1000, got "${arg}"`);
      return 2;
    }
    const imports = await store.listImports(n);
    if (imports.length === 0) console.log('No imports stored yet.');
    imports.forEach(printImport);
    return 0;
  }
  if (arg === undefined) {
    console.error(`rollback needs an import id (npm run import -- list shows them).\n${USAGE}`);
    return 2;
  }
  try {
    const r = await rollbackImport(store, arg, null);
    console.log(`Rolled back ${r.import.id}: ${r.removed} records removed, ${r.restored} earlier versions restored, ${r.replaced} events re-placed.`);
    return 0;
  } catch (e) {
    if (!(e instanceof RawanError)) throw e;
    console.error(e.message);
    return 1;
  }
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean', default: false }, map: { type: 'string', multiple: true, default: [] }, year: { type: 'string' }, source: { type: 'string' }, help: { type: 'boolean', default: false } },
  });
  const [kindArg, path] = positionals;
  if (!values.help && (kindArg === 'list' || kindArg === 'rollback')) {
    const store = await openStore(readConfig());
    try {
      return await manage(store, kindArg, path);
    } finally {
      await store.close();
    }
  }
  if (values.help || kindArg === undefined || path === undefined) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const kinds: readonly string[] = IMPORT_KINDS;
  let planned: Array<{ kind: ImportKind; path: string }>;
  if (kindArg === 'jakarta') {
    planned = planJakartaDirectory(path);
    if (!planned.some((p) => p.kind === 'boundaries')) {
      console.error(`No boundary files (*_kelurahan_*.geojson, …) found in ${path}.`);
      return 1;
    }
  } else if (kinds.includes(kindArg)) {
    planned = [{ kind: IMPORT_KINDS[kinds.indexOf(kindArg)], path }];
  } else {
    console.error(`Unknown kind "${kindArg}".\n${USAGE}`);
    return 2;
  }
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !Number.isInteger(year)) {
    console.error(`--year must be a whole year like 2020, got "${values.year}"`);
    return 2;
  }
  const config = readConfig();
  const store = await openStore(config);
  try {
    await ensureDefaultData(store, config.seed, (m) => console.log(m));
    // Paths, not bytes: event CSVs are read from disk in pieces as they are written, other files whole.
    const items: ImportItem[] = planned.map((p) => ({ kind: p.kind, fileName: p.path, path: p.path }));
    const t0 = performance.now();
    let shown = 0;
    const outcome = await runImport(store, items, {
      dryRun: values['dry-run'],
      mapping: parseMapping(values.map),
      year,
      source: values.source,
      maxBytes: Number(process.env.RAWAN_MAX_IMPORT_MB ?? 200) * 1e6,
      onProgress: (p) => {
        const secs = ((performance.now() - t0) / 1000).toFixed(1);
        if (p.rows === undefined) {
          if (p.phase === 'validating') console.log(`Validating ${p.file} (${p.fileIndex + 1} of ${p.files})…`);
          if (p.phase === 'writing') console.log(`Writing ${p.records} records in one transaction…`);
        } else if (p.rows === 0) {
          shown = 0;
          if (p.phase === 'writing') console.log(`Writing ${p.file} in one transaction as it is read…`);
        } else if (p.rows >= shown + 100_000) {
          shown = p.rows - (p.rows % 100_000);
          console.log(p.phase === 'writing' ? `  ${p.rows} rows read, ${p.records} records written (${secs} s)` : `  ${p.rows} rows validated (${secs} s)`);
        }
      },
    });
    outcome.reports.forEach(printReport);
    const secs = ((performance.now() - t0) / 1000).toFixed(1);
    if (!outcome.ok) console.error(`\nRefused: nothing was written (${secs} s). Fix the rows above and run the import again.`);
    else
      console.log(
        outcome.written
          ? `\nImported ${items.length} file(s) in one transaction (${secs} s) as import ${outcome.importId}; \`npm run import -- rollback ${outcome.importId}\` undoes it.`
          : `\nDry run: all files are valid; nothing was written (${secs} s).`,
      );
    return outcome.ok ? 0 : 1;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
