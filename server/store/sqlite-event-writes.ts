// Writes events on a SQLite connection inside the caller's transaction, keeping the tallies in step: new ids are
// inserted outright, and only ids already stored are read back first, so their old tallies can be taken away.
import type Database from 'better-sqlite3';
import { EVENT_TYPES } from '../domain/types.js';
import { talliedAt, type EventColumns } from './event-columns.js';
import type { TalliedEvent } from './event-tallies.js';
import { toTalliedEvent, type SqliteTallies } from './sqlite-tallies.js';

const COLUMNS = 'id, type, date, lng, lat, area_code, focus_area_id, h3, h3_7, h3_8, h3_9, count, source, synthetic, import_id';
const INSERT = `INSERT INTO events (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`;
const UPDATE = `UPDATE events SET type = ?, date = ?, lng = ?, lat = ?, area_code = ?, focus_area_id = ?, h3 = ?, h3_7 = ?, h3_8 = ?,
  h3_9 = ?, count = ?, source = ?, synthetic = ?, import_id = ? WHERE id = ?`;

interface Statements {
  insert: Database.Statement;
  update: Database.Statement;
  stored: Database.Statement;
}

export interface EventWriteOptions {
  /** The events' own tallies are written separately (see StoreWrite); only those of replaced events change here. */
  preTallied?: boolean;
  /** The import writing them: stamped on each event, and each stored event it replaces is handed to `keep` first. */
  importId?: string;
  keep?: (table: 'events', key: string, prior: Record<string, unknown>) => void;
}

const prepared = new WeakMap<Database.Database, Statements>();

function statements(db: Database.Database): Statements {
  let s = prepared.get(db);
  if (!s) {
    s = { insert: db.prepare(INSERT), update: db.prepare(UPDATE), stored: db.prepare('SELECT * FROM events WHERE id = ?') };
    prepared.set(db, s);
  }
  return s;
}

/** A text as an SQL string literal, or null when it had better be bound (a NUL, or too long to repeat in SQL). */
function literal(v: string): string | null {
  return v.length <= 1_000 && !v.includes('\0') ? `'${v.replaceAll("'", "''")}'` : null;
}

/**
 * The insert with a batch's source and import written into it rather than bound for every row: each text bound is
 * converted and copied for each row, and these two are the same for a whole import (about a tenth of the insert time).
 */
const importInserts = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function importInsert(db: Database.Database, source: string, importId: string): Database.Statement | null {
  const s = literal(source);
  const i = literal(importId);
  if (s === null || i === null) return null;
  let byKey = importInserts.get(db);
  if (!byKey) importInserts.set(db, (byKey = new Map()));
  const key = `${s}\u0000${i}`;
  let stmt = byKey.get(key);
  if (!stmt) {
    if (byKey.size >= 16) byKey.clear();
    stmt = db.prepare(`INSERT INTO events (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${s}, ?, ${i}) ON CONFLICT (id) DO NOTHING`);
    byKey.set(key, stmt);
  }
  return stmt;
}

const sameSource = (c: EventColumns) => c.n > 0 && c.source.every((s) => s === c.source[0]);

/** Inserts or updates each event (the last of a repeated id wins); call inside a transaction, then flush the tallies. */
export function writeSqliteEvents(db: Database.Database, tallies: SqliteTallies, c: EventColumns, opts: EventWriteOptions = {}): void {
  const { insert, update, stored } = statements(db);
  const importId = opts.importId ?? null;
  const { id, date, lng, lat, areaCode, focusAreaId, h3, h3_7, h3_8, h3_9, count, source, synthetic } = c;
  // One object the tallies read each event through (they keep none of it).
  const seen = {} as TalliedEvent;
  const fixed = importId !== null && sameSource(c) ? importInsert(db, c.source[0], importId) : null;
  for (let i = 0; i < c.n; i++) {
    const type = EVENT_TYPES[c.type[i]];
    const x = Number.isNaN(lng[i]) ? null : lng[i];
    const y = x === null ? null : lat[i];
    const added =
      fixed !== null
        ? fixed.run(id[i], type, date[i], x, y, areaCode[i], focusAreaId[i], h3[i], h3_7[i], h3_8[i], h3_9[i], count[i], synthetic[i])
        : insert.run(id[i], type, date[i], x, y, areaCode[i], focusAreaId[i], h3[i], h3_7[i], h3_8[i], h3_9[i], count[i], source[i], synthetic[i], importId);
    if (added.changes === 0) {
      const old = stored.get(id[i]) as Record<string, unknown> | undefined;
      if (old) {
        tallies.add(toTalliedEvent(old), -1);
        // A repeat of an id within this import replaces the import's own row: the version before the import is kept already.
        if (importId !== null && old.import_id !== importId) opts.keep?.('events', id[i], old);
      }
      update.run(type, date[i], x, y, areaCode[i], focusAreaId[i], h3[i], h3_7[i], h3_8[i], h3_9[i], count[i], source[i], synthetic[i], importId, id[i]);
    }
    if (!opts.preTallied) tallies.add(talliedAt(c, i, seen), 1);
  }
}
