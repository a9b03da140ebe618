// After a streamed import or roll-back has committed hundreds of megabytes into the WAL, copying them back into the
// database file (a checkpoint) takes seconds. SQLite would do it inside the COMMIT of the connection that wrote them,
// or in the next write of another one; here a thread of its own does it instead, while the server goes on. A
// PASSIVE checkpoint takes no lock readers or writers wait for, and one that fails only leaves the WAL for the next.
import { Worker } from 'node:worker_threads';

export interface CheckpointResult {
  /** Pages in the WAL and pages copied into the database file (equal when the checkpoint caught up). */
  log: number;
  checkpointed: number;
}

export function checkpointInBackground(path: string): Promise<CheckpointResult | null> {
  return new Promise((resolve) => {
    let result: CheckpointResult | null = null;
    const worker = new Worker(new URL('./sqlite-checkpoint-worker.mjs', import.meta.url), { workerData: { path } });
    worker.on('message', (r: { busy: number; log: number; checkpointed: number }) => {
      result = { log: r.log, checkpointed: r.checkpointed };
    });
    worker.on('error', (e) => console.warn(`background checkpoint of ${path} failed (the next write retries it): ${e.message}`));
    worker.on('exit', () => resolve(result));
  });
}
