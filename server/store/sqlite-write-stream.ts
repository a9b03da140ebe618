// Runs work as one SQLite transaction spanning many turns of the event loop (a streamed import, an import's roll-back):
// BEGIN IMMEDIATE (the write lock first, as store.write takes it), the work, the closing writes and COMMIT, or
// ROLLBACK if anything throws.
import type Database from 'better-sqlite3';

export interface StreamSteps {
  /** Last writes inside the transaction (tallies, data version). */
  finish(): void;
  /** Forget what the rolled-back transaction left in memory. */
  discard(): void;
}

export async function inSqliteStream<T>(db: Database.Database, work: () => Promise<T>, steps: StreamSteps): Promise<T> {
  db.exec('BEGIN IMMEDIATE');
  try {
    const out = await work();
    steps.finish();
    db.exec('COMMIT');
    return out;
  } catch (e) {
    steps.discard();
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
}
