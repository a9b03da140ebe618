// Child process of bench/import.ts: imports one event CSV from disk through runImport (the CLI's path) and prints
// rows/s and the process's peak resident memory as JSON, so the memory counted is the import's own.
import { runImport } from '../server/ingest/import-service.js';
import { PostgresStore } from '../server/store/postgres-store.js';
import { SqliteStore } from '../server/store/sqlite-store.js';

const [target, csvPath, rowsArg] = process.argv.slice(2);
const rows = Number(rowsArg);
const store = target.startsWith('postgres') ? new PostgresStore(target) : new SqliteStore(target);
const rssAtStart = process.memoryUsage().rss;
const t0 = performance.now();
const out = await runImport(store, [{ kind: 'events', fileName: 'bench-events.csv', path: csvPath }], { dryRun: false, maxBytes: 1e9 });
const secs = (performance.now() - t0) / 1000;
await store.close();
if (!out.written) throw new Error(`bench import refused: ${JSON.stringify(out.reports[0].summary)}`);
// maxRSS is in kilobytes: the high-water mark of the whole process, start-up included.
console.log(JSON.stringify({ rows, secs, rowsPerSec: rows / secs, peakRssMb: (process.resourceUsage().maxRSS * 1024) / 1e6, rssAtStartMb: rssAtStart / 1e6 }));
