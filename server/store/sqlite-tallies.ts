// Keeps SQLite's event tallies in step with event writes (deltas summed in memory, flushed inside the same
// transaction) and answers period counts from whole buckets plus the events of leftover days.
import type Database from 'better-sqlite3';
import type { EventType } from '../domain/types.js';
import {
  coverPeriod,
  dayOf,
  DIM_COLUMN,
  DIMS,
  isoOf,
  TALLIED_TYPES,
  TALLY_COLUMNS,
  TallyDeltas,
  type DimName,
  type TalliedEvent,
  type TakenTallies,
  type TallyRow,
} from './event-tallies.js';

type Row = Record<string, unknown>;

/** Summed deltas held in memory before they are written out (still inside the caller's transaction). */
const FLUSH_AT = 200_000;
/** Events read at a time when filling the tallies from stored events. */
const BACKFILL_PAGE = 50_000;

const TALLIED_EVENT_COLUMNS = 'type, date, area_code, focus_area_id, h3, h3_7, h3_8, h3_9, count, synthetic';
/** Tally rows per upsert statement when many are written: one call into SQLite instead of one per row. */
const UPSERT_ROWS = 64;
const upsertSql = (rows: number) => `INSERT INTO event_tallies (dim, grain, bucket, key, ${TALLY_COLUMNS.join(', ')})
  VALUES ${Array.from({ length: rows }, () => `(?, ?, ?, ?, ${TALLY_COLUMNS.map(() => '?').join(', ')})`).join(', ')}
  ON CONFLICT (dim, grain, bucket, key) DO UPDATE SET ${TALLY_COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`;
const UPSERT = upsertSql(1);
const UPSERT_MANY = upsertSql(UPSERT_ROWS);
const SUMS = TALLY_COLUMNS.map((c) => `SUM(${c}) AS ${c}`).join(', ');
const RAW_COLUMNS = [
  ...TALLIED_TYPES.map((t) => `(type = '${t}') AS n_${t}`),
  ...TALLIED_TYPES.map((t) => `(type = '${t}') * count AS s_${t}`),
].join(', ');

export function toTalliedEvent(r: Row): TalliedEvent {
  const cell = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    type: String(r.type) as EventType,
    date: String(r.date),
    areaCode: cell(r.area_code),
    focusAreaId: cell(r.focus_area_id),
    h3_7: cell(r.h3_7),
    h3_8: cell(r.h3_8),
    h3_9: cell(r.h3_9),
    h3_10: cell(r.h3),
    count: Number(r.count),
    synthetic: Number(r.synthetic) === 1,
  };
}

export interface TallyQuery {
  dim: Exclude<DimName, 'synthetic'>;
  from: string;
  to: string;
  /** Only these keys (kelurahan codes, a focus area id). */
  keys?: readonly string[];
  /** Group by calendar month (`YYYY-MM`) instead of by key. */
  byMonth?: boolean;
  /** Sum these types together into `n` and `s` (two columns instead of ten: a third less time at millions of events). */
  together?: readonly EventType[];
}

