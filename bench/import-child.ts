// Child process of bench/import.ts: imports one event CSV from disk through runImport (the CLI's path) and prints
// rows/s and the process's peak resident memory as JSON, so the memory counted is the import's own.
import { runImport } from '../server/ingest/import-service.js';
import { rollbackImport } from '../server/ingest/rollback-import.js';
import { PostgresStore } from '../server/store/postgres-store.js';
import { SqliteStore } from '../server/store/sqlite-store.js';

const [target, csvPath, rowsArg] = process.argv.slice(2);
const rows = Number(rowsArg);
const store = target.startsWith('postgres') ? new PostgresStore(target) : new SqliteStore(target);
const rssAtStart = process.memoryUsage().rss;
const t0 = performance.now();
const out = await runImport(store, [{ kind: 'events', fileName: 'bench-events.csv', path: csvPath }], { dryRun: false, maxBytes: 1e9 });
const secs = (performance.now() - t0) / 1000;
if (!out.written || out.importId === undefined) throw new Error(`bench import refused: ${JSON.stringify(out.reports[0].summary)}`);
const peakAfterImport = process.resourceUsage().maxRSS;
// SQLite copies the import's WAL pages into the database file on a thread of its own after the COMMIT: timed apart.
const tc = performance.now();
if (store instanceof SqliteStore) await store.checkpointed();
const checkpointSecs = (performance.now() - tc) / 1000;
// The same import undone as a whole (every event deleted and taken out of the tallies, in one transaction).
const t1 = performance.now();
const undone = await rollbackImport(store, out.importId, null);
const rollbackSecs = (performance.now() - t1) / 1000;
await store.close();
if (undone.removed !== rows) throw new Error(`bench rollback removed ${undone.removed} of ${rows} events`);
// maxRSS is in kilobytes: the high-water mark of the whole process, start-up included.
console.log(
  JSON.stringify({
    rows,
    secs,
    rowsPerSec: rows / secs,
    peakRssMb: (peakAfterImport * 1024) / 1e6,
    rssAtStartMb: rssAtStart / 1e6,
    checkpointSecs,
    rollbackSecs,
    rollbackPeakRssMb: (process.resourceUsage().maxRSS * 1024) / 1e6,
  }),
);
