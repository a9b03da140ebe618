// POST /api/imports: admin only, multipart, row-numbered 422 reports that change nothing, dry runs, async status, audit.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type As, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ config: { publicViewer: false } });
});

async function upload(fields: Record<string, string>, file: { name: string; text: string } | null, as: As = 'admin') {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append('file', new File([file.text], file.name, { type: 'text/csv' }));
  const res = await t.request('/api/imports', { as, method: 'POST', body: form });
  return { status: res.status, body: await res.json() };
}

const good = { name: 'kasus.csv', text: 'id;tanggal;jenis;lat;lon\nR1;2026-11-01;user_case;-6,1868;106,8031\nR2;2026-11-02;rehab_intake;-6,1870;106,8030\n' };

describe('POST /api/imports', () => {
  it('is for admins only', async () => {
    expect((await upload({ kind: 'events' }, good, 'analyst')).status).toBe(403);
    expect((await upload({ kind: 'events' }, good, 'anonymous')).status).toBe(401);
  });

  it('a dry run reports and writes nothing', async () => {
    const r = await upload({ kind: 'events', dryRun: 'true' }, good);
    expect(r.status).toBe(200);
    expect([r.body.ok, r.body.written, r.body.reports[0].accepted]).toEqual([true, false, 2]);
    const ind = await t.get('/api/indicators?level=focus&from=2026-11-01&to=2026-11-05');
    expect(ind.body.totals.events).toBe(0);
  });

  it('a bad file answers 422 with the row-numbered report and leaves the store as it was', async () => {
    const before = await t.store.counts();
    const r = await upload({ kind: 'events' }, { name: 'bad.csv', text: 'id,date,type,lat,lon\nX1,2026-11-01,user_case,-6.18,106.80\nX2,2026-11-01,user_case,106.80,-6.18\n' });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('import_rejected');
    expect(r.body.error.message).toMatch(/Nothing was written/);
    expect(r.body.error.report.reports[0].issues[0]).toMatchObject({ row: 3, code: 'swapped_coordinates' });
    expect(await t.store.counts()).toEqual(before);
  });

  it('a good file is written and audited', async () => {
    const r = await upload({ kind: 'events' }, good);
    expect([r.status, r.body.written]).toEqual([200, true]);
    const ind = await t.get('/api/indicators?level=focus&from=2026-11-01&to=2026-11-05');
    expect(ind.body.areas.find((a: any) => a.code === 'kampung-boncos').total).toBe(2);
    const log = (await t.get('/api/audit?action=import', 'admin')).body.entries;
    expect(log[0]).toMatchObject({ username: 'test-admin', action: 'import', target: 'events: kasus.csv' });
  });

  it('async imports answer 202 and report their status', async () => {
    const r = await upload({ kind: 'events', async: '1', dryRun: '1' }, good);
    expect(r.status).toBe(202);
    let job;
    for (let i = 0; i < 50; i++) {
      job = (await t.get(`/api/imports/${r.body.id}`, 'admin')).body;
      if (job.status !== 'running') break;
      await new Promise((res) => setTimeout(res, 20));
    }
    expect(job.status).toBe('done');
    expect(job.outcome.reports[0].accepted).toBe(2);
  });

  it('keeps answering other requests while a long import runs: progress is seen before the end', async () => {
    // 40,000 rows (four batches), written for real.
    const rows = Array.from({ length: 40_000 }, (_, i) => `LONG${i},2026-0${1 + (i % 9)}-1${i % 10},user_case,${(-6.12 - (i % 100) * 1e-4).toFixed(5)},${(106.8 + (i % 97) * 1e-4).toFixed(5)}`);
    const r = await upload({ kind: 'events', async: '1' }, { name: 'long.csv', text: `id,date,type,lat,lon\n${rows.join('\n')}\n` });
    expect(r.status).toBe(202);
    // A timer runs only when the event loop turns: before the fix the whole import ran first.
    await new Promise((res) => setTimeout(res, 0));
    let job = (await t.get(`/api/imports/${r.body.id}`, 'admin')).body;
    expect(job.status).toBe('running');
    let sawProgress = false;
    while (job.status === 'running') {
      if ((job.progress?.rows ?? 0) > 0 && job.progress.rows < 40_000) sawProgress = true;
      await new Promise((res) => setTimeout(res, 20));
      job = (await t.get(`/api/imports/${r.body.id}`, 'admin')).body;
    }
    expect(sawProgress).toBe(true);
    expect(job.status).toBe('done');
    expect(job.outcome.written).toBe(true);
  });

  it.each([
    [{ kind: 'people' }, good, /kind/],
    [{ kind: 'events' }, null, /file/],
    [{ kind: 'events', map: 'nonsense' }, good, /field=Column/],
    [{ kind: 'population', year: 'last' }, good, /year/],
  ] as const)('refuses bad form fields with 400 (%o)', async (fields, file, msg) => {
    const r = await upload({ ...fields }, file);
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(msg);
  });

  it('refuses a JSON body with a message saying to use multipart', async () => {
    const r = await t.post('/api/imports', { kind: 'events' }, 'admin');
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/multipart/);
  });
});

