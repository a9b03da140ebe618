// The hot spot service caches whole months and dekads of cell counts per data version: its answer must equal the
// events counted here cell by cell for any period, and a write must show up in the next answer.
import fc from 'fast-check';
import { latLngToCell } from 'h3-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVENT_TYPES, type CaseEvent, type EventType } from '../../server/domain/types.js';
import { bucketsOverlapping, createHotspotService, splitPeriod } from '../../server/routes/hotspot-service.js';
import { SqliteStore } from '../../server/store/sqlite-store.js';
import { ensureDefaultData } from '../../server/store/open-store.js';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('splitPeriod', () => {
  it('splits a year starting mid-month into dekads, whole months and leftover days (worked by hand)', () => {
    const { buckets, raw } = splitPeriod({ from: '2025-10-15', to: '2026-10-14' });
    const months = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09'];
    const lastDay: Record<string, string> = { '2025-11': '30', '2025-12': '31', '2026-01': '31', '2026-02': '28', '2026-03': '31', '2026-04': '30', '2026-05': '31', '2026-06': '30', '2026-07': '31', '2026-08': '31', '2026-09': '30' };
    expect(buckets).toEqual([
      { from: '2025-10-21', to: '2025-10-31' },
      ...months.map((m) => ({ from: `${m}-01`, to: `${m}-${lastDay[m]}` })),
      { from: '2026-10-01', to: '2026-10-10' },
    ]);
    expect(raw).toEqual([
      { from: '2025-10-15', to: '2025-10-20' },
      { from: '2026-10-11', to: '2026-10-14' },
    ]);
  });

  it('leaves days that hold no whole dekad as raw days only (worked by hand)', () => {
    expect(splitPeriod({ from: '2021-06-12', to: '2021-06-22' })).toEqual({ buckets: [], raw: [{ from: '2021-06-12', to: '2021-06-22' }] });
    expect(splitPeriod({ from: '2024-02-12', to: '2024-02-18' })).toEqual({ buckets: [], raw: [{ from: '2024-02-12', to: '2024-02-18' }] });
    expect(splitPeriod({ from: '2024-02-21', to: '2024-02-29' })).toEqual({ buckets: [{ from: '2024-02-21', to: '2024-02-29' }], raw: [] });
  });

  it('tiles any period exactly: every day in one piece, no day outside, buckets are whole months or dekads', () => {
    const start = Date.UTC(2020, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 800 }), (a, len) => {
        const p = { from: iso(start + a * DAY), to: iso(start + (a + len) * DAY) };
        const { buckets, raw } = splitPeriod(p);
        const seen = new Map<string, number>();
        for (const piece of [...buckets, ...raw]) {
          for (let d = Date.parse(piece.from); d <= Date.parse(piece.to); d += DAY) seen.set(iso(d), (seen.get(iso(d)) ?? 0) + 1);
        }
        expect(seen.size).toBe(len + 1);
        expect([...seen.values()].every((n) => n === 1)).toBe(true);
        expect([...seen.keys()].every((d) => d >= p.from && d <= p.to)).toBe(true);
        for (const b of buckets) {
          const day = Number(b.from.slice(8));
          const next = iso(Date.parse(b.to) + DAY);
          expect([1, 11, 21]).toContain(day);
          // A bucket ends where a month or dekad ends.
          expect(['01', '11', '21']).toContain(next.slice(8));
          expect(b.from.slice(0, 7)).toBe(b.to.slice(0, 7));
        }
        // At most 10 days at each end (the last dekad of a 31-day month has 11 days), 19 in one piece when none fits.
        const rawDays = raw.reduce((n, r) => n + (Date.parse(r.to) - Date.parse(r.from)) / DAY + 1, 0);
        expect(rawDays).toBeLessThanOrEqual(20);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('bucketsOverlapping', () => {
  it('lists every month and dekad touching the period, latest first (leap February worked by hand)', () => {
    expect(bucketsOverlapping({ from: '2024-02-15', to: '2024-03-02' })).toEqual([
      { from: '2024-03-21', to: '2024-03-31' },
      { from: '2024-03-11', to: '2024-03-20' },
      { from: '2024-03-01', to: '2024-03-10' },
      { from: '2024-03-01', to: '2024-03-31' },
      { from: '2024-02-21', to: '2024-02-29' },
      { from: '2024-02-11', to: '2024-02-20' },
      { from: '2024-02-01', to: '2024-02-10' },
      { from: '2024-02-01', to: '2024-02-29' },
    ]);
  });
});

describe('cell counts with the bucket cache', () => {
  let store: SqliteStore;
  let events: CaseEvent[];
  beforeAll(async () => {
    store = new SqliteStore(':memory:');
    await store.migrate();
    await ensureDefaultData(store, 20250411);
    events = await store.listEvents({ from: '0000-01-01', to: '9999-12-31', types: [...EVENT_TYPES], limit: 1_000_000 });
  });

  /** Events of the period per resolution-9 cell, counted here from their coordinates. */
  function expected(from: string, to: string, types: readonly EventType[]): Map<string, number> {
    const out = new Map<string, number>();
    for (const e of events) {
      if (e.date < from || e.date > to || !types.includes(e.type) || !e.location) continue;
      const c = latLngToCell(e.location[1], e.location[0], 9);
      out.set(c, (out.get(c) ?? 0) + e.count);
    }
    return out;
  }

  function check(got: { grid: { cells: string[]; index: Map<string, number> }; values: Float64Array; outside: number }, want: Map<string, number>) {
    let outside = 0;
    for (const [cell, n] of want) {
      const i = got.grid.index.get(cell);
      if (i === undefined) outside += n;
      else expect(got.values[i], cell).toBe(n);
    }
    expect(got.outside).toBe(outside);
    const total = got.values.reduce((s, v) => s + v, 0);
    expect(total + got.outside).toBe([...want.values()].reduce((s, v) => s + v, 0));
  }

  it('equals the events counted by cell for overlapping periods asked one after another (cache warm and cold)', async () => {
    const service = createHotspotService(store);
    const start = Date.UTC(2023, 0, 1);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 1300 }), fc.integer({ min: 0, max: 500 }), fc.subarray([...EVENT_TYPES], { minLength: 1 }), async (a, len, types) => {
        const from = iso(start + a * DAY);
        const to = iso(start + (a + len) * DAY);
        check(await service.cellValues({ from, to, types }, 9, 1), expected(from, to, types));
      }),
      { numRuns: 25 },
    );
  });

  it('shows a write in the next answer, although the months were cached before it', async () => {
    const service = createHotspotService(store);
    const p = { from: '2025-01-01', to: '2025-12-31', types: [...EVENT_TYPES] };
    const before = await service.cellValues(p, 9, 1);
    const cell = latLngToCell(-6.1257, 106.8061, 9);
    const i = before.grid.index.get(cell);
    expect(i).toBeDefined();
    const was = before.values[i!];
    await store.write([
      {
        kind: 'events',
        events: [{ id: 'cache-test-1', type: 'user_case', date: '2025-06-15', location: [106.8061, -6.1257], areaCode: null, focusAreaId: null, h3: latLngToCell(-6.1257, 106.8061, 10), count: 7, source: 'test', synthetic: false }],
      },
    ]);
    const after = await service.cellValues(p, 9, 1);
    expect(after.values[i!]).toBe(was + 7);
  });
});
