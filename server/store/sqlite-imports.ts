// SQLite's import provenance: the imports table, the rows each import replaced or deleted (import_undo), and undoing
// an import as a whole inside the caller's transaction with the tallies kept in step.
import type Database from 'better-sqlite3';
import {
  AlreadyRolledBackError,
  ImportNotFoundError,
  RollbackConflictError,
  type ImportRecord,
  type NewImportRecord,
  type PlacerFactory,
  toImportRecord,
  type RollbackResult,
  type UndoTable,
} from './import-records.js';
import { toTalliedEvent, type SqliteTallies } from './sqlite-tallies.js';

type Row = Record<string, unknown>;

/** Rows read at a time while undoing (no statement stays open while others run on the connection). */
const PAGE = 20_000;
/** Rowids looked through per turn when finding an import's events (about 30 ms of reading). */
const SCAN_ROWS = 200_000;
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
/** Only column names read from this database's own rows are put into SQL text, quoted. */
const quoted = (cols: readonly string[]) => cols.map((c) => `"${c.replace(/"/g, '""')}"`).join(', ');

export class SqliteImports {
  constructor(
    private readonly db: Database.Database,
    private readonly tallies: SqliteTallies,
  ) {}

  /** Keeps a row as it was before the import changed or deleted it (the first version seen wins). */
  keep(importId: string, table: UndoTable, key: string, priorImport: unknown, prior: Row): void {
    this.db
      .prepare('INSERT INTO import_undo (import_id, tbl, key, prior_import, prior) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING')
      .run(importId, table, key, strOrNull(priorImport), JSON.stringify(prior));
  }

  record(r: NewImportRecord): void {
    this.db
      .prepare(`INSERT INTO imports (id, at, imported_by, files, records, status) VALUES (?, ?, ?, ?, ?, 'applied')`)
      .run(r.id, r.at, r.by, JSON.stringify(r.files), r.records);
  }

  list(limit: number): ImportRecord[] {
    return (this.db.prepare('SELECT * FROM imports ORDER BY at DESC, id DESC LIMIT ?').all(limit) as Row[]).map(toImportRecord);
  }

  get(id: string): ImportRecord | null {
    const r = this.db.prepare('SELECT * FROM imports WHERE id = ?').get(id) as Row | undefined;
    return r ? toImportRecord(r) : null;
  }

