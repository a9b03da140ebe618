// Runs the Store contract on SQLite, plus SQLite-specific checks (WAL journal, file on disk, migrations recorded).
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { rollbackImport } from '../../../server/ingest/rollback-import.js';
import { SqliteStore } from '../../../server/store/sqlite-store.js';
import { sqliteMigrations } from '../../../server/store/sqlite-migrations.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { storeSuite } from './store-suite.js';

storeSuite('sqlite (memory)', async () => new SqliteStore(':memory:'));

/** A database file as migrations 1..version left it (the later ones not yet run), open for the test to fill. */
function databaseAt(version: number): { path: string; db: Database.Database } {
  const path = join(tempDir('rawan-'), `v${version}.db`);
  const db = new Database(path);
  db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  for (const m of sqliteMigrations.filter((x) => x.version <= version)) {
    db.exec(m.sql);
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, '2026-01-01');
  }
  return { path, db };
}

describe('SqliteStore on disk', () => {
  it('moves users, sessions and audit entries of a version-11 file to the accounts file, which keeps the log append-only', async () => {
    const { path, db } = databaseAt(11);
    db.prepare('INSERT INTO users VALUES (?, ?, ?, ?, ?, ?, ?)').run('u1', 'Ani', 'hash', 'admin', 0, '2026-01-01', '2026-01-01');
    db.prepare('INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?)').run('tok', 'u1', '2026-01-01', '2026-02-01', 0, '10.0.0.1');
    for (const [at, action] of [['2026-01-01T01:00:00Z', 'login'], ['2026-01-01T02:00:00Z', 'import']]) {
      db.prepare('INSERT INTO audit_log (at, username, role, action) VALUES (?, ?, ?, ?)').run(at, 'Ani', 'admin', action);
    }
    db.close();
    const store = new SqliteStore(path);
    await store.migrate();
    expect(await store.findUser({ username: 'ani' })).toMatchObject({ id: 'u1', role: 'admin' });
    expect(await store.findSession('tok')).toMatchObject({ userId: 'u1', address: '10.0.0.1' });
    expect((await store.listAudit({ limit: 10 })).map((e) => [e.seq, e.action])).toEqual([[2, 'import'], [1, 'login']]);
    await store.appendAudit({ at: '2026-01-02T00:00:00Z', username: 'Ani', role: 'admin', action: 'logout', target: null, details: null, address: null });
    expect((await store.listAudit({ limit: 1 }))[0].seq).toBe(3);
    await store.close();
    const data = new Database(path, { readonly: true });
    expect(data.prepare("SELECT name FROM sqlite_master WHERE name IN ('users', 'sessions', 'audit_log')").all()).toEqual([]);
    data.close();
    const accounts = new Database(path.replace(/\.db$/, '-accounts.db'));
    expect(() => accounts.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => accounts.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    accounts.close();
  });

  it('signs in and writes audit entries while an import holds the data file for its whole transaction', async () => {
    const store = new SqliteStore(join(tempDir('rawan-'), 'busy.db'));
    await store.migrate();
    await store.createUser({ id: 'u1', username: 'ani', passwordHash: 'h', role: 'analyst', disabled: false, createdAt: '2026-01-01', updatedAt: '2026-01-01' });
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    let started = () => {};
    const holding = new Promise<void>((r) => (started = r));
    const h3 = latLngToCell(-6.2, 106.8, 10);
    const ev = { id: 'held', type: 'user_case' as const, date: '2025-05-01', location: [106.8, -6.2] as [number, number], areaCode: 'K1', focusAreaId: null, h3, count: 1, source: 't', synthetic: false };
    const importing = store.writeStream(
      (async function* () {
        yield [{ kind: 'events' as const, events: [ev] }];
        started();
        await gate;
      })(),
    );
    await holding;
    // Before the import commits: these complete, rather than wait for the commit (or fail on SQLite's lock).
    await store.createSession({ tokenHash: 't1', userId: 'u1', createdAt: '2026-01-01', expiresAt: '2026-02-01', revoked: false, address: null });
    await store.appendAudit({ at: '2026-01-01T00:00:00Z', username: 'ani', role: 'analyst', action: 'events_read', target: 'all', details: null, address: null });
    expect(await store.findSession('t1')).toMatchObject({ userId: 'u1' });
    expect((await store.counts()).events).toBe(0);
    release();
    await importing;
    expect((await store.counts()).events).toBe(1);
    expect((await store.listAudit({ limit: 5 })).map((e) => e.action)).toEqual(['events_read']);
    await store.close();
  });

  it('rolls a large import back on a connection of its own, a page per turn: reads go on and see the store as it was until the commit', async () => {
    const store = new SqliteStore(join(tempDir('rawan-'), 'rollback.db'));
    await store.migrate();
    const h3 = latLngToCell(-6.2, 106.8, 10);
    const events = Array.from({ length: 60_000 }, (_, i) => ({
      id: `r${i}`, type: 'user_case' as const, date: '2025-05-01', location: [106.8, -6.2] as [number, number], areaCode: 'K1', focusAreaId: null, h3, count: 1, source: 't', synthetic: false,
    }));
    await store.write([
      { kind: 'events', events, importId: 'imp-big' },
      { kind: 'importRecord', record: { id: 'imp-big', at: '2026-01-01T00:00:00.000Z', by: null, files: [], records: 60_000 } },
    ]);
    let finished = false;
    const undo = rollbackImport(store, 'imp-big', 'admin').then((r) => {
      finished = true;
      return r;
    });
    await new Promise((resolve) => setImmediate(resolve));
    const during = await store.counts();
    expect(finished).toBe(false);
    expect(during.events).toBe(60_000);
    expect((await store.getImport('imp-big'))?.status).toBe('applied');
    // A write waits for the roll-back's commit instead of failing on SQLite's lock.
    const write = store.write([{ kind: 'meta', key: 'after', value: '1' }]);
    expect((await undo).removed).toBe(60_000);
    await write;
    expect([(await store.counts()).events, (await store.getImport('imp-big'))?.status, await store.getMeta('after')]).toEqual([0, 'rolled_back', '1']);
    await store.close();
  });

  it('creates the file with a WAL journal and records every migration once', async () => {
    const path = join(tempDir('rawan-'), 'nested', 'rawan.db');
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
    const { path, db } = databaseAt(3);
    db.prepare("INSERT INTO events (id, type, date, lng, lat, count, source, synthetic) VALUES ('old', 'user_case', '2025-01-01', 106.8031, -6.1868, 1, 't', 0)").run();
    db.close();
    const store = new SqliteStore(path);
    await store.migrate();
    const cells = await store.countEventsByCell({ from: '2025-01-01', to: '2025-01-01', types: ['user_case'] }, 9);
    expect(cells).toEqual([{ h3: latLngToCell(-6.1868, 106.8031, 9), count: 1 }]);
    await store.close();
  });

  it('upgrades a version-7 database: drops the fine-cell tallies no longer kept, and counts stay those of the events', async () => {
    const { path, db } = databaseAt(7);
    const cell10 = latLngToCell(-6.1868, 106.8031, 10);
    const cell9 = latLngToCell(-6.1868, 106.8031, 9);
    db.prepare(`INSERT INTO events (id, type, date, lng, lat, h3, h3_9, count, source, synthetic)
      VALUES ('e1', 'user_case', '2025-01-15', 106.8031, -6.1868, ?, ?, 3, 't', 0)`).run(cell10, cell9);
    // Tallies as version 7 kept them: resolution 10 (dim 5) and 9 (dim 4) by month (grain 2) and dekad (grain 1);
    // buckets are day numbers since 1970-01-01 of the month's and the dekad's first day.
    const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8))) / 86_400_000;
    const tally = db.prepare('INSERT INTO event_tallies (dim, grain, bucket, key, n_user_case, s_user_case) VALUES (?, ?, ?, ?, 1, 3)');
    tally.run(5, 2, day('2025-01-01'), cell10);
    tally.run(5, 1, day('2025-01-11'), cell10);
    tally.run(4, 2, day('2025-01-01'), cell9);
    tally.run(4, 1, day('2025-01-11'), cell9);
    db.close();
    const store = new SqliteStore(path);
    await store.migrate();
    await store.close();
    const after = new Database(path, { readonly: true });
    expect(after.prepare('SELECT dim, grain FROM event_tallies ORDER BY dim, grain').all()).toEqual([{ dim: 4, grain: 2 }]);
    after.close();
    const reopened = new SqliteStore(path);
    for (const [from, to] of [['2025-01-01', '2025-01-31'], ['2025-01-11', '2025-01-20'], ['2025-01-15', '2025-01-15'], ['2025-01-16', '2025-02-28']]) {
      const want = from <= '2025-01-15' && to >= '2025-01-15' ? 3 : 0;
      const at9 = await reopened.countEventsByCell({ from, to, types: ['user_case'] }, 9);
      const at10 = await reopened.countEventsByCell({ from, to, types: ['user_case'] }, 10);
      expect(at9).toEqual(want ? [{ h3: cell9, count: 3 }] : []);
      expect(at10).toEqual(want ? [{ h3: cell10, count: 3 }] : []);
    }
    await reopened.close();
  });

  it('upgrades a version-9 database: no event index by kelurahan or focus area, and every kind of count still equals the events', async () => {
    const { path, db } = databaseAt(9);
    db.close();
    const store = new SqliteStore(path);
    await store.migrate();
    const cell9 = latLngToCell(-6.1868, 106.8031, 9);
    const cell7 = latLngToCell(-6.1868, 106.8031, 7);
    const base = { type: 'user_case' as const, location: [106.8031, -6.1868] as [number, number], areaCode: '3173011001', focusAreaId: 'kampung-boncos' };
    const event = (id: string, date: string, count: number) => ({ ...base, id, date, h3: latLngToCell(-6.1868, 106.8031, 10), count, source: 't', synthetic: false });
    await store.write([{ kind: 'events', events: [event('e1', '2025-03-04', 2), event('e2', '2025-03-20', 5), event('e3', '2025-04-02', 7)] }]);
    await store.close();
    const after = new Database(path, { readonly: true });
    const names = after.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' ORDER BY name").all();
    expect(names.map((r) => (r as { name: string }).name)).toEqual(['events_date_type_h3_9', 'events_h3_7_date', 'sqlite_autoindex_events_1']);
    after.close();
    // Worked by hand from the three events: periods made of whole buckets, of leftover days, and of both.
    const reopened = new SqliteStore(path);
    const period = (from: string, to: string) => ({ from, to, types: ['user_case' as const] });
    for (const [from, to, want] of [['2025-03-03', '2025-03-05', 2], ['2025-03-04', '2025-03-31', 7], ['2025-03-01', '2025-04-30', 14], ['2025-03-21', '2025-04-01', 0]] as const) {
      const f = period(from, to);
      const one = (key: string) => (want ? [{ key, type: 'user_case', count: want }] : []);
      expect(await reopened.countEvents(f, 'area')).toEqual(one('3173011001'));
      expect(await reopened.countEvents(f, 'focus')).toEqual(one('kampung-boncos'));
      expect(await reopened.countEventsByCell(f, 9)).toEqual(want ? [{ h3: cell9, count: want }] : []);
      expect(await reopened.countEventsByCell(f, 7)).toEqual(want ? [{ h3: cell7, count: want }] : []);
    }
    // The one count no tally is keyed by (kelurahan codes and a focus area together) reads the events by date.
    expect(await reopened.countEventsByMonth(period('2025-03-01', '2025-04-30'), { areaCodes: ['3173011001'], focusAreaId: 'kampung-boncos' })).toEqual([
      { month: '2025-03', type: 'user_case', count: 7 },
      { month: '2025-04', type: 'user_case', count: 7 },
    ]);
    await reopened.close();
  });
});