describe('import provenance: GET /api/imports and POST /api/imports/:id/rollback', () => {
  const csv = (name: string, rows: string[]) => ({ name, text: `id,date,type,lat,lon\n${rows.join('\n')}\n` });
  const boncos = async () => {
    const ind = await t.get('/api/indicators?level=focus&from=2026-10-01&to=2026-10-31', 'admin');
    return ind.body.areas.find((a: any) => a.code === 'kampung-boncos').total as number;
  };

  it('lists each written import with who, when and which file, and rolls it back as a whole', async () => {
    const before = await boncos();
    const r = await upload({ kind: 'events' }, csv('oktober.csv', ['P1,2026-10-05,user_case,-6.1868,106.8031', 'P2,2026-10-06,user_case,-6.1869,106.8032', 'P3,2026-10-07,rehab_intake,-6.1867,106.8030']));
    expect([r.status, r.body.written]).toEqual([200, true]);
    const id: string = r.body.importId;
    expect(id).toMatch(/^imp-\d{8}T\d{6}-[0-9a-f]{6}$/);
    expect(await boncos()).toBe(before + 3);

    const list = await t.get('/api/imports', 'admin');
    expect(list.status).toBe(200);
    expect(list.body.imports[0]).toMatchObject({ id, by: 'test-admin', files: [{ kind: 'events', file: 'oktober.csv', rows: 3 }], records: 3, status: 'applied' });
    expect(Date.parse(list.body.imports[0].at)).toBeGreaterThan(Date.now() - 60_000);
    expect((await t.get(`/api/imports/${id}`, 'admin')).body.record).toMatchObject({ id, status: 'applied' });

    const back = await t.post(`/api/imports/${id}/rollback`, {}, 'admin');
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ removed: 3, restored: 0, import: { id, status: 'rolled_back', rolledBackBy: 'test-admin' } });
    expect(await boncos()).toBe(before);
    const log = (await t.get('/api/audit?action=import_rollback', 'admin')).body.entries;
    expect(log[0]).toMatchObject({ username: 'test-admin', target: id, details: { removed: 3, restored: 0 } });

    const again = await t.post(`/api/imports/${id}/rollback`, {}, 'admin');
    expect([again.status, again.body.error.code]).toEqual([409, 'already_rolled_back']);
  });

  it('keeps a file name without its control characters (a NUL or line break cannot be stored or logged as sent)', async () => {
    const r = await upload({ kind: 'events' }, csv('ok\u0000to\u001fber\n.csv', ['N1,2026-10-08,user_case,-6.1868,106.8031']));
    expect([r.status, r.body.written]).toEqual([200, true]);
    const list = await t.get('/api/imports', 'admin');
    expect(list.body.imports[0]).toMatchObject({ id: r.body.importId, files: [{ kind: 'events', file: 'oktober.csv', rows: 1 }] });
    expect((await t.post(`/api/imports/${r.body.importId}/rollback`, {}, 'admin')).status).toBe(200);
  });

  it('refuses with 409, changing nothing, to roll back an import a later one re-imported records of', async () => {
    const a = (await upload({ kind: 'events' }, csv('a.csv', ['Q1,2026-10-10,user_case,-6.1868,106.8031', 'Q2,2026-10-11,user_case,-6.1868,106.8031']))).body.importId;
    const b = (await upload({ kind: 'events' }, csv('b.csv', ['Q1,2026-10-12,dealer_arrest,-6.1868,106.8031']))).body.importId;
    const before = await boncos();
    const r = await t.post(`/api/imports/${a}/rollback`, {}, 'admin');
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('rollback_conflict');
    expect(r.body.error.message).toContain(b);
    expect(r.body.error.details).toEqual([{ path: b, message: expect.stringMatching(/1 record/) }]);
    expect(await boncos()).toBe(before);
    expect((await t.post(`/api/imports/${b}/rollback`, {}, 'admin')).status).toBe(200);
    expect((await t.post(`/api/imports/${a}/rollback`, {}, 'admin')).status).toBe(200);
    expect(await boncos()).toBe(before - 2);
  });

  it('answers 404 for unknown or malformed ids, 400 for a bad limit, 403 to analysts', async () => {
    for (const id of ['imp-20990101T000000-000000', '..%2F..%2Fetc', 'x'.repeat(200)]) {
      const r = await t.post(`/api/imports/${id}/rollback`, {}, 'admin');
      expect([r.status, r.body.error.code]).toEqual([404, 'not_found']);
      expect((await t.get(`/api/imports/${id}`, 'admin')).status).toBe(404);
    }
    for (const q of ['limit=0', 'limit=abc', 'limit=5000']) {
      const r = await t.get(`/api/imports?${q}`, 'admin');
      expect([r.status, r.body.error.code]).toEqual([400, 'invalid_parameter']);
    }
    expect((await t.get('/api/imports?limit=1', 'admin')).body.imports).toHaveLength(1);
    expect((await t.get('/api/imports', 'analyst')).status).toBe(403);
    expect((await t.post('/api/imports/imp-x/rollback', {}, 'analyst')).status).toBe(403);
  });

  it('tells admins the largest file an import takes, and no one else', async () => {
    const small = await makeTestApp({ config: { publicViewer: false, maxImportBytes: 3_000_000 } });
    expect((await small.get('/api/imports/limits', 'admin')).body).toEqual({ maxBytes: 3_000_000 });
    expect((await small.get('/api/imports/limits', 'analyst')).status).toBe(403);
    expect((await small.get('/api/imports/limits', 'anonymous')).status).toBe(401);
  });

  it('a dry run and a refused file are not stored as imports', async () => {
    const n = (await t.get('/api/imports?limit=1000', 'admin')).body.imports.length;
    await upload({ kind: 'events', dryRun: '1' }, csv('dry.csv', ['D1,2026-10-10,user_case,-6.1868,106.8031']));
    await upload({ kind: 'events' }, csv('bad.csv', ['D2,2026-10-10,nonsense,-6.1868,106.8031']));
    expect((await t.get('/api/imports?limit=1000', 'admin')).body.imports).toHaveLength(n);
  });
});

