// Runs a stream of store writes as one SQLite transaction spanning many turns of the event loop: BEGIN IMMEDIATE
// (the write lock first, as store.write takes it), each batch as it comes, COMMIT at the end, ROLLBACK if anything throws.
import type Database from 'better-sqlite3';
import type { StoreWrite } from './store.js';

export interface StreamSteps {
  apply(w: StoreWrite): void;
  /** Last writes inside the transaction (tallies, data version). */
  finish(): void;
  /** Forget what the rolled-back transaction left in memory. */
  discard(): void;
}

export async function applySqliteStream(db: Database.Database, batches: AsyncIterable<readonly StoreWrite[]>, steps: StreamSteps): Promise<void> {
  db.exec('BEGIN IMMEDIATE');
  try {
    for await (const batch of batches) for (const w of batch) steps.apply(w);
    steps.finish();
    db.exec('COMMIT');
  } catch (e) {
    steps.discard();
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
}
