// PostgreSQL's import provenance: listing imports and undoing one as a whole inside the caller's transaction (the
// event triggers keep the tallies in step with every delete, insert and re-placement).
import type { PoolClient } from 'pg';
import {
  AlreadyRolledBackError,
  ImportNotFoundError,
  RollbackConflictError,
  type ImportRecord,
  type PlacerFactory,
  toImportRecord,
  type RollbackResult,
} from './import-records.js';
import { strOrNull, type Row } from './rows.js';
import { CHUNK_ROWS } from './postgres-writes.js';

/** The kept rows of one table of the import, each as a record of that table (jsonb_populate_record). */
const kept = (table: string) => `FROM import_undo u CROSS JOIN LATERAL jsonb_populate_record(NULL::${table}, u.prior) r
  WHERE u.import_id = $1 AND u.tbl = '${table}'`;

export async function rollbackPostgresImport(client: PoolClient, id: string, by: string | null, place: PlacerFactory): Promise<RollbackResult> {
  const q = async (sql: string, params: unknown[] = [id]) => client.query(sql, params);
  // Every importing transaction writes import_undo (ROW EXCLUSIVE) before it replaces a row: this waits for those
  // running and holds back new ones until the roll-back commits, so the check below sees every later import's changes
  // and no import keeps a version this roll-back is about to delete. Reads go on.
  await client.query('LOCK TABLE import_undo IN EXCLUSIVE MODE');
  const found = (await q('SELECT * FROM imports WHERE id = $1 FOR UPDATE')).rows[0] as Row | undefined;
  if (!found) throw new ImportNotFoundError(id);
  const rec = toImportRecord(found);
  if (rec.status === 'rolled_back') throw new AlreadyRolledBackError(rec);
  const later = (
    await q(`SELECT u.import_id AS id, COUNT(*) AS n FROM import_undo u JOIN imports i ON i.id = u.import_id
      WHERE u.prior_import = $1 AND i.status = 'applied' GROUP BY u.import_id ORDER BY u.import_id DESC`)
  ).rows as Row[];
  if (later.length > 0) throw new RollbackConflictError(id, later.map((r) => ({ importId: String(r.id), records: Number(r.n) })));

  const count = (r: { rowCount: number | null }) => r.rowCount ?? 0;
  // Rows the import stamped are deleted; those it had replaced come back below, so only the rest count as removed.
  const replacedOwn = async (table: string, source: string, keyColumn: string, importColumn: string) =>
    Number(
      (
        await q(`SELECT COUNT(*) AS n FROM import_undo u JOIN ${source} t ON t.${keyColumn} = u.key
          WHERE u.import_id = $1 AND u.tbl = '${table}' AND t.${importColumn} = $1`)
      ).rows[0].n,
    );
  let removed = -(await replacedOwn('events', 'events', 'id', 'import_id'));
  removed -= await replacedOwn('facilities', 'facilities', 'id', 'import_id');
  removed -= await replacedOwn('population', 'areas', 'code', 'population_import_id');
  let restored = 0;

  removed += count(await q('DELETE FROM events WHERE import_id = $1'));
  await q(`DELETE FROM events e USING import_undo u WHERE u.import_id = $1 AND u.tbl = 'events' AND e.id = u.key`);
  restored += count(
    await q(`INSERT INTO events (id, type, date, lng, lat, geom, area_code, focus_area_id, h3, h3_7, h3_8, h3_9, count, source, synthetic, import_id)
      SELECT r.id, r.type, r.date, r.lng, r.lat, ST_SetSRID(ST_MakePoint(r.lng, r.lat), 4326), r.area_code, r.focus_area_id,
        r.h3, r.h3_7, r.h3_8, r.h3_9, r.count, r.source, r.synthetic, r.import_id ${kept('events')}`),
  );

  removed += count(await q('DELETE FROM facilities WHERE import_id = $1'));
  await q(`DELETE FROM facilities f USING import_undo u WHERE u.import_id = $1 AND u.tbl = 'facilities' AND f.id = u.key`);
  restored += count(
    await q(`INSERT INTO facilities (id, name, level, area_code, lng, lat, geom, rehab, capacity_per_month, built_year, source, approximate, synthetic, import_id)
      SELECT r.id, r.name, r.level, r.area_code, r.lng, r.lat, ST_SetSRID(ST_MakePoint(r.lng, r.lat), 4326), r.rehab,
        r.capacity_per_month, r.built_year, r.source, r.approximate, r.synthetic, r.import_id ${kept('facilities')}`),
  );

  const boundaries = count(
    await q(`UPDATE areas a SET name = r.name, level = r.level, parent_code = r.parent_code, geometry = r.geometry,
        geom = ST_Multi(ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(r.geometry), 4326))), source = r.source, approximate = r.approximate,
        updated_at = r.updated_at, import_id = r.import_id
      ${kept('areas')} AND a.code = u.key`),
  );
  restored += boundaries;
  const newAreas = count(await q('DELETE FROM areas WHERE import_id = $1'));
  removed += newAreas;

  removed += count(
    await q(`UPDATE areas SET population = NULL, population_year = NULL, population_source = NULL, population_approximate = NULL,
      population_import_id = NULL WHERE population_import_id = $1`),
  );
  restored += count(
    await q(`UPDATE areas a SET population = (u.prior->>'population')::integer, population_year = (u.prior->>'population_year')::integer,
        population_source = u.prior->>'population_source', population_approximate = (u.prior->>'population_approximate')::boolean,
        population_import_id = u.prior->>'population_import_id'
      FROM import_undo u WHERE u.import_id = $1 AND u.tbl = 'population' AND a.code = u.key`),
  );

  const replaced = boundaries + newAreas > 0 ? await replaceEvents(client, place) : 0;
  await q('DELETE FROM import_undo WHERE import_id = $1');
  await q(`UPDATE imports SET status = 'rolled_back', rolled_back_at = $2, rolled_back_by = $3 WHERE id = $1`, [id, new Date().toISOString(), by]);
  const after = (await q('SELECT * FROM imports WHERE id = $1')).rows[0] as Row;
  return { import: toImportRecord(after), removed, restored, replaced };
}

