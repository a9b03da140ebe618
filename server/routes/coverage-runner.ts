// Runs coverage solves in one long-lived worker thread (HiGHS loads once; solves queue in order), restarting it if
// it dies; the solver's input refusals come back as UnprocessableInputError with their code. A solve whose caller
// went away (the planner pressed Cancel, or closed the tab) is dropped: the synchronous MIP cannot be interrupted
// inside the thread, so the thread is replaced and the solves still waiting are handed to the new one.
import { Worker } from 'node:worker_threads';
import { coverageAnalysis } from '../analysis/coverage-analysis.js';
import { CoverageInputError } from '../analysis/coverage-errors.js';
import type { CoverageRequest, CoverageResult } from '../analysis/coverage-types.js';
import { CancelledError, UnprocessableInputError } from '../errors.js';

interface Reply {
  id: number;
  ok: boolean;
  result?: CoverageResult;
  error?: { name: string; message: string; code: string | null; details?: Array<{ path: string; message: string }> };
}

interface Job {
  request: CoverageRequest;
  resolve: (r: CoverageResult) => void;
  reject: (e: Error) => void;
}

const cancelledError = () => new CancelledError('The coverage solve was cancelled before it finished.');

let worker: Worker | null = null;
let nextId = 1;
/** Solves posted to the current worker, in the order it runs them. */
const pending = new Map<number, Job>();
let restarts = 0;

/** How many times a worker was replaced to drop a cancelled solve (for tests). */
export function coverageWorkerRestarts(): number {
  return restarts;
}

function failAll(err: Error): void {
  for (const p of pending.values()) p.reject(err);
  pending.clear();
}

function post(w: Worker, id: number, job: Job): void {
  pending.set(id, job);
  w.ref();
  w.postMessage({ id, request: job.request });
}

function settled(id: number): void {
  pending.delete(id);
  if (pending.size === 0) worker?.unref();
}

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./coverage-worker-boot.mjs', import.meta.url));
  w.unref();
  w.on('message', (m: Reply) => {
    const p = pending.get(m.id);
    if (!p || worker !== w) return;
    settled(m.id);
    if (m.ok && m.result) p.resolve(m.result);
    else if (m.error?.code && m.error.name !== 'Error') p.reject(new UnprocessableInputError(m.error.code, m.error.message, m.error.details));
    else p.reject(new Error(m.error?.message ?? 'coverage worker failed'));
  });
  w.on('error', (e) => {
    if (worker !== w) return;
    worker = null;
    failAll(e);
  });
  w.on('exit', () => {
    if (worker !== w) return;
    worker = null;
    failAll(new Error('the coverage solver stopped unexpectedly'));
  });
  worker = w;
  return w;
}

/** Drops a solve: forgotten if still queued behind others, or its thread replaced if it may be running. */
function cancel(id: number): void {
  const job = pending.get(id);
  if (!job) return;
  const first = pending.keys().next().value;
  settled(id);
  job.reject(cancelledError());
  if (id !== first) {
    worker?.postMessage({ cancel: id }); // still queued: the worker skips it
    return;
  }
  const old = worker;
  const rest = [...pending.entries()];
  pending.clear();
  worker = null;
  restarts += 1;
  if (old) void old.terminate();
  if (rest.length === 0) return;
  const w = getWorker();
  for (const [restId, restJob] of rest) post(w, restId, restJob);
}

/** Solves in the worker (default) or inline when RAWAN_COVERAGE_WORKER=0; `signal` cancels a worker solve. */
export async function solveCoverage(request: CoverageRequest, signal?: AbortSignal): Promise<CoverageResult> {
  if (signal?.aborted) throw cancelledError();
  if (process.env.RAWAN_COVERAGE_WORKER === '0') {
    try {
      return await coverageAnalysis(request);
    } catch (err) {
      if (err instanceof CoverageInputError)
        throw new UnprocessableInputError(
          err.code,
          err.message,
          err.details?.map((d) => ({ ...d })),
        );
      throw err;
    }
  }
  const id = nextId++;
  const onAbort = () => cancel(id);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await new Promise<CoverageResult>((resolve, reject) => post(getWorker(), id, { request, resolve, reject }));
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

export async function stopCoverageWorker(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}