export class SqliteTallies {
  private readonly deltas = new TallyDeltas();
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  private prepared(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      // Statements differ by the shape of the period and the number of keys; keep the cache from growing without end.
      if (this.statements.size >= 500) this.statements.clear();
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  /** The stored event with this id as the tallies saw it, or null. */
  stored(id: string): TalliedEvent | null {
    const r = this.prepared(`SELECT ${TALLIED_EVENT_COLUMNS} FROM events WHERE id = ?`).get(id) as Row | undefined;
    return r ? toTalliedEvent(r) : null;
  }

  add(e: TalliedEvent, sign: 1 | -1, dims?: readonly DimName[]): void {
    this.deltas.add(e, sign, dims);
    if (this.deltas.size >= FLUSH_AT) this.flush();
  }

  /** Writes out the summed deltas; call before the transaction commits. */
  flush(): void {
    this.write(this.deltas.take());
  }

  /** Adds summed deltas (from flush, or summed by the import thread) to the stored tallies. */
  write(t: TakenTallies): void {
    // Deltas are distinct keys (summed), so one statement never upserts the same row twice.
    const { dim, grain, bucket, key, offset, values: v } = t;
    const many = this.prepared(UPSERT_MANY);
    const params: Array<number | string> = new Array(UPSERT_ROWS * (4 + TALLY_COLUMNS.length));
    let i = 0;
    for (; i + UPSERT_ROWS <= t.n; i += UPSERT_ROWS) {
      let p = 0;
      for (let j = i; j < i + UPSERT_ROWS; j++) {
        const o = offset[j];
        params[p++] = dim[j];
        params[p++] = grain[j];
        params[p++] = bucket[j];
        params[p++] = key[j];
        for (let c = 0; c < TALLY_COLUMNS.length; c++) params[p++] = v[o + c];
      }
      many.run(params);
    }
    const one = this.prepared(UPSERT);
    for (; i < t.n; i++) {
      const o = offset[i];
      one.run(dim[i], grain[i], bucket[i], key[i], v[o], v[o + 1], v[o + 2], v[o + 3], v[o + 4], v[o + 5], v[o + 6], v[o + 7], v[o + 8], v[o + 9]);
    }
  }

  /** Forgets unwritten deltas (the transaction they belonged to rolled back). */
  discard(): void {
    this.deltas.take();
  }

  /** Fills the tallies from every stored event (migration 6), a page of rows at a time. */
  backfill(): void {
    const page = this.db.prepare(`SELECT rowid AS rid, ${TALLIED_EVENT_COLUMNS} FROM events WHERE rowid > ? ORDER BY rowid LIMIT ?`);
    let after = Number.MIN_SAFE_INTEGER;
    for (;;) {
      const rows = page.all(after, BACKFILL_PAGE) as Row[];
      if (rows.length === 0) break;
      for (const r of rows) this.add(toTalliedEvent(r), 1);
      after = Number(rows[rows.length - 1].rid);
    }
    this.flush();
  }

  /** Summed tally columns per key (or per month) over from..to, in one statement so it reads one snapshot. */
  sum(q: TallyQuery): TallyRow[] {
    const cover = coverPeriod(dayOf(q.from), dayOf(q.to), DIMS[q.dim].grains);
    const together = q.together;
    if (together?.length === 0) return [];
    // Type names become column names below: only the tallied ones.
    const unknown = together?.find((t) => !(TALLIED_TYPES as readonly string[]).includes(t));
    if (unknown !== undefined) throw new Error(`unknown event type "${unknown}"`);
    const tallyCols = together
      ? `${together.map((t) => `n_${t}`).join(' + ')} AS n, ${together.map((t) => `s_${t}`).join(' + ')} AS s`
      : TALLY_COLUMNS.join(', ');
    const rawCols = together ? `1 AS n, count AS s` : RAW_COLUMNS;
    const rawTypes = together ? ` AND type IN (${together.map(() => '?').join(', ')})` : '';
    const col = DIM_COLUMN[q.dim];
    const keyList = q.keys ? `IN (${q.keys.map(() => '?').join(', ')})` : '';
    const parts: string[] = [];
    const params: unknown[] = [];
    for (const b of cover.buckets) {
      const month = q.byMonth ? `strftime('%Y-%m', bucket * 86400, 'unixepoch') AS month, ` : '';
      parts.push(`SELECT key, ${month}${tallyCols} FROM event_tallies
        WHERE dim = ? AND grain = ? AND bucket BETWEEN ? AND ?${q.keys ? ` AND key ${keyList}` : ''}`);
      params.push(DIMS[q.dim].id, b.grain, b.first, b.last, ...(q.keys ?? []));
    }
    for (const [f, t] of cover.raw) {
      const key = q.dim === 'area' || q.dim === 'focus' ? `COALESCE(${col}, '')` : col;
      const month = q.byMonth ? 'substr(date, 1, 7) AS month, ' : '';
      parts.push(`SELECT ${key} AS key, ${month}${rawCols} FROM events
        WHERE date >= ? AND date <= ?${rawTypes}${key === col ? ` AND ${col} IS NOT NULL` : ''}${q.keys ? ` AND ${col} ${keyList}` : ''}`);
      params.push(isoOf(f), isoOf(t), ...(together ?? []), ...(q.keys ?? []));
    }
    if (parts.length === 0) return [];
    const group = q.byMonth ? 'month' : 'key';
    const sums = together ? 'SUM(n) AS n, SUM(s) AS s' : SUMS;
    return this.prepared(`SELECT ${group}, ${sums} FROM (${parts.join(' UNION ALL ')}) GROUP BY ${group}`).all(...params) as TallyRow[];
  }

  /** Every stored event, and those generated by the demo generator. */
  eventTotals(): { events: number; synthetic: number } {
    const n = TALLY_COLUMNS.slice(0, TALLIED_TYPES.length).join(' + ');
    const r = this.prepared(`SELECT COALESCE(SUM(${n}), 0) AS events, COALESCE(SUM(CASE WHEN key = '1' THEN ${n} ELSE 0 END), 0) AS synthetic
      FROM event_tallies WHERE dim = ?`).get(DIMS.synthetic.id) as Row;
    return { events: Number(r.events), synthetic: Number(r.synthetic) };
  }
}
