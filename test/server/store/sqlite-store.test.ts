// Runs the Store contract on SQLite, plus SQLite-specific checks (WAL journal, file on disk, migrations recorded).
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../server/store/sqlite-store.js';
import { sqliteMigrations } from '../../../server/store/sqlite-migrations.js';
import { storeSuite } from './store-suite.js';

storeSuite('sqlite (memory)', async () => new SqliteStore(':memory:'));

describe('SqliteStore on disk', () => {
  it('creates the file with a WAL journal and records every migration once', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'rawan-')), 'nested', 'rawan.db');
    const store = new SqliteStore(path);
    await store.migrate();
    await store.migrate();
    await store.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all().map((r) => (r as { version: number }).version);
    expect(versions).toEqual(sqliteMigrations.map((m) => m.version));
    db.close();
  });

  it('upgrades a version-3 database, filling in the H3 cells of stored events', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'rawan-')), 'old.db');
    const db = new Database(path);
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const m of sqliteMigrations.filter((x) => x.version <= 3)) {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, '2026-01-01');
    }
    db.prepare("INSERT INTO events (id, type, date, lng, lat, count, source, synthetic) VALUES ('old', 'user_case', '2025-01-01', 106.8031, -6.1868, 1, 't', 0)").run();
    db.close();
    const store = new SqliteStore(path);
    await store.migrate();
    const cells = await store.countEventsByCell({ from: '2025-01-01', to: '2025-01-01', types: ['user_case'] }, 9);
    expect(cells).toEqual([{ h3: latLngToCell(-6.1868, 106.8031, 9), count: 1 }]);
    await store.close();
  });
});
