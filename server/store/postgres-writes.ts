// Applies one StoreWrite on a PostgreSQL client inside the caller's transaction, in chunked multi-row statements
// (UNNEST over parameter arrays) so imports of millions of events take few round trips.
import type { PoolClient } from 'pg';
import type { CaseEvent } from '../domain/types.js';
import { eventCells } from './event-cells.js';
import { fromEventColumns } from './event-columns.js';
import { TallyDeltas, talliedEvent, type TakenTallies } from './event-tallies.js';
import { PRETALLIED_SETTING, UPSERT_TALLIES, upsertTalliesParams } from './postgres-tallies.js';
import type { StoreWrite } from './store.js';
import type { UndoTable } from './import-records.js';

/** Rows per statement: large enough to amortise round trips, small enough to keep each parameter array modest. */
export const CHUNK_ROWS = 10_000;

/** Keeps the last item per key, so one statement never upserts the same row twice (which PostgreSQL refuses). */
function lastByKey<T>(items: readonly T[], key: (t: T) => string): T[] {
  const m = new Map<string, T>();
  for (const t of items) m.set(key(t), t);
  return [...m.values()];
}

type KeptTable = Exclude<UndoTable, 'population'>;

/** Keeps the stored rows with these keys that are not the import's own, as jsonb without the PostGIS column. */
function keepPriorSql(table: KeptTable): string {
  const key = table === 'areas' ? 'code' : 'id';
  return `INSERT INTO import_undo (import_id, tbl, key, prior_import, prior)
    SELECT $1, '${table}', t.${key}, t.import_id, to_jsonb(t) - 'geom' FROM ${table} t
    WHERE t.${key} = ANY($2::text[]) AND t.import_id IS DISTINCT FROM $1
    ON CONFLICT DO NOTHING`;
}

/**
 * Runs `sql` once per chunk of rows with the parameters `params` builds (after keeping the rows it replaces, for an
 * import). The next chunk's parameters (H3 cells, arrays) are built while the server is still executing the previous
 * statements, so JavaScript and PostgreSQL work side by side; a client runs its queries in the order they are sent.
 */
async function inChunks<T>(
  client: PoolClient,
  sql: string,
  items: readonly T[],
  params: (chunk: readonly T[]) => unknown[],
  keep?: { importId: string; table: KeptTable; key: (t: T) => string },
): Promise<void> {
  let pending: Promise<unknown>[] = [];
  for (let i = 0; i < items.length; i += CHUNK_ROWS) {
    const chunk = items.slice(i, i + CHUNK_ROWS);
    const values = params(chunk);
    const keys = keep ? chunk.map(keep.key) : null;
    await Promise.all(pending);
    pending = [];
    if (keep && keys) pending.push(client.query(keepPriorSql(keep.table), [keep.importId, keys]));
    pending.push(client.query(sql, values));
  }
  await Promise.all(pending);
}

// Force2D: GeoJSON may carry heights, the columns are 2D.
const multiPolygon = (col: string) => `ST_Multi(ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(${col}), 4326)))`;

const UPSERT_AREAS = `
  INSERT INTO areas (code, name, level, parent_code, geometry, geom, source, approximate, updated_at, import_id)
  SELECT u.code, u.name, u.level, u.parent_code, u.geometry, ${multiPolygon('u.geometry')}, u.source, u.approximate, $8, $9
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[])
    AS u(code, name, level, parent_code, geometry, source, approximate)
  ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level, parent_code = excluded.parent_code,
    geometry = excluded.geometry, geom = excluded.geom, source = excluded.source, approximate = excluded.approximate,
    updated_at = excluded.updated_at, import_id = excluded.import_id`;

const SET_POPULATION = `
  UPDATE areas a SET population = u.population, population_year = u.year, population_source = u.source,
    population_approximate = u.approximate, population_import_id = $6
  FROM unnest($1::text[], $2::integer[], $3::integer[], $4::text[], $5::boolean[]) AS u(code, population, year, source, approximate)
  WHERE a.code = u.code`;

const UPSERT_FACILITIES = `
  INSERT INTO facilities (id, name, level, area_code, lng, lat, geom, rehab, capacity_per_month, built_year, source, approximate, synthetic, import_id)
  SELECT u.id, u.name, u.level, u.area_code, u.lng, u.lat, ST_SetSRID(ST_MakePoint(u.lng, u.lat), 4326), u.rehab,
    u.capacity, u.built_year, u.source, u.approximate, u.synthetic, $13
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::boolean[], $8::integer[],
    $9::integer[], $10::text[], $11::boolean[], $12::boolean[])
    AS u(id, name, level, area_code, lng, lat, rehab, capacity, built_year, source, approximate, synthetic)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, level = excluded.level, area_code = excluded.area_code,
    lng = excluded.lng, lat = excluded.lat, geom = excluded.geom, rehab = excluded.rehab,
    capacity_per_month = excluded.capacity_per_month, built_year = excluded.built_year, source = excluded.source,
    approximate = excluded.approximate, synthetic = excluded.synthetic, import_id = excluded.import_id`;

