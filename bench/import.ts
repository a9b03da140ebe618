// Import throughput at scale: 1,000,000 case events as the CSV an analyst would bring (date order, near the built-in
// hot spots), read from disk in pieces, validated, placed (point in polygon, focus area, H3 cells) and written in
// one transaction, in a child process whose peak resident memory is the import's. SQLite always; PostgreSQL when
// RAWAN_BENCH_DATABASE_URL is set. `npx tsx bench/import.ts [rows]` runs it alone.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { ensureDefaultData } from '../server/store/open-store.js';
import { PostgresStore } from '../server/store/postgres-store.js';
import { SqliteStore } from '../server/store/sqlite-store.js';
import type { Store } from '../server/store/store.js';
import { printTable, type Row } from './measure.js';
import { writeEventsCsv } from './scale-data.js';

interface ChildResult {
  rows: number;
  secs: number;
  rowsPerSec: number;
  peakRssMb: number;
  checkpointSecs: number;
  rollbackSecs: number;
  rollbackPeakRssMb: number;
}

function importInChild(target: string, csv: string, rows: number): ChildResult {
  const out = execFileSync(process.execPath, ['--import', 'tsx', new URL('./import-child.ts', import.meta.url).pathname, target, csv, String(rows)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as ChildResult;
}

/** SQLite imports per bench run (RAWAN_BENCH_IMPORT_RUNS, default 3). */
const SQLITE_RUNS = Math.max(1, Number(process.env.RAWAN_BENCH_IMPORT_RUNS ?? 3) || 3);

/** The run with the median value (the lower middle one of an even count). */
function median<T>(items: readonly T[], value: (t: T) => number): T {
  const sorted = [...items].sort((a, b) => value(a) - value(b));
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

async function seeded(store: Store): Promise<void> {
  await store.migrate();
  await ensureDefaultData(store, 20250411);
}

export async function benchImport(rows = 1_000_000): Promise<Row[]> {
  const out: Row[] = [];
  const dir = mkdtempSync(join(process.env.RAWAN_BENCH_DIR ?? tmpdir(), 'rawan-import-'));
  const label = `import ${rows.toLocaleString('en')} events (CSV, stream + validate + place + H3 + write)`;
  try {
    const dbPath = join(dir, 'import.db');
    const sqlite = new SqliteStore(dbPath);
    await seeded(sqlite);
    const csv = join(dir, 'events.csv');
    await writeEventsCsv(sqlite, rows, csv);
    await sqlite.close();
    // Each run imports into a fresh copy of the seeded store, in a process of its own. Shared virtual machines vary
    // by a fifth from one minute to the next: the median of the runs is reported, with the range beside it.
    const runs: ChildResult[] = [];
    for (let i = 0; i < SQLITE_RUNS; i++) {
      const runPath = join(dir, `run-${i}.db`);
      copyFileSync(dbPath, runPath);
      runs.push(importInChild(runPath, csv, rows));
      for (const suffix of ['', '-wal', '-shm']) rmSync(runPath + suffix, { force: true });
    }
    const speeds = runs.map((r) => r.rowsPerSec).sort((a, b) => a - b);
    const s = median(runs, (r) => r.rowsPerSec);
    const spread = runs.length > 1 ? ` (median of ${runs.length} runs: ${Math.round(speeds[0]).toLocaleString('en')}–${Math.round(speeds[speeds.length - 1]).toLocaleString('en')})` : '';
    out.push({ group: 'import', name: `${label}, sqlite${spread}`, value: s.rowsPerSec, unit: 'rows/s' });
    out.push({ group: 'import', name: `${label}, sqlite: peak RSS (highest of the runs)`, value: Math.max(...runs.map((r) => r.peakRssMb)), unit: 'MB' });
    out.push({ group: 'import', name: `then the WAL checkpoint on a thread of its own (the server answering), sqlite`, value: s.checkpointSecs, unit: 's' });
    out.push({ group: 'import', name: `roll back that import (${rows.toLocaleString('en')} events), sqlite`, value: s.rollbackSecs, unit: 's' });
    out.push({ group: 'import', name: `roll back that import, sqlite: peak RSS (highest of the runs)`, value: Math.max(...runs.map((r) => r.rollbackPeakRssMb)), unit: 'MB' });

    const base = process.env.RAWAN_BENCH_DATABASE_URL;
    if (base) {
      const name = `rawan_bench_import_${Date.now().toString(36)}`;
      const admin = new pg.Client({ connectionString: base });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(base);
      url.pathname = `/${name}`;
      try {
        const store = new PostgresStore(url.toString());
        await seeded(store);
        await store.close();
        const p = importInChild(url.toString(), csv, rows);
        out.push({ group: 'import', name: `${label}, postgres`, value: p.rowsPerSec, unit: 'rows/s' });
        out.push({ group: 'import', name: `${label}, postgres: peak RSS of the Node process`, value: p.peakRssMb, unit: 'MB' });
        out.push({ group: 'import', name: `roll back that import (${rows.toLocaleString('en')} events), postgres`, value: p.rollbackSecs, unit: 's' });
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) printTable(await benchImport(Number(process.argv[2] ?? 1e6)));
