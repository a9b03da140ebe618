// Event CSVs are streamed into one transaction: late problems are reported by their line and leave the store exactly
// as it was, re-imports update, tallies stay equal to a recount of the events, progress is told per batch, and reads
// during the import see the store as before; the same whether the file is read in this thread or in a worker.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, type CaseEvent } from '../../../server/domain/types.js';
import { runImport, type ImportProgress } from '../../../server/ingest/import-service.js';
import type { Store } from '../../../server/store/store.js';
import { makeTestApp } from '../../helpers/test-app.js';
import { tempDir } from '../../helpers/temp-dir.js';

const base = { dryRun: false, maxBytes: 50e6, today: '2026-11-23' };
// Two points inside Kota Bambu Selatan and Kampung Bahari's kelurahan on the built-in boundaries.
const P1: [number, number] = [106.8031, -6.1868];
const P2: [number, number] = [106.8771, -6.1098];
const ALL = { from: '2022-01-01', to: '2022-12-31', types: EVENT_TYPES };

function csv(rows: string[]): Buffer {
  return Buffer.from(['id,date,type,lat,lon,count', ...rows].join('\n'));
}
const row = (id: string, date: string, type: string, [lng, lat]: [number, number], count = 1) => `${id},${date},${type},${lat},${lng},${count}`;

async function snapshot(store: Store): Promise<string> {
  const h = createHash('sha256');
  h.update(JSON.stringify(await store.counts()));
  h.update(JSON.stringify(await store.listEvents({ from: '0001-01-01', to: '9999-12-31', types: EVENT_TYPES, limit: 1e6 })));
  h.update(JSON.stringify(await store.countEventsByCell({ from: '2020-01-01', to: '2026-12-31', types: EVENT_TYPES }, 9)));
  h.update(JSON.stringify(await store.countEvents({ from: '2020-01-01', to: '2026-12-31', types: EVENT_TYPES }, 'area')));
  h.update(String(await store.dataVersion()));
  return h.digest('hex');
}

/** Counts recomputed from the stored events themselves, to hold the tallies against. */
async function recount(store: Store) {
  const events: CaseEvent[] = await store.listEvents({ ...ALL, limit: 1e6 });
  const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
  const byArea = new Map<string, number>();
  const byCell = new Map<string, number>();
  for (const e of events) {
    add(byArea, `${e.areaCode}|${e.type}`, e.count);
    if (e.location) add(byCell, latLngToCell(e.location[1], e.location[0], 8), e.count);
  }
  return { byArea, byCell, n: events.length };
}

