// The background checkpoint's thread (sqlite-checkpoint.ts): copies what the WAL holds into the database file on a
// connection of its own, then closes it. Plain JavaScript: it needs nothing but better-sqlite3.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.path);
try {
  db.pragma('busy_timeout = 5000');
  const [result] = db.pragma('wal_checkpoint(PASSIVE)');
  parentPort?.postMessage(result);
} finally {
  db.close();
}
