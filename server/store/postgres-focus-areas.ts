// Focus-area edits on PostgreSQL: version check, row, history entry, re-derived event focus areas (the tally
// triggers follow the event update) and the data version, in one transaction that focus-area edits take in turn.
import type pg from 'pg';
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
import { toFocusArea } from './postgres-rows.js';
import { str, strOrNull, type Row } from './rows.js';

/** Advisory lock key: edits derive events' focus areas from all outlines, so two edits must not interleave. */
const FOCUS_EDIT_LOCK = 726_179;
const multiPolygon = (p: string) => `ST_Multi(ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(${p}), 4326)))`;

function toRecord(r: Row): FocusAreaRecord {
  return { ...toFocusArea(r), version: Number(r.version), updatedAt: str(r.updated_at), updatedBy: strOrNull(r.updated_by) };
}

export class PostgresFocusAreas implements FocusAreaMethods {
  constructor(
    private readonly pool: pg.Pool,
    private readonly transaction: <T>(fn: (client: pg.PoolClient) => Promise<T>) => Promise<T>,
  ) {}

  async getFocusArea(id: string): Promise<FocusAreaRecord | null> {
    const [r] = (await this.pool.query<Row>('SELECT * FROM focus_areas WHERE id = $1', [id])).rows;
    return r ? toRecord(r) : null;
  }

  async focusAreaIdTaken(id: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'SELECT 1 FROM focus_areas WHERE id = $1 UNION ALL SELECT 1 FROM focus_area_history WHERE focus_area_id = $1 LIMIT 1',
      [id],
    );
    return (rowCount ?? 0) > 0;
  }

  async listFocusAreaHistory(id: string): Promise<FocusAreaHistoryEntry[]> {
    return (await this.pool.query<Row>('SELECT * FROM focus_area_history WHERE focus_area_id = $1 ORDER BY seq DESC', [id])).rows.map(historyEntryOf);
  }

  editFocusArea(edit: FocusAreaEdit): Promise<FocusAreaEditResult> {
    return this.transaction((client) => this.apply(client, edit));
  }

  private async apply(client: pg.PoolClient, edit: FocusAreaEdit): Promise<FocusAreaEditResult> {
    await client.query('SELECT pg_advisory_xact_lock($1)', [FOCUS_EDIT_LOCK]);
    const id = edit.action === 'delete' ? edit.id : edit.focusArea.id;
    const [row] = (await client.query<Row>('SELECT * FROM focus_areas WHERE id = $1 FOR UPDATE', [id])).rows;
    const current = row ? toRecord(row) : null;
    if (edit.action === 'create' && current) return { ok: false, reason: 'exists', current };
    if (edit.action !== 'create') {
      if (!current) return { ok: false, reason: 'missing', current: null };
      if (current.version !== edit.expectedVersion) return { ok: false, reason: 'stale', current };
    }
    const next: FocusArea | null = edit.action === 'delete' ? null : edit.focusArea;
    const changed = changedFields(current, next);
    if (edit.action === 'update' && changed.length === 0) return { ok: true, record: current, changed, eventsReassigned: 0 };

    const [last] = (await client.query<Row>('SELECT MAX(version) AS v FROM focus_area_history WHERE focus_area_id = $1', [id])).rows;
    const version = Math.max(current?.version ?? 0, last.v === null ? 0 : Number(last.v)) + 1;
    if (next === null) await client.query('DELETE FROM focus_areas WHERE id = $1', [id]);
    else {
      await client.query(
        `INSERT INTO focus_areas (id, name, aliases, kelurahan_code, geometry, geom, notes, source, approximate, updated_at, version, updated_by)
         VALUES ($1, $2, $3, $4, $5, ${multiPolygon('$5')}, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, aliases = excluded.aliases, kelurahan_code = excluded.kelurahan_code,
           geometry = excluded.geometry, geom = excluded.geom, notes = excluded.notes, source = excluded.source,
           approximate = excluded.approximate, updated_at = excluded.updated_at, version = excluded.version, updated_by = excluded.updated_by`,
        [
          id,
          next.name,
          JSON.stringify(next.aliases),
          next.kelurahanCode,
          JSON.stringify(next.geometry),
          next.notes,
          next.source,
          next.approximate,
          edit.at,
          version,
          edit.username,
        ],
      );
    }
    await client.query(
      'INSERT INTO focus_area_history (focus_area_id, version, action, at, username, changed, previous, current) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [
        id,
        version,
        edit.action === 'create' ? 'created' : edit.action === 'update' ? 'updated' : 'deleted',
        edit.at,
        edit.username,
        JSON.stringify(changed),
        current ? JSON.stringify(snapshotOf(current)) : null,
        next ? JSON.stringify(snapshotOf(next)) : null,
      ],
    );
    const eventsReassigned = await this.reassignEvents(client, current, next);
    await client.query(`INSERT INTO meta (key, value) VALUES ('data_version', '1') ON CONFLICT (key) DO UPDATE SET value = (meta.value::bigint + 1)::text`);
    const [after] = (await client.query<Row>('SELECT * FROM focus_areas WHERE id = $1', [id])).rows;
    return { ok: true, record: after ? toRecord(after) : null, changed, eventsReassigned };
  }

  /** Derives the focus area again for the events in the old and new outlines' boxes (found through the events_geom index). */
  private async reassignEvents(client: pg.PoolClient, before: FocusArea | null, after: FocusArea | null): Promise<number> {
    const located: LocatedEvent[] = [];
    for (const [w, s, e, n] of affectedBoxes(before, after)) {
      // The index test on float-rounded boxes narrows the search; the exact comparisons keep the edges inclusive.
      const { rows } = await client.query<Row>(
        `SELECT id, lng, lat, focus_area_id FROM events
         WHERE geom && ST_MakeEnvelope($1, $2, $3, $4, 4326) AND lng >= $1 AND lng <= $3 AND lat >= $2 AND lat <= $4 FOR UPDATE`,
        [w, s, e, n],
      );
      for (const r of rows) located.push({ id: str(r.id), lng: Number(r.lng), lat: Number(r.lat), focusAreaId: strOrNull(r.focus_area_id) });
    }
    if (located.length === 0) return 0;
    const outlines = (await client.query<Row>('SELECT id, geometry FROM focus_areas')).rows.map((r) => ({
      id: str(r.id),
      geometry: JSON.parse(str(r.geometry)),
    }));
    const moves = focusMoves(located, outlines);
    if (moves.length > 0) {
      await client.query('UPDATE events e SET focus_area_id = u.f FROM unnest($1::text[], $2::text[]) AS u(id, f) WHERE e.id = u.id', [
        moves.map((m) => m.id),
        moves.map((m) => m.to),
      ]);
    }
    return moves.length;
  }
}