const UPSERT_FOCUS_AREAS = `
  INSERT INTO focus_areas (id, name, aliases, kelurahan_code, geometry, geom, notes, source, approximate, updated_at)
  SELECT u.id, u.name, u.aliases, u.kelurahan_code, u.geometry, ${multiPolygon('u.geometry')}, u.notes, u.source, u.approximate, $9
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::boolean[])
    AS u(id, name, aliases, kelurahan_code, geometry, notes, source, approximate)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, aliases = excluded.aliases, kelurahan_code = excluded.kelurahan_code,
    geometry = excluded.geometry, geom = excluded.geom, notes = excluded.notes, source = excluded.source,
    approximate = excluded.approximate, updated_at = excluded.updated_at`;

const UPSERT_EVENTS = `
  INSERT INTO events (id, type, date, lng, lat, geom, area_code, focus_area_id, h3, h3_7, h3_8, h3_9, count, source, synthetic, import_id)
  SELECT u.id, u.type, u.date, u.lng, u.lat, ST_SetSRID(ST_MakePoint(u.lng, u.lat), 4326), u.area_code, u.focus_area_id,
    u.h3, u.h3_7, u.h3_8, u.h3_9, u.count, u.source, u.synthetic, $15
  FROM unnest($1::text[], $2::text[], $3::date[], $4::float8[], $5::float8[], $6::text[], $7::text[], $8::text[],
    $9::text[], $10::text[], $11::text[], $12::integer[], $13::text[], $14::boolean[])
    AS u(id, type, date, lng, lat, area_code, focus_area_id, h3, h3_7, h3_8, h3_9, count, source, synthetic)
  ON CONFLICT (id) DO UPDATE SET type = excluded.type, date = excluded.date, lng = excluded.lng, lat = excluded.lat,
    geom = excluded.geom, area_code = excluded.area_code, focus_area_id = excluded.focus_area_id, h3 = excluded.h3,
    h3_7 = excluded.h3_7, h3_8 = excluded.h3_8, h3_9 = excluded.h3_9, count = excluded.count, source = excluded.source,
    synthetic = excluded.synthetic, import_id = excluded.import_id`;

const SET_EVENT_AREAS = `
  UPDATE events e SET area_code = u.area_code, focus_area_id = u.focus_area_id
  FROM unnest($1::text[], $2::text[], $3::text[]) AS u(id, area_code, focus_area_id)
  WHERE e.id = u.id`;

/** Sets the stored H3 cells at resolutions 7–9 of the given events from their coordinates. */
export const SET_EVENT_CELLS = `
  UPDATE events e SET h3_7 = u.h3_7, h3_8 = u.h3_8, h3_9 = u.h3_9
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(id, h3_7, h3_8, h3_9)
  WHERE e.id = u.id`;

function writeEvents(client: PoolClient, events: readonly CaseEvent[], importId: string | undefined): Promise<void> {
  return inChunks(
    client,
    UPSERT_EVENTS,
    events,
    (c) => {
      const cells = c.map(eventCells);
      return [
        c.map((e) => e.id),
        c.map((e) => e.type),
        c.map((e) => e.date),
        c.map((e) => (e.location ? e.location[0] : null)),
        c.map((e) => (e.location ? e.location[1] : null)),
        c.map((e) => e.areaCode),
        c.map((e) => e.focusAreaId),
        c.map((e) => e.h3),
        cells.map((x) => x.h3_7),
        cells.map((x) => x.h3_8),
        cells.map((x) => x.h3_9),
        c.map((e) => e.count),
        c.map((e) => e.source),
        c.map((e) => e.synthetic),
        importId ?? null,
      ];
    },
    importId ? { importId, table: 'events', key: (e) => e.id } : undefined,
  );
}

/** The tallies to take away for the events of `all` that `kept` (the last per id) leaves out. */
function unwritten(all: readonly CaseEvent[], kept: readonly CaseEvent[]): TakenTallies {
  const written = new Set(kept);
  const deltas = new TallyDeltas();
  for (const e of all) if (!written.has(e)) deltas.add(talliedEvent(e, eventCells(e)), -1);
  return deltas.take();
}

async function upsertTallies(client: PoolClient, tallies: TakenTallies): Promise<void> {
  for (let i = 0; i < tallies.n; i += CHUNK_ROWS) {
    await client.query(UPSERT_TALLIES, upsertTalliesParams(tallies, i, i + CHUNK_ROWS));
  }
}

