// PostgreSQL event tallies: statement-level triggers with transition tables keep them in step with every insert,
// update and delete of events (exact under concurrent writers), except the events of a streamed import, whose tallies
// the import thread has summed already (PRETALLIED_SETTING); one statement sums whole buckets plus leftover days.
import { coverPeriod, dayOf, DIM_COLUMN, DIMS, isoOf, keptTalliesCondition, TALLIED_TYPES, TALLY_COLUMNS, type DimName, type TakenTallies, type TallyRow } from './event-tallies.js';

const D = DIMS;
const dayExpr = (grain: number) => (grain === 0 ? 'e.d' : grain === 1 ? 'e.dk' : 'e.m');

/** One (dim, grain, bucket, key) row per kept bucket of every event in `source` (which has a `sign` column). */
function expanded(source: string): string {
  const keys: Array<[number, string, readonly number[]]> = [
    [D.area.id, "COALESCE(e.area_code, '')", D.area.grains],
    [D.focus.id, "COALESCE(e.focus_area_id, '')", D.focus.grains],
    [D.h3_7.id, 'e.h3_7', D.h3_7.grains],
    [D.h3_8.id, 'e.h3_8', D.h3_8.grains],
    [D.h3_9.id, 'e.h3_9', D.h3_9.grains],
    [D.h3_10.id, 'e.h3', D.h3_10.grains],
    [D.synthetic.id, "CASE WHEN e.synthetic THEN '1' ELSE '0' END", D.synthetic.grains],
  ];
  const values = keys.flatMap(([dim, key, grains]) => grains.map((g) => `(${dim}, ${g}, ${dayExpr(g)}, ${key})`)).join(',\n      ');
  const sums = [
    ...TALLIED_TYPES.map((t) => `SUM(CASE WHEN e.type = '${t}' THEN e.sign ELSE 0 END) AS n_${t}`),
    ...TALLIED_TYPES.map((t) => `SUM(CASE WHEN e.type = '${t}' THEN e.sign * e.count ELSE 0 END) AS s_${t}`),
  ].join(', ');
  return `SELECT k.dim, k.grain, k.bucket, k.key, ${sums}
    FROM (SELECT s.*, s.date - DATE '1970-01-01' AS d,
            s.date - DATE '1970-01-01' - CASE WHEN extract(day FROM s.date) <= 10 THEN extract(day FROM s.date)::int - 1
              WHEN extract(day FROM s.date) <= 20 THEN extract(day FROM s.date)::int - 11 ELSE extract(day FROM s.date)::int - 21 END AS dk,
            date_trunc('month', s.date)::date - DATE '1970-01-01' AS m
          FROM (${source}) s) e
    CROSS JOIN LATERAL (VALUES
      ${values}) AS k(dim, grain, bucket, key)
    WHERE k.key IS NOT NULL
    GROUP BY k.dim, k.grain, k.bucket, k.key`;
}

/** Adds the summed rows to the tallies; in key order, so concurrent writers lock tally rows in the same order. */
function applyDeltas(source: string): string {
  const nonZero = TALLY_COLUMNS.map((c) => `x.${c} <> 0`).join(' OR ');
  return `INSERT INTO event_tallies AS t (dim, grain, bucket, key, ${TALLY_COLUMNS.join(', ')})
    SELECT x.* FROM (${expanded(source)}) x WHERE ${nonZero}
    ORDER BY x.dim, x.grain, x.bucket, x.key
    ON CONFLICT (dim, grain, bucket, key) DO UPDATE SET ${TALLY_COLUMNS.map((c) => `${c} = t.${c} + excluded.${c}`).join(', ')}`;
}

const fn = (name: string, body: string, replace = false) => `
  CREATE ${replace ? 'OR REPLACE ' : ''}FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      ${body};
      RETURN NULL;
    END;
  $fn$;`;

/** The rows a trigger statement adds (its transition table of new rows) and takes away (of old rows). */
const ADDED = 'SELECT 1 AS sign, * FROM new_events';
const REMOVED = 'SELECT -1 AS sign, * FROM old_events';