/** Places every located event again under the kelurahan and focus areas now stored; returns how many moved. */
async function replaceEvents(client: PoolClient, place: PlacerFactory): Promise<number> {
  const kelurahan = (await client.query(`SELECT code, geometry FROM areas WHERE level = 'kelurahan'`)).rows.map((r: Row) => ({
    code: String(r.code),
    geometry: JSON.parse(String(r.geometry)),
  }));
  const focus = (await client.query('SELECT id, geometry FROM focus_areas')).rows.map((r: Row) => ({ id: String(r.id), geometry: JSON.parse(String(r.geometry)) }));
  const at = place(kelurahan, focus);
  const rows = (await client.query('SELECT id, lng, lat, area_code, focus_area_id FROM events WHERE lng IS NOT NULL')).rows as Row[];
  const moved: Array<{ id: string; areaCode: string | null; focusAreaId: string | null }> = [];
  for (const r of rows) {
    const p = at([Number(r.lng), Number(r.lat)]);
    if (p.areaCode !== strOrNull(r.area_code) || p.focusAreaId !== strOrNull(r.focus_area_id)) moved.push({ id: String(r.id), ...p });
  }
  for (let i = 0; i < moved.length; i += CHUNK_ROWS) {
    const c = moved.slice(i, i + CHUNK_ROWS);
    await client.query(
      `UPDATE events e SET area_code = u.area_code, focus_area_id = u.focus_area_id
       FROM unnest($1::text[], $2::text[], $3::text[]) AS u(id, area_code, focus_area_id) WHERE e.id = u.id`,
      [c.map((m) => m.id), c.map((m) => m.areaCode), c.map((m) => m.focusAreaId)],
    );
  }
  return moved.length;
}