// Big files are read in a worker thread (THREAD_MIN_BYTES) and small ones in this thread: every case runs both ways.
describe.each([
  ['read in this thread', { threadFromBytes: Infinity }],
  ['read in a worker thread', { threadFromBytes: 0 }],
])('streamed event import, %s', (_how, reader) => {
  const opts = { ...base, ...reader };
  it('reports problems late in a large file by their line and writes nothing', async () => {
    const dir = tempDir('rawan-stream-');
    const t = await makeTestApp({ path: join(dir, 'rawan.db') });
    const before = await snapshot(t.store);
    const rows = Array.from({ length: 30_000 }, (_, i) => row(`S${i}`, `2022-05-${String(1 + (i % 28)).padStart(2, '0')}`, 'user_case', i % 2 ? P1 : P2));
    rows[25_000] = row('S3', '2022-05-01', 'user_case', P1); // line 25,002: the id of line 5 again
    rows[29_990] = row('S29990', '2022-05-01', 'heroin', P1); // line 29,992
    rows[29_995] = row('S29995', '2022-05-01', 'prevention', [106.2, -6.2]); // line 29,997: west of the study area
    const progress: ImportProgress[] = [];
    const out = await runImport(t.store, [{ kind: 'events', fileName: 'late.csv', bytes: csv(rows) }], { ...opts, onProgress: (p) => progress.push(p) });
    expect(out.ok).toBe(false);
    expect(out.written).toBe(false);
    const r = out.reports[0];
    expect([r.rows, r.accepted, r.rejected, r.errors]).toEqual([30_000, 29_997, 3, 3]);
    expect(r.summary).toEqual({ duplicate_id: 1, unknown_type: 1, invalid_coordinates: 1 });
    expect(r.issues.map((i) => [i.row, i.code])).toEqual([
      [25_002, 'duplicate_id'],
      [29_992, 'unknown_type'],
      [29_997, 'invalid_coordinates'],
    ]);
    expect(r.issues[0].message).toBe('id S3 appears again (first at row 5)');
    // Two batches of 10,000 rows had gone into the transaction before the problem was read.
    expect(progress.some((p) => p.phase === 'writing' && (p.records ?? 0) >= 20_000)).toBe(true);
    expect(await snapshot(t.store)).toBe(before);
  });

  it('updates re-imported ids, keeping every tally equal to a recount of the events', async () => {
    const t = await makeTestApp();
    const before = await t.store.counts();
    const a = Array.from({ length: 12_000 }, (_, i) => row(`U${i}`, `2022-03-${String(1 + (i % 28)).padStart(2, '0')}`, 'user_case', P1));
    const b = Array.from({ length: 12_000 }, (_, i) => row(`U${6_000 + i}`, `2022-04-${String(1 + (i % 28)).padStart(2, '0')}`, 'prevention', P2, 2));
    expect((await runImport(t.store, [{ kind: 'events', fileName: 'a.csv', bytes: csv(a) }], opts)).written).toBe(true);
    expect((await runImport(t.store, [{ kind: 'events', fileName: 'b.csv', bytes: csv(b) }], opts)).written).toBe(true);
    // U0–U5999 stay as in a.csv; U6000–U11999 move to April, P2, prevention, count 2; U12000–U17999 are new.
    expect(await t.store.counts()).toEqual({ ...before, events: before.events + 18_000 });
    expect(await t.store.countEventsByMonth(ALL, {})).toEqual([
      { month: '2022-03', type: 'user_case', count: 6_000 },
      { month: '2022-04', type: 'prevention', count: 24_000 },
    ]);
    const cells = await t.store.countEventsByCell(ALL, 8);
    expect(new Map(cells.map((c) => [c.h3, c.count]))).toEqual(
      new Map([
        [latLngToCell(P1[1], P1[0], 8), 6_000],
        [latLngToCell(P2[1], P2[0], 8), 24_000],
      ]),
    );
    const re = await recount(t.store);
    expect(re.n).toBe(18_000);
    expect(new Map(cells.map((c) => [c.h3, c.count]))).toEqual(re.byCell);
    const areas = await t.store.countEvents(ALL, 'area');
    expect(new Map(areas.map((g) => [`${g.key}|${g.type}`, g.count]))).toEqual(re.byArea);
  });

  it('tells progress per batch of 5,000 rows and the records written at the end', async () => {
    const t = await makeTestApp();
    const rows = Array.from({ length: 25_000 }, (_, i) => row(`G${i}`, '2022-06-15', 'rehab_intake', P1));
    const progress: ImportProgress[] = [];
    const out = await runImport(t.store, [{ kind: 'events', fileName: 'p.csv', bytes: csv(rows) }], { ...opts, onProgress: (p) => progress.push(p) });
    expect(out.written).toBe(true);
    expect(progress.map((p) => [p.phase, p.rows ?? null, p.records ?? null])).toEqual([
      ['validating', null, null],
      ['writing', 0, 0],
      ['writing', 5_000, 5_000],
      ['writing', 10_000, 10_000],
      ['writing', 15_000, 15_000],
      ['writing', 20_000, 20_000],
      ['writing', 25_000, 25_000],
      ['done', null, 25_000],
    ]);
  });

  it('validates without writing on a dry run, telling progress as it reads', async () => {
    const t = await makeTestApp();
    const before = await snapshot(t.store);
    const rows = Array.from({ length: 15_000 }, (_, i) => row(`D${i}`, '2022-06-15', 'prevention', P2));
    const progress: ImportProgress[] = [];
    const out = await runImport(t.store, [{ kind: 'events', fileName: 'd.csv', bytes: csv(rows) }], { ...opts, dryRun: true, onProgress: (p) => progress.push(p) });
    expect([out.ok, out.written, out.reports[0].rows, out.reports[0].accepted]).toEqual([true, false, 15_000, 15_000]);
    expect(progress.filter((p) => p.rows !== undefined).map((p) => [p.phase, p.rows])).toEqual([
      ['validating', 0],
      ['validating', 5_000],
      ['validating', 10_000],
      ['validating', 15_000],
    ]);
    expect(await snapshot(t.store)).toBe(before);
  });

  it('rejects the import when the file cannot be read, leaving the store as it was', async () => {
    const dir = tempDir('rawan-stream-');
    const t = await makeTestApp({ path: join(dir, 'rawan.db') });
    const before = await snapshot(t.store);
    // A directory passes the size check but fails at the first read (EISDIR), in whichever thread reads it.
    await expect(runImport(t.store, [{ kind: 'events', fileName: 'not-a-file.csv', path: dir }], opts)).rejects.toThrow(/EISDIR|illegal operation on a directory/);
    expect(await snapshot(t.store)).toBe(before);
    // The store takes the next import as usual.
    const next = await runImport(t.store, [{ kind: 'events', fileName: 'ok.csv', bytes: csv([row('N1', '2022-08-01', 'prevention', P1)]) }], opts);
    expect(next.written).toBe(true);
  });

  it('reads the file from disk in pieces, while reads of the store see it as before until the commit', async () => {
    const dir = tempDir('rawan-stream-');
    const t = await makeTestApp({ path: join(dir, 'rawan.db') });
    const before = await t.store.counts();
    const path = join(dir, 'disk.csv');
    writeFileSync(path, csv(Array.from({ length: 30_000 }, (_, i) => row(`F${i}`, '2022-07-01', 'early_detection', P1))));
    let during: Promise<unknown> | undefined;
    const out = await runImport(t.store, [{ kind: 'events', fileName: 'disk.csv', path }], {
      ...opts,
      onProgress: (p) => {
        if (p.phase === 'writing' && p.records === 20_000) during = Promise.all([t.store.counts(), t.store.countEventsByMonth(ALL, {})]);
      },
    });
    expect(out.written).toBe(true);
    expect(await during).toEqual([before, []]);
    expect(await t.store.counts()).toEqual({ ...before, events: before.events + 30_000 });
    expect(await t.store.countEventsByMonth(ALL, {})).toEqual([{ month: '2022-07', type: 'early_detection', count: 30_000 }]);
  });
});

describe('an uploaded file handed over to the import thread', () => {
  it('is moved there, not copied, only when the caller hands it over; the import is the same either way', async () => {
    const rows = Array.from({ length: 3_000 }, (_, i) => row(`U${i}`, '2022-05-15', 'user_case', i % 2 ? P1 : P2));
    const handed = csv(rows);
    const kept = csv(rows);
    const size = kept.byteLength;
    const a = await makeTestApp();
    const b = await makeTestApp();
    const one = await runImport(a.store, [{ kind: 'events', fileName: 'u.csv', bytes: handed, handOver: true }], { ...base, threadFromBytes: 0 });
    const two = await runImport(b.store, [{ kind: 'events', fileName: 'u.csv', bytes: kept }], { ...base, threadFromBytes: 0 });
    expect([one.written, two.written]).toEqual([true, true]);
    // A moved ArrayBuffer is detached here: its view reads as empty.
    expect([handed.byteLength, kept.byteLength]).toEqual([0, size]);
    expect(await a.store.counts()).toEqual(await b.store.counts());
    expect(await a.store.countEvents(ALL, 'area')).toEqual(await b.store.countEvents(ALL, 'area'));
  });
});