const triggerFunctions = (replace: boolean) => `
  ${fn('event_tallies_insert', applyDeltas(ADDED), replace)}
  ${fn('event_tallies_update', applyDeltas(`${REMOVED} UNION ALL ${ADDED}`), replace)}
  ${fn('event_tallies_delete', applyDeltas(REMOVED), replace)}`;

/** Migration 8: the trigger functions rewritten for the tallies DIMS keeps now, and the rows of the others dropped. */
export const TALLY_SLIMMING_SQL = `
  ${triggerFunctions(true)}
  DELETE FROM event_tallies WHERE NOT (${keptTalliesCondition()});
`;

/**
 * Set for the rest of the transaction while an import writes events whose tallies it summed itself (the import
 * thread's 'tallies' writes): the insert trigger then adds nothing and the update trigger only takes away the rows
 * replaced. Summing 1,000,000 events in the import thread instead of in the triggers made PostgreSQL imports 1.7 times
 * as fast (bench/import.ts).
 */
export const PRETALLIED_SETTING = 'rawan.pretallied';
const preTallied = `current_setting('${PRETALLIED_SETTING}', true) = 'on'`;

/** Migration 11: the insert and update trigger functions heed PRETALLIED_SETTING. */
export const PRETALLIED_TRIGGERS_SQL = `
  ${fn('event_tallies_insert', `IF ${preTallied} THEN RETURN NULL; END IF;
      ${applyDeltas(ADDED)}`, true)}
  ${fn('event_tallies_update', `IF ${preTallied} THEN
        ${applyDeltas(REMOVED)};
        RETURN NULL;
      END IF;
      ${applyDeltas(`${REMOVED} UNION ALL ${ADDED}`)}`, true)}`;

/** Adds summed tally deltas (TallyDeltas.take: in primary-key order, so concurrent writers lock rows in one order). */
export const UPSERT_TALLIES = `INSERT INTO event_tallies AS t (dim, grain, bucket, key, ${TALLY_COLUMNS.join(', ')})
  SELECT * FROM unnest($1::smallint[], $2::smallint[], $3::integer[], $4::text[], ${TALLY_COLUMNS.map((_, i) => `$${i + 5}::bigint[]`).join(', ')})
  ON CONFLICT (dim, grain, bucket, key) DO UPDATE SET ${TALLY_COLUMNS.map((c) => `${c} = t.${c} + excluded.${c}`).join(', ')}`;

/** The parameters of UPSERT_TALLIES for rows from..to (to at most t.n). */
export function upsertTalliesParams(t: TakenTallies, from: number, to: number): unknown[] {
  const rows = Array.from({ length: Math.max(0, Math.min(to, t.n) - from) }, (_, i) => from + i);
  return [
    rows.map((i) => t.dim[i]),
    rows.map((i) => t.grain[i]),
    rows.map((i) => t.bucket[i]),
    rows.map((i) => t.key[i]),
    ...TALLY_COLUMNS.map((_, c) => rows.map((i) => t.values[t.offset[i] + c])),
  ];
}

/** Migration 6: the tally table, its triggers, and the tallies of events already stored. */
export const TALLY_MIGRATION_SQL = `
  CREATE TABLE event_tallies (
    dim smallint NOT NULL,
    grain smallint NOT NULL,
    bucket integer NOT NULL,
    key text COLLATE "C" NOT NULL,
    ${TALLY_COLUMNS.map((c) => `${c} bigint NOT NULL DEFAULT 0`).join(',\n    ')},
    PRIMARY KEY (dim, grain, bucket, key)
  );
  ${triggerFunctions(false)}
  ${fn('event_tallies_truncate', 'TRUNCATE event_tallies')}
  CREATE TRIGGER event_tallies_insert AFTER INSERT ON events REFERENCING NEW TABLE AS new_events
    FOR EACH STATEMENT EXECUTE FUNCTION event_tallies_insert();
  CREATE TRIGGER event_tallies_update AFTER UPDATE ON events REFERENCING OLD TABLE AS old_events NEW TABLE AS new_events
    FOR EACH STATEMENT EXECUTE FUNCTION event_tallies_update();
  CREATE TRIGGER event_tallies_delete AFTER DELETE ON events REFERENCING OLD TABLE AS old_events
    FOR EACH STATEMENT EXECUTE FUNCTION event_tallies_delete();
  CREATE TRIGGER event_tallies_truncate AFTER TRUNCATE ON events FOR EACH STATEMENT EXECUTE FUNCTION event_tallies_truncate();
  ${applyDeltas('SELECT 1 AS sign, * FROM events')};
`;

