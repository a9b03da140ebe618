// Focus-area edits on SQLite: version check, row, history entry, re-derived event focus areas and their tallies,
// and the data version, all in one IMMEDIATE transaction.
import type Database from 'better-sqlite3';
import type { FocusArea } from '../domain/types.js';
import { affectedBoxes, changedFields, focusMoves, snapshotOf, type LocatedEvent } from './focus-area-membership.js';
import {
  historyEntryOf,
  type FocusAreaEdit,
  type FocusAreaEditResult,
  type FocusAreaHistoryEntry,
  type FocusAreaMethods,
  type FocusAreaRecord,
} from './focus-area-store.js';
import type { SqliteTallies } from './sqlite-tallies.js';
import { sqliteBoxLookup } from './sqlite-box.js';
import { str, strOrNull, type Row } from './rows.js';

function toRecord(r: Row): FocusAreaRecord {
  return {
    id: str(r.id),
    name: str(r.name),
    aliases: JSON.parse(str(r.aliases)),
    kelurahanCode: str(r.kelurahan_code),
    geometry: JSON.parse(str(r.geometry)),
    notes: str(r.notes),
    source: str(r.source),
    approximate: Number(r.approximate) === 1,
    version: Number(r.version),
    updatedAt: str(r.updated_at),
    updatedBy: strOrNull(r.updated_by),
  };
}

export class SqliteFocusAreas implements FocusAreaMethods {
  constructor(
    private readonly db: Database.Database,
    private readonly tallies: SqliteTallies,
  ) {}

  private get(id: string): FocusAreaRecord | null {
    const r = this.db.prepare('SELECT * FROM focus_areas WHERE id = ?').get(id) as Row | undefined;
    return r ? toRecord(r) : null;
  }

  async getFocusArea(id: string): Promise<FocusAreaRecord | null> {
    return this.get(id);
  }

  async focusAreaIdTaken(id: string): Promise<boolean> {
    return (
      this.db.prepare('SELECT 1 FROM focus_areas WHERE id = ? UNION ALL SELECT 1 FROM focus_area_history WHERE focus_area_id = ? LIMIT 1').get(id, id) !==
      undefined
    );
  }

  async listFocusAreaHistory(id: string): Promise<FocusAreaHistoryEntry[]> {
    return (this.db.prepare('SELECT * FROM focus_area_history WHERE focus_area_id = ? ORDER BY seq DESC').all(id) as Row[]).map(historyEntryOf);
  }

  async editFocusArea(edit: FocusAreaEdit): Promise<FocusAreaEditResult> {
    try {
      // IMMEDIATE: the write lock is held from the version check to the commit.
      return this.db.transaction(() => this.apply(edit)).immediate();
    } catch (e) {
      this.tallies.discard();
      throw e;
    }
  }

  private apply(edit: FocusAreaEdit): FocusAreaEditResult {
    const id = edit.action === 'delete' ? edit.id : edit.focusArea.id;
    const current = this.get(id);
    if (edit.action === 'create' && current) return { ok: false, reason: 'exists', current };
    if (edit.action !== 'create') {
      if (!current) return { ok: false, reason: 'missing', current: null };
      if (current.version !== edit.expectedVersion) return { ok: false, reason: 'stale', current };
    }
    const next: FocusArea | null = edit.action === 'delete' ? null : edit.focusArea;
    const changed = changedFields(current, next);
    if (edit.action === 'update' && changed.length === 0) return { ok: true, record: current, changed, eventsReassigned: 0 };

    const last = this.db.prepare('SELECT MAX(version) AS v FROM focus_area_history WHERE focus_area_id = ?').get(id) as Row;
    const version = Math.max(current?.version ?? 0, last.v === null ? 0 : Number(last.v)) + 1;
    if (next === null) this.db.prepare('DELETE FROM focus_areas WHERE id = ?').run(id);
    else {
      this.db
        .prepare(
          `INSERT INTO focus_areas (id, name, aliases, kelurahan_code, geometry, notes, source, approximate, updated_at, version, updated_by)
          VALUES (@id, @name, @aliases, @kelurahanCode, @geometry, @notes, @source, @approximate, @at, @version, @username)
          ON CONFLICT (id) DO UPDATE SET name = excluded.name, aliases = excluded.aliases, kelurahan_code = excluded.kelurahan_code,
            geometry = excluded.geometry, notes = excluded.notes, source = excluded.source, approximate = excluded.approximate,
            updated_at = excluded.updated_at, version = excluded.version, updated_by = excluded.updated_by`,
        )
        .run({
          ...next,
          aliases: JSON.stringify(next.aliases),
          geometry: JSON.stringify(next.geometry),
          approximate: next.approximate ? 1 : 0,
          at: edit.at,
          version,
          username: edit.username,
        });
    }
    this.db
      .prepare('INSERT INTO focus_area_history (focus_area_id, version, action, at, username, changed, previous, current) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(
        id,
        version,
        edit.action === 'create' ? 'created' : edit.action === 'update' ? 'updated' : 'deleted',
        edit.at,
        edit.username,
        JSON.stringify(changed),
        current ? JSON.stringify(snapshotOf(current)) : null,
        next ? JSON.stringify(snapshotOf(next)) : null,
      );
    const eventsReassigned = this.reassignEvents(current, next);
    this.tallies.flush();
    this.db.prepare("INSERT INTO meta (key, value) VALUES ('data_version', '1') ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1").run();
    return { ok: true, record: this.get(id), changed, eventsReassigned };
  }

  /** Derives the focus area again for the events in the old and new outlines' boxes (found by the cells covering them). */
  private reassignEvents(before: FocusArea | null, after: FocusArea | null): number {
    const boxes = affectedBoxes(before, after);
    if (boxes.length === 0) return 0;
    const located: LocatedEvent[] = [];
    for (const bbox of boxes) {
      const box = sqliteBoxLookup(bbox);
      const rows = this.db.prepare(`SELECT id, lng, lat, focus_area_id FROM ${box.from} WHERE ${box.where.join(' AND ')}`).all(...box.params) as Row[];
      for (const r of rows)
        located.push({ id: str(r.id), lng: Number(r.lng), lat: Number(r.lat), focusAreaId: strOrNull(r.focus_area_id) });
    }
    const outlines = (this.db.prepare('SELECT id, geometry FROM focus_areas').all() as Row[]).map((r) => ({
      id: str(r.id),
      geometry: JSON.parse(str(r.geometry)),
    }));
    const moves = focusMoves(located, outlines);
    const update = this.db.prepare('UPDATE events SET focus_area_id = ? WHERE id = ?');
    for (const m of moves) {
      const old = this.tallies.stored(m.id);
      if (!old) continue;
      update.run(m.to, m.id);
      this.tallies.add(old, -1, ['focus']);
      this.tallies.add({ ...old, focusAreaId: m.to }, 1, ['focus']);
    }
    return moves.length;
  }
}
