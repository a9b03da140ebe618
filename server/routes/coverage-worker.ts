// Worker-thread entry that runs coverage solves, so a MIP with a 30-second time limit never blocks the HTTP server.
import { parentPort } from 'node:worker_threads';
import { coverageAnalysis } from '../analysis/coverage-analysis.js';
import type { CoverageRequest } from '../analysis/coverage-types.js';

interface Job {
  id: number;
  request: CoverageRequest;
}

parentPort?.on('message', (job: Job) => {
  coverageAnalysis(job.request).then(
    (result) => parentPort?.postMessage({ id: job.id, ok: true, result }),
    (e: unknown) => {
      const err = e instanceof Error ? e : new Error(String(e));
      const code = 'code' in err && typeof err.code === 'string' ? err.code : null;
      const details = 'details' in err && Array.isArray(err.details) ? err.details : undefined;
      parentPort?.postMessage({ id: job.id, ok: false, error: { name: err.name, message: err.message, code, details } });
    },
  );
});
