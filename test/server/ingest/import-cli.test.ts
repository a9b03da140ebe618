// The import command as a user runs it: a refused file exits non-zero and prints row numbers; a good one exits 0.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function runCli(args: string[], db: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/import.ts', ...args], { env: { ...process.env, RAWAN_DB: db }, encoding: 'utf8' });
}

describe('npm run import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rawan-cli-'));
  const db = join(dir, 'rawan.db');

  it('exits 1 and reports rows when a file is refused, then 0 for a valid file', () => {
    writeFileSync(join(dir, 'bad.csv'), 'id,date,type,lat,lon\nA,2025-01-01,user_case,-6.2,106.8\nB,2025-01-01,nonsense,-6.2,106.8\n');
    const bad = runCli(['events', join(dir, 'bad.csv')], db);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/row 3 \[type\]: event type "nonsense" is unknown/);
    expect(bad.stderr).toMatch(/nothing was written/);

    writeFileSync(join(dir, 'good.csv'), 'id,date,type,lat,lon\nA,2025-01-01,user_case,-6.2,106.8\n');
    const good = runCli(['events', join(dir, 'good.csv'), '--dry-run'], db);
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/Dry run/);
  });

  it('exits 2 with usage on an unknown kind', () => {
    const r = runCli(['people', 'x.csv'], db);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Unknown kind "people"/);
  });
});
