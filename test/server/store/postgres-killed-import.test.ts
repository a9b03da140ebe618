// An import of 1,000,000 events into PostgreSQL killed with SIGKILL in the middle of writing leaves the store exactly as it was.
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../../server/domain/types.js';
import { ensureDefaultData } from '../../../server/store/open-store.js';
import { PostgresStore } from '../../../server/store/postgres-store.js';
import { scratchDatabase, TEST_DATABASE_URL } from '../../helpers/postgres-test-db.js';

/** A million events in the study area, written in pieces rather than built as one string. */
function writeEventsCsv(path: string, rows: number): void {
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

const ROWS = 1_000_000;

describe.skipIf(!TEST_DATABASE_URL)('killed import on PostgreSQL', () => {
  it('leaves no trace of a transaction killed mid-write', async () => {
    const db = await scratchDatabase();
    try {
      const seeded = new PostgresStore(db.url);
      await seeded.migrate();
      await ensureDefaultData(seeded, 20250411);
      const before = await seeded.counts();
      const version = await seeded.dataVersion();
      await seeded.close();

      const dir = mkdtempSync(join(tmpdir(), 'rawan-kill-pg-'));
      writeEventsCsv(join(dir, 'big.csv'), ROWS);

      const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/import.ts', 'events', join(dir, 'big.csv')], {
        env: { ...process.env, DATABASE_URL: db.url, RAWAN_DB: join(dir, 'unused.db') },
      });
      let out = '';
      const killed = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        // Killed once 300,000 rows have gone into the open transaction (the CLI reports every 100,000).
        if (/ 300000 rows read/.test(out)) child.kill('SIGKILL');
      });
      expect(await killed).toBe('SIGKILL');
      expect(out).toMatch(/Writing .*big\.csv in one transaction/);
      expect(out).not.toContain('Imported');

      const after = new PostgresStore(db.url);
      await after.migrate();
      expect(await after.counts()).toEqual(before);
      expect(await after.dataVersion()).toBe(version);
      const leaked = await after.listEvents({ from: '2024-05-01', to: '2024-05-31', types: [...EVENT_TYPES], limit: 1_000_000 });
      expect(leaked.filter((e) => e.id.startsWith('K'))).toHaveLength(0);
      await after.close();
    } finally {
      await db.drop();
    }
  }, 180_000);
});
