// Shared by the killed-import tests of both stores: a million-row events CSV, the CLI import killed with SIGKILL once
// 300,000 rows are inside its open transaction, and the check that nothing of it is left in the store.
import { spawn } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { expect } from 'vitest';
import { EVENT_TYPES } from '../../server/domain/types.js';
import type { Store, StoreCounts } from '../../server/store/store.js';

export const KILL_ROWS = 1_000_000;

/** A million events in the study area (ids K0…), written in pieces rather than built as one string. */
export function writeEventsCsv(path: string, rows = KILL_ROWS): void {
  const fd = openSync(path, 'w');
  writeSync(fd, 'id,date,type,lat,lon');
  for (let start = 0; start < rows; start += 100_000) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(rows, start + 100_000); i++)
      lines.push(`\nK${i},2024-05-${String(1 + (i % 28)).padStart(2, '0')},${EVENT_TYPES[i % 5]},${(-6.3 + (i % 1500) / 10_000).toFixed(4)},${(106.76 + (i % 1700) / 10_000).toFixed(4)}`);
    writeSync(fd, lines.join(''));
  }
  closeSync(fd);
}

/** Runs `npm run import -- events <csv>` with `env` and kills it once 300,000 rows have been read into the transaction. */
export async function importKilledMidWrite(csv: string, env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/import.ts', 'events', csv], { env: { ...process.env, ...env } });
  let out = '';
  const killed = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    // The CLI reports every 100,000 rows.
    if (/ 300000 rows read/.test(out)) child.kill('SIGKILL');
  });
  expect(await killed).toBe('SIGKILL');
  expect(out).toMatch(/Writing .* in one transaction/);
  expect(out).not.toContain('Imported');
}

/** The store holds what it held before the import, and none of the file's events. */
export async function expectNoTrace(store: Store, before: StoreCounts): Promise<void> {
  expect(await store.counts()).toEqual(before);
  const leaked = await store.listEvents({ from: '2024-05-01', to: '2024-05-31', types: [...EVENT_TYPES], limit: 1_000_000 });
  expect(leaked.filter((e) => e.id.startsWith('K'))).toHaveLength(0);
}
