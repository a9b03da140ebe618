// Small timing helpers for the benchmarks: percentiles over repeated runs.

export interface Row {
  group: string;
  name: string;
  value: number;
  unit: string;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export async function timeRuns(runs: number, fn: () => Promise<unknown> | unknown): Promise<{ p50: number; p95: number; min: number }> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), min: ms[0] };
}

export function printTable(rows: readonly Row[]): void {
  const w = Math.max(...rows.map((r) => `${r.group} · ${r.name}`.length), 10);
  console.log(`${'benchmark'.padEnd(w)}  ${'value'.padStart(12)}  unit`);
  console.log(`${'-'.repeat(w)}  ${'-'.repeat(12)}  ----`);
  for (const r of rows) {
    const v = Number.isInteger(r.value) ? String(r.value) : r.value.toFixed(r.value < 10 ? 2 : 1);
    console.log(`${`${r.group} · ${r.name}`.padEnd(w)}  ${v.padStart(12)}  ${r.unit}`);
  }
}
