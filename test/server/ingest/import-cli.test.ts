// The import command as a user runs it: a refused file exits non-zero and prints row numbers; a good one exits 0.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir.js';

function runCli(args: string[], db: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/import.ts', ...args], { env: { ...process.env, RAWAN_DB: db }, encoding: 'utf8' });
}

describe('npm run import', () => {
  const dir = tempDir('rawan-cli-');
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

  it('lists past imports and rolls one back by id; exits 1 with the reason when it cannot', () => {
    const own = join(dir, 'own.db');
    writeFileSync(join(dir, 'first.csv'), 'id,date,type,lat,lon\nL1,2025-02-01,user_case,-6.2,106.8\nL2,2025-02-02,user_case,-6.2,106.8\n');
    writeFileSync(join(dir, 'second.csv'), 'id,date,type,lat,lon\nL1,2025-02-03,rehab_intake,-6.2,106.8\n');
    const first = runCli(['events', join(dir, 'first.csv')], own);
    expect(first.status).toBe(0);
    const a = /as import (imp-\S+);/.exec(first.stdout)?.[1] ?? '';
    const second = runCli(['events', join(dir, 'second.csv')], own);
    const b = /as import (imp-\S+);/.exec(second.stdout)?.[1] ?? '';
    expect([a, b].every((id) => /^imp-\d{8}T\d{6}-[0-9a-f]{6}$/.test(id))).toBe(true);

    const list = runCli(['list'], own);
    expect(list.status).toBe(0);
    // Newest first, each with its file and record count.
    expect(list.stdout.indexOf(b)).toBeLessThan(list.stdout.indexOf(a));
    expect(list.stdout).toMatch(/2 records +applied\n +events .*first\.csv \(2 rows\)/);

    const refused = runCli(['rollback', a], own);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`Later imports changed records of import ${a} since: ${b} (1 record)`);
    expect(runCli(['rollback', b], own).stdout).toMatch(/Rolled back .*: 0 records removed, 1 earlier versions restored/);
    expect(runCli(['rollback', a], own).stdout).toMatch(/2 records removed, 0 earlier versions restored/);
    expect(runCli(['list'], own).stdout.match(/rolled back/g)).toHaveLength(2);
    const unknown = runCli(['rollback', 'imp-nothing'], own);
    expect([unknown.status, unknown.stderr]).toEqual([1, expect.stringMatching(/No import "imp-nothing"/)]);
    expect(runCli(['rollback'], own).status).toBe(2);
  });
});