export async function applyWrite(client: PoolClient, w: StoreWrite): Promise<void> {
  const now = new Date().toISOString();
  switch (w.kind) {
    case 'areas':
      return inChunks(
        client,
        UPSERT_AREAS,
        lastByKey(w.areas, (a) => a.code),
        (c) => [
          c.map((a) => a.code),
          c.map((a) => a.name),
          c.map((a) => a.level),
          c.map((a) => a.parentCode),
          c.map((a) => JSON.stringify(a.geometry)),
          c.map((a) => a.source),
          c.map((a) => a.approximate),
          now,
          w.importId ?? null,
        ],
        w.importId ? { importId: w.importId, table: 'areas', key: (a) => a.code } : undefined,
      );
    case 'population':
      if (w.importId) {
        await client.query(
          `INSERT INTO import_undo (import_id, tbl, key, prior_import, prior)
           SELECT $1, 'population', code, population_import_id, jsonb_build_object('population', population, 'population_year', population_year,
             'population_source', population_source, 'population_approximate', population_approximate, 'population_import_id', population_import_id)
           FROM areas WHERE population IS NOT NULL AND population_import_id IS DISTINCT FROM $1
           ON CONFLICT DO NOTHING`,
          [w.importId],
        );
      }
      await client.query(`UPDATE areas SET population = NULL, population_year = NULL, population_source = NULL, population_approximate = NULL,
        population_import_id = NULL`);
      return inChunks(
        client,
        SET_POPULATION,
        lastByKey(w.rows, (p) => p.code),
        (c) => [c.map((p) => p.code), c.map((p) => p.population), c.map((p) => p.year), c.map((p) => p.source), c.map((p) => p.approximate), w.importId ?? null],
      );
    case 'facilities':
      if (w.replaceSynthetic) {
        if (w.importId) {
          await client.query(
            `INSERT INTO import_undo (import_id, tbl, key, prior_import, prior)
             SELECT $1, 'facilities', f.id, f.import_id, to_jsonb(f) - 'geom' FROM facilities f WHERE f.synthetic ON CONFLICT DO NOTHING`,
            [w.importId],
          );
        }
        await client.query('DELETE FROM facilities WHERE synthetic');
      }
      return inChunks(
        client,
        UPSERT_FACILITIES,
        lastByKey(w.facilities, (f) => f.id),
        (c) => [
          c.map((f) => f.id),
          c.map((f) => f.name),
          c.map((f) => f.level),
          c.map((f) => f.areaCode),
          c.map((f) => f.location[0]),
          c.map((f) => f.location[1]),
          c.map((f) => f.rehab),
          c.map((f) => f.capacityPerMonth),
          c.map((f) => f.builtYear),
          c.map((f) => f.source),
          c.map((f) => f.approximate),
          c.map((f) => f.synthetic),
          w.importId ?? null,
        ],
        w.importId ? { importId: w.importId, table: 'facilities', key: (f) => f.id } : undefined,
      );
    case 'focusAreas':
      return inChunks(
        client,
        UPSERT_FOCUS_AREAS,
        lastByKey(w.focusAreas, (f) => f.id),
        (c) => [
          c.map((f) => f.id),
          c.map((f) => f.name),
          c.map((f) => JSON.stringify(f.aliases)),
          c.map((f) => f.kelurahanCode),
          c.map((f) => JSON.stringify(f.geometry)),
          c.map((f) => f.notes),
          c.map((f) => f.source),
          c.map((f) => f.approximate),
          now,
        ],
      );
    case 'events': {
      const kept = lastByKey(w.events, (e) => e.id);
      if (!w.preTallied) return writeEvents(client, kept, w.importId);
      // The import summed these events' tallies: the triggers leave them alone (postgres-tallies.ts), and the versions
      // of a repeated id that are never written are taken out of the sums again.
      await client.query(`SELECT set_config('${PRETALLIED_SETTING}', 'on', true)`);
      await writeEvents(client, kept, w.importId);
      await client.query(`SELECT set_config('${PRETALLIED_SETTING}', 'off', true)`);
      if (kept.length < w.events.length) await upsertTallies(client, unwritten(w.events, kept));
      return;
    }
    case 'eventColumns':
      // PostgreSQL's pace is its inserts: the objects are not what costs here.
      return applyWrite(client, { kind: 'events', events: fromEventColumns(w.columns), preTallied: w.preTallied, importId: w.importId });
    case 'eventAreas':
      return inChunks(
        client,
        SET_EVENT_AREAS,
        lastByKey(w.updates, (u) => u.id),
        (c) => [c.map((u) => u.id), c.map((u) => u.areaCode), c.map((u) => u.focusAreaId)],
      );
    case 'tallies':
      return upsertTallies(client, w.tallies);
    case 'importRecord':
      await client.query(`INSERT INTO imports (id, at, imported_by, files, records, status) VALUES ($1, $2, $3, $4, $5, 'applied')`, [
        w.record.id,
        w.record.at,
        w.record.by,
        JSON.stringify(w.record.files),
        w.record.records,
      ]);
      return;
    case 'meta':
      await client.query('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [w.key, w.value]);
      return;
  }
}
