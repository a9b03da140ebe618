// Fills in the resolution 7–9 H3 cells of events stored before migration 4 added them, in chunks, inside the migration's transaction.
import { latLngToCell } from 'h3-js';
import type { PoolClient } from 'pg';
import { str, type Row } from './rows.js';
import { CHUNK_ROWS, SET_EVENT_CELLS } from './postgres-writes.js';

export async function backfillEventCells(client: PoolClient): Promise<void> {
  const { rows } = await client.query<Row>('SELECT id, lng, lat FROM events WHERE lng IS NOT NULL AND h3_9 IS NULL');
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
    const chunk = rows.slice(i, i + CHUNK_ROWS);
    const cell = (r: number) => chunk.map((e) => latLngToCell(Number(e.lat), Number(e.lng), r));
    await client.query(SET_EVENT_CELLS, [chunk.map((e) => str(e.id)), cell(7), cell(8), cell(9)]);
  }
}