  /**
   * Undoes import `id` a page of rows at a time, yielding between pages so the caller can let its event loop turn;
   * run it to the end inside one write transaction, then flush the tallies.
   */
  *rollback(id: string, by: string | null, place: PlacerFactory): Generator<void, RollbackResult> {
    const rec = this.get(id);
    if (!rec) throw new ImportNotFoundError(id);
    if (rec.status === 'rolled_back') throw new AlreadyRolledBackError(rec);
    const later = this.db
      .prepare(`SELECT u.import_id AS id, COUNT(*) AS n FROM import_undo u JOIN imports i ON i.id = u.import_id
        WHERE u.prior_import = ? AND i.status = 'applied' GROUP BY u.import_id ORDER BY u.import_id DESC`)
      .all(id) as Row[];
    if (later.length > 0) throw new RollbackConflictError(id, later.map((r) => ({ importId: String(r.id), records: Number(r.n) })));

    // Rows the import stamped are deleted; those it had replaced come back below, so only the rest count as removed.
    const replacedOwn = (table: UndoTable, source: string, keyColumn: string, importColumn: string): number =>
      Number(
        (
          this.db
            .prepare(`SELECT COUNT(*) AS n FROM import_undo u JOIN ${source} t ON t.${keyColumn} = u.key
              WHERE u.import_id = ? AND u.tbl = ? AND t.${importColumn} = ?`)
            .get(id, table, id) as Row
        ).n,
      );
    let removed = -replacedOwn('events', 'events', 'id', 'import_id') - replacedOwn('facilities', 'facilities', 'id', 'import_id');
    removed -= replacedOwn('population', 'areas', 'code', 'population_import_id');
    removed += yield* this.removeEvents(id);
    let restored = yield* this.restoreEvents(id);
    removed += this.db.prepare('DELETE FROM facilities WHERE import_id = ?').run(id).changes;
    for (const { prior } of this.undone(id, 'facilities')) {
      const cols = Object.keys(prior);
      this.db.prepare(`INSERT OR REPLACE INTO facilities (${quoted(cols)}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((c) => prior[c]));
      restored++;
    }
    const boundaries = [...this.undone(id, 'areas')];
    const setBoundary = this.db.prepare(`UPDATE areas SET name = ?, level = ?, parent_code = ?, geometry = ?, source = ?, approximate = ?,
      updated_at = ?, import_id = ? WHERE code = ?`);
    for (const { prior: p } of boundaries) {
      restored += setBoundary.run(p.name, p.level, p.parent_code, p.geometry, p.source, p.approximate, p.updated_at, p.import_id ?? null, p.code).changes;
    }
    const newAreas = this.db.prepare('DELETE FROM areas WHERE import_id = ?').run(id).changes;
    removed += newAreas;
    removed += this.db
      .prepare(`UPDATE areas SET population = NULL, population_year = NULL, population_source = NULL, population_approximate = NULL,
        population_import_id = NULL WHERE population_import_id = ?`)
      .run(id).changes;
    const setPopulation = this.db.prepare(`UPDATE areas SET population = ?, population_year = ?, population_source = ?,
      population_approximate = ?, population_import_id = ? WHERE code = ?`);
    for (const { key, prior: p } of this.undone(id, 'population')) {
      restored += setPopulation.run(p.population, p.population_year, p.population_source, p.population_approximate, p.population_import_id ?? null, key).changes;
    }
    const replaced = boundaries.length + newAreas > 0 ? yield* this.replaceEvents(place) : 0;

    this.db.prepare('DELETE FROM import_undo WHERE import_id = ?').run(id);
    this.db.prepare(`UPDATE imports SET status = 'rolled_back', rolled_back_at = ?, rolled_back_by = ? WHERE id = ?`).run(new Date().toISOString(), by, id);
    return { import: this.get(id) as ImportRecord, removed, restored, replaced };
  }

  /**
   * Deletes the events the import wrote a page at a time, taking each out of the tallies first: one pass over the
   * table in rowid order (no index by import: it would slow every import for the sake of a rare roll-back), in
   * windows of SCAN_ROWS rowids, so a small import in a large store still lets the event loop turn between windows.
   */
  private *removeEvents(id: string): Generator<void, number> {
    const { lo, hi } = this.db.prepare('SELECT min(rowid) AS lo, max(rowid) AS hi FROM events').get() as { lo: number | null; hi: number | null };
    if (lo === null || hi === null) return 0;
    const page = this.db.prepare(`SELECT rowid AS rid, * FROM events WHERE rowid > ? AND rowid <= ? AND import_id = ? ORDER BY rowid LIMIT ?`);
    const drop = this.db.prepare('DELETE FROM events WHERE rowid > ? AND rowid <= ? AND import_id = ?');
    // At most 10,000 windows, however sparse the rowids.
    const span = Math.max(SCAN_ROWS, Math.ceil((hi - lo) / 10_000));
    let n = 0;
    for (let after = lo - 1; after < hi; ) {
      const upto = Math.min(hi, after + span);
      const rows = page.all(after, upto, id, PAGE) as Row[];
      for (const r of rows) this.tallies.add(toTalliedEvent(r), -1);
      const last = rows.length === PAGE ? Number(rows[rows.length - 1].rid) : upto;
      n += drop.run(after, last, id).changes;
      after = last;
      yield;
    }
    return n;
  }

  /** Puts back the events the import replaced, as they were. */
  private *restoreEvents(id: string): Generator<void, number> {
    const current = this.db.prepare('SELECT * FROM events WHERE id = ?');
    const drop = this.db.prepare('DELETE FROM events WHERE id = ?');
    let n = 0;
    for (const { key, prior } of this.undone(id, 'events')) {
      const now = current.get(key) as Row | undefined;
      if (now) {
        this.tallies.add(toTalliedEvent(now), -1);
        drop.run(key);
      }
      const cols = Object.keys(prior);
      this.db.prepare(`INSERT INTO events (${quoted(cols)}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((c) => prior[c]));
      this.tallies.add(toTalliedEvent(prior), 1);
      if (++n % PAGE === 0) yield;
    }
    return n;
  }

  /** The rows the import kept of one table, read a page at a time (no statement is left open between pages). */
  private *undone(id: string, table: UndoTable): Generator<{ key: string; prior: Row }> {
    const page = this.db.prepare('SELECT key, prior FROM import_undo WHERE import_id = ? AND tbl = ? AND key > ? ORDER BY key LIMIT ?');
    for (let after = ''; ; ) {
      const rows = page.all(id, table, after, PAGE) as Row[];
      if (rows.length === 0) return;
      for (const r of rows) yield { key: String(r.key), prior: JSON.parse(String(r.prior)) as Row };
      after = String(rows[rows.length - 1].key);
    }
  }

  /** Places every located event again under the kelurahan and focus areas now stored; returns how many moved. */
  private *replaceEvents(place: PlacerFactory): Generator<void, number> {
    const kelurahan = (this.db.prepare(`SELECT code, geometry FROM areas WHERE level = 'kelurahan'`).all() as Row[]).map((r) => ({
      code: String(r.code),
      geometry: JSON.parse(String(r.geometry)),
    }));
    const focus = (this.db.prepare('SELECT id, geometry FROM focus_areas').all() as Row[]).map((r) => ({ id: String(r.id), geometry: JSON.parse(String(r.geometry)) }));
    const at = place(kelurahan, focus);
    const page = this.db.prepare('SELECT rowid AS rid, * FROM events WHERE lng IS NOT NULL AND rowid > ? ORDER BY rowid LIMIT ?');
    const set = this.db.prepare('UPDATE events SET area_code = ?, focus_area_id = ? WHERE rowid = ?');
    let moved = 0;
    for (let after = Number.MIN_SAFE_INTEGER; ; ) {
      const rows = page.all(after, PAGE) as Row[];
      if (rows.length === 0) break;
      for (const r of rows) {
        const p = at([Number(r.lng), Number(r.lat)]);
        if (p.areaCode === strOrNull(r.area_code) && p.focusAreaId === strOrNull(r.focus_area_id)) continue;
        const old = toTalliedEvent(r);
        this.tallies.add(old, -1, ['area', 'focus']);
        this.tallies.add({ ...old, areaCode: p.areaCode, focusAreaId: p.focusAreaId }, 1, ['area', 'focus']);
        set.run(p.areaCode, p.focusAreaId, r.rid);
        moved++;
      }
      after = Number(rows[rows.length - 1].rid);
      yield;
    }
    return moved;
  }
}
