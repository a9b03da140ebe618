// Import throughput at scale: 1,000,000 case events as the CSV an analyst would bring (date order, near the built-in
// hot spots), read from disk in pieces, validated, placed (point in polygon, focus area, H3 cells) and written in
// one transaction, in a child process whose peak resident memory is the import's. SQLite always; PostgreSQL when
// RAWAN_BENCH_DATABASE_URL is set. `npx tsx bench/import.ts [rows]` runs it alone.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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
    const s = importInChild(dbPath, csv, rows);
    out.push({ group: 'import', name: `${label}, sqlite`, value: s.rowsPerSec, unit: 'rows/s' });
    out.push({ group: 'import', name: `${label}, sqlite: peak RSS`, value: s.peakRssMb, unit: 'MB' });
    out.push({ group: 'import', name: `then the WAL checkpoint on a thread of its own (the server answering), sqlite`, value: s.checkpointSecs, unit: 's' });
    out.push({ group: 'import', name: `roll back that import (${rows.toLocaleString('en')} events), sqlite`, value: s.rollbackSecs, unit: 's' });
    out.push({ group: 'import', name: `roll back that import, sqlite: peak RSS`, value: s.rollbackPeakRssMb, unit: 'MB' });

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
