// Shares one HiGHS runtime (Huangfu and Hall 2018, compiled to wasm by the `highs` npm package) across solves, and retries a solve that throws once on a fresh runtime, because the wasm build has known out-of-memory and stack failures that leave the old runtime unusable.
import loadHighs, { type Highs } from 'highs';

let runtime: Promise<Highs> | null = null;

function freshRuntime(): Promise<Highs> {
  runtime = loadHighs();
  return runtime;
}

/**
 * Runs `solve` with the shared runtime; if it throws, runs it once more on a new runtime and
 * lets a second failure propagate. `solve` must dispose every model it creates.
 */
export async function withHighs<T>(solve: (highs: Highs) => T): Promise<T> {
  try {
    return solve(await (runtime ?? freshRuntime()));
  } catch {
    return solve(await freshRuntime());
  }
}
