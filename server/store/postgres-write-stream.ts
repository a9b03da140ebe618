// Applies a stream of store writes on one PostgreSQL client inside the caller's transaction. The next batch is read
// (parsed, validated, placed) while the server still executes the previous one, so both sides work at once.
import type { PoolClient } from 'pg';
import { applyWrite } from './postgres-writes.js';
import { eventsIn, type StoreWrite } from './store.js';

/** Applies every batch in order; returns how many events were written or re-placed. */
export async function applyPostgresStream(client: PoolClient, batches: AsyncIterable<readonly StoreWrite[]>): Promise<number> {
  let events = 0;
  let pending: Promise<void> | undefined;
  try {
    for await (const batch of batches) {
      if (pending) await pending;
      pending = (async () => {
        for (const w of batch) await applyWrite(client, w);
      })();
      // Awaited before the next batch or at the end; until then a failure must not count as unhandled.
      pending.catch(() => {});
      events += batch.reduce((n, w) => n + eventsIn(w), 0);
    }
    if (pending) await pending;
  } catch (e) {
    // Let a statement still running finish before the caller rolls back on this client.
    await pending?.catch(() => {});
    throw e;
  }
  return events;
}