export interface PgTallyQuery {
  dim: Exclude<DimName, 'synthetic'>;
  from: string;
  to: string;
  keys?: readonly string[];
  byMonth?: boolean;
  /** Sum these types together into `n` and `s` (two columns instead of ten). */
  together?: readonly string[];
}

// float8 (exact below 2^53) arrives as a JavaScript number; numeric would arrive as text to parse.
const SUMS = TALLY_COLUMNS.map((c) => `SUM(${c})::float8 AS ${c}`).join(', ');
const RAW_COLUMNS = [
  ...TALLIED_TYPES.map((t) => `(type = '${t}')::int AS n_${t}`),
  ...TALLIED_TYPES.map((t) => `CASE WHEN type = '${t}' THEN count ELSE 0 END AS s_${t}`),
].join(', ');

/** One statement (one snapshot) summing the tally columns per key, or per month, over from..to. */
export function tallySumQuery(q: PgTallyQuery): { sql: string; params: unknown[] } | null {
  const cover = coverPeriod(dayOf(q.from), dayOf(q.to), DIMS[q.dim].grains);
  const col = DIM_COLUMN[q.dim];
  const together = q.together;
  // Type names become column names below: only the tallied ones.
  const unknown = together?.find((t) => !(TALLIED_TYPES as readonly string[]).includes(t));
  if (unknown !== undefined) throw new Error(`unknown event type "${unknown}"`);
  if (together?.length === 0) return null;
  const tallyCols = together
    ? `${together.map((t) => `n_${t}`).join(' + ')} AS n, ${together.map((t) => `s_${t}`).join(' + ')} AS s`
    : TALLY_COLUMNS.join(', ');
  const params: unknown[] = [];
  if (q.keys) params.push(q.keys);
  const keyFilter = (c: string) => (q.keys ? ` AND ${c} = ANY($1::text[])` : '');
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const parts: string[] = [];
  for (const b of cover.buckets) {
    const month = q.byMonth ? `to_char(DATE '1970-01-01' + bucket, 'YYYY-MM') AS month, ` : '';
    parts.push(`SELECT key, ${month}${tallyCols} FROM event_tallies
      WHERE dim = ${DIMS[q.dim].id} AND grain = ${b.grain} AND bucket BETWEEN ${p(b.first)}::int AND ${p(b.last)}::int${keyFilter('key')}`);
  }
  for (const [f, t] of cover.raw) {
    const key = q.dim === 'area' || q.dim === 'focus' ? `COALESCE(${col}, '')` : col;
    const month = q.byMonth ? `to_char(date, 'YYYY-MM') AS month, ` : '';
    const rawCols = together ? `1 AS n, count AS s` : RAW_COLUMNS;
    const rawTypes = together ? ` AND type = ANY(${p(together)}::text[])` : '';
    parts.push(`SELECT ${key} AS key, ${month}${rawCols} FROM events
      WHERE date >= ${p(isoOf(f))}::date AND date <= ${p(isoOf(t))}::date${rawTypes}${key === col ? ` AND ${col} IS NOT NULL` : ''}${keyFilter(col)}`);
  }
  if (parts.length === 0) return null;
  const group = q.byMonth ? 'month' : 'key';
  const sums = together ? 'SUM(n)::float8 AS n, SUM(s)::float8 AS s' : SUMS;
  return { sql: `SELECT ${group}, ${sums} FROM (${parts.join(' UNION ALL ')}) u GROUP BY ${group}`, params };
}

export type { TallyRow };
