// Runs the Store contract on SQLite, plus SQLite-specific checks (WAL journal, file on disk, migrations recorded).
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
});
