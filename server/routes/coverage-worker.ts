// Worker-thread entry that runs coverage solves one at a time, so a MIP with a 30-second time limit never blocks the
// HTTP server; a solve cancelled while it waits in the queue is skipped.
import { parentPort } from 'node:worker_threads';
import { coverageAnalysis } from '../analysis/coverage-analysis.js';
import type { CoverageRequest } from '../analysis/coverage-types.js';

type Message = { id: number; request: CoverageRequest } | { cancel: number };

const queue: Array<{ id: number; request: CoverageRequest }> = [];
const cancelled = new Set<number>();
let running = false;

async function runNext(): Promise<void> {
  if (running) return;
  const job = queue.shift();
  if (!job) return;
  if (cancelled.delete(job.id)) return void setImmediate(runNext);
  running = true;
  try {
    const result = await coverageAnalysis(job.request);
    parentPort?.postMessage({ id: job.id, ok: true, result });
  } catch (e: unknown) {
    const err = e instanceof Error ? e : new Error(String(e));
    const code = 'code' in err && typeof err.code === 'string' ? err.code : null;
    const details = 'details' in err && Array.isArray(err.details) ? err.details : undefined;
    parentPort?.postMessage({ id: job.id, ok: false, error: { name: err.name, message: err.message, code, details } });
  } finally {
    running = false;
    // setImmediate lets cancellations that arrived during the solve be read before the next job starts.
    setImmediate(runNext);
  }
}

parentPort?.on('message', (m: Message) => {
  if ('cancel' in m) cancelled.add(m.cancel);
  else {
    queue.push(m);
    setImmediate(runNext);
  }
});
