// Runs coverage solves in one long-lived worker thread (HiGHS loads once; solves queue in order), restarting it if
// it dies; the solver's input refusals come back as UnprocessableInputError with their code.
import { Worker } from 'node:worker_threads';
import { coverageAnalysis } from '../analysis/coverage-analysis.js';
import { CoverageInputError } from '../analysis/coverage-errors.js';
import type { CoverageRequest, CoverageResult } from '../analysis/coverage-types.js';
import { UnprocessableInputError } from '../errors.js';

interface Reply {
  id: number;
  ok: boolean;
  result?: CoverageResult;
  error?: { name: string; message: string; code: string | null; details?: Array<{ path: string; message: string }> };
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (r: CoverageResult) => void; reject: (e: Error) => void }>();

function failAll(err: Error): void {
  for (const p of pending.values()) p.reject(err);
  pending.clear();
}

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./coverage-worker-boot.mjs', import.meta.url));
  w.unref();
  w.on('message', (m: Reply) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.ok && m.result) p.resolve(m.result);
    else if (m.error?.code && m.error.name !== 'Error') p.reject(new UnprocessableInputError(m.error.code, m.error.message, m.error.details));
    else p.reject(new Error(m.error?.message ?? 'coverage worker failed'));
  });
  w.on('error', (e) => {
    worker = null;
    failAll(e);
  });
  w.on('exit', () => {
    worker = null;
    failAll(new Error('the coverage solver stopped unexpectedly'));
  });
  worker = w;
  return w;
}

/** Solves in the worker (default) or inline when RAWAN_COVERAGE_WORKER=0. */
export async function solveCoverage(request: CoverageRequest): Promise<CoverageResult> {
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
  const w = getWorker();
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.ref();
    w.postMessage({ id, request });
  }).finally(() => {
    if (pending.size === 0) worker?.unref();
  }) as Promise<CoverageResult>;
}

export async function stopCoverageWorker(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}
