// Part of the store contract: focus-area edits under optimistic concurrency, their history, and the events' derived
// focus area re-derived in the same transaction with the tallies kept exactly equal to counting the events.
import { beforeEach, expect, it } from 'vitest';
import { EVENT_TYPES, type AreaGeometry, type CaseEvent, type FocusArea } from '../../../server/domain/types.js';
import type { Store } from '../../../server/store/store.js';

/** An axis-aligned rectangle, counter-clockwise from the south-west corner. */
const rect = (w: number, s: number, e: number, n: number): AreaGeometry => ({
  type: 'Polygon',
  coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]],
});

const focus = (id: string, geometry: AreaGeometry, extra: Partial<FocusArea> = {}): FocusArea => ({
  id, name: `Focus ${id}`, aliases: [], kelurahanCode: 'K1', geometry, notes: '', source: 'test', approximate: true, ...extra,
});

const ev = (id: string, location: [number, number] | null, focusAreaId: string | null, count: number, date = '2025-01-10'): CaseEvent => ({
  id, type: 'user_case', date, location, areaCode: 'K1', focusAreaId, h3: null, count, source: 'test', synthetic: false,
});

const YEAR = { from: '2025-01-01', to: '2025-12-31', types: EVENT_TYPES };
const at = '2026-03-01T10:00:00.000Z';

export function focusAreaSuite(open: () => Promise<Store>) {
  let store: Store;
  beforeEach(async () => {
    store = await open();
    await store.migrate();
    await store.write([
      { kind: 'focusAreas', focusAreas: [focus('fa-a', rect(106.8, -6.2, 106.805, -6.195))] },
      {
        kind: 'events',
        events: [
          ev('e1', [106.802, -6.198], 'fa-a', 2),
          ev('e2', [106.807, -6.198], null, 3),
          ev('e3', [106.815, -6.198], null, 1, '2025-02-03'),
          ev('e4', null, null, 7),
        ],
      },
    ]);
  });

  /** Counts per focus area straight from the events, for comparison with the tallies the store answers from. */
  const rawByFocus = async (from: string, to: string) => {
    const out = new Map<string | null, number>();
    for (const e of await store.listEvents({ from, to, types: EVENT_TYPES, limit: 1000 })) out.set(e.focusAreaId, (out.get(e.focusAreaId) ?? 0) + e.count);
    return out;
  };
  const talliedByFocus = async (from: string, to: string) => {
    const out = new Map<string | null, number>();
    for (const g of await store.countEvents({ from, to, types: EVENT_TYPES }, 'focus')) out.set(g.key, (out.get(g.key) ?? 0) + g.count);
    return out;
  };
  const expectTalliesExact = async () => {
    for (const [from, to] of [['2025-01-01', '2025-12-31'], ['2025-01-05', '2025-01-12'], ['2025-02-03', '2025-02-03']]) {
      expect(await talliedByFocus(from, to)).toEqual(await rawByFocus(from, to));
    }
  };
  const focusOf = async (id: string) => (await store.listEvents({ ...YEAR, limit: 1000 })).find((e) => e.id === id)?.focusAreaId;

  it('gives seeded focus areas version 1 and no editor', async () => {
    expect(await store.getFocusArea('fa-a')).toMatchObject({ id: 'fa-a', version: 1, updatedBy: null });
    expect(await store.getFocusArea('nope')).toBeNull();
    expect(await store.listFocusAreaHistory('fa-a')).toEqual([]);
    expect(await store.focusAreaIdTaken('fa-a')).toBe(true);
    expect(await store.focusAreaIdTaken('fa-z')).toBe(false);
  });

  it('widening an outline moves the events now inside it, with tallies and data version in step', async () => {
    const before = await store.dataVersion();
    const wider = focus('fa-a', rect(106.8, -6.2, 106.81, -6.195), { name: 'Wider' });
    const r = await store.editFocusArea({ action: 'update', focusArea: wider, expectedVersion: 1, at, username: 'ana' });
    expect(r).toMatchObject({ ok: true, changed: ['name', 'geometry'], eventsReassigned: 1 });
    expect(r.ok && r.record).toMatchObject({ version: 2, name: 'Wider', updatedBy: 'ana', updatedAt: at });
    expect(await focusOf('e2')).toBe('fa-a');
    expect(await focusOf('e3')).toBeNull();
    // e1 (2) + e2 (3) in fa-a; e3 (1) and e4 (7) in none.
    expect(await talliedByFocus('2025-01-01', '2025-12-31')).toEqual(new Map([['fa-a', 5], [null, 8]]));
    expect(await store.countEventsByMonth(YEAR, { focusAreaId: 'fa-a' })).toEqual([{ month: '2025-01', type: 'user_case', count: 5 }]);
    await expectTalliesExact();
    expect(await store.dataVersion()).toBe(before + 1);
    expect((await store.listFocusAreas()).map((f) => f.name)).toEqual(['Wider']);
  });

  it('refuses a stale version and a missing or taken id, changing nothing', async () => {
    await store.editFocusArea({ action: 'update', focusArea: focus('fa-a', rect(106.8, -6.2, 106.81, -6.195)), expectedVersion: 1, at, username: 'ana' });
    const version = await store.dataVersion();
    const stale = await store.editFocusArea({ action: 'update', focusArea: focus('fa-a', rect(106.8, -6.2, 106.803, -6.197)), expectedVersion: 1, at, username: 'budi' });
    expect(stale).toMatchObject({ ok: false, reason: 'stale', current: { version: 2, updatedBy: 'ana' } });
    expect(await store.editFocusArea({ action: 'delete', id: 'fa-x', expectedVersion: 1, at, username: 'budi' })).toEqual({ ok: false, reason: 'missing', current: null });
    expect(await store.editFocusArea({ action: 'create', focusArea: focus('fa-a', rect(106.8, -6.2, 106.803, -6.197)), at, username: 'budi' })).toMatchObject({ ok: false, reason: 'exists' });
    expect(await store.dataVersion()).toBe(version);
    expect((await store.getFocusArea('fa-a'))?.geometry).toEqual(rect(106.8, -6.2, 106.81, -6.195));
    expect(await store.listFocusAreaHistory('fa-a')).toHaveLength(1);
    expect(await focusOf('e2')).toBe('fa-a');
  });

  it('an unchanged update is a no-op: no new version, no history', async () => {
    const r = await store.editFocusArea({ action: 'update', focusArea: focus('fa-a', rect(106.8, -6.2, 106.805, -6.195)), expectedVersion: 1, at, username: 'ana' });
    expect(r).toMatchObject({ ok: true, changed: [], eventsReassigned: 0, record: { version: 1 } });
    expect(await store.listFocusAreaHistory('fa-a')).toEqual([]);
  });

  it('overlapping outlines give an event to the first focus area by id, as the import does', async () => {
    // "fa-0" sorts before "fa-a" and covers e1 and e2; e1 leaves fa-a for it.
    const r = await store.editFocusArea({ action: 'create', focusArea: focus('fa-0', rect(106.801, -6.199, 106.808, -6.197)), at, username: 'ana' });
    expect(r).toMatchObject({ ok: true, eventsReassigned: 2, record: { version: 1 } });
    expect([await focusOf('e1'), await focusOf('e2'), await focusOf('e3')]).toEqual(['fa-0', 'fa-0', null]);
    await expectTalliesExact();
    // Deleting fa-0 hands e1 back to fa-a and leaves e2 in none.
    const d = await store.editFocusArea({ action: 'delete', id: 'fa-0', expectedVersion: 1, at, username: 'budi' });
    expect(d).toEqual({ ok: true, record: null, changed: ['name', 'aliases', 'notes', 'geometry', 'kelurahanCode'], eventsReassigned: 2 });
    expect([await focusOf('e1'), await focusOf('e2')]).toEqual(['fa-a', null]);
    expect(await talliedByFocus('2025-01-01', '2025-12-31')).toEqual(new Map([['fa-a', 2], [null, 11]]));
    await expectTalliesExact();
  });

  it('keeps the history newest first with the previous outline, after deletion too, and never reuses a version', async () => {
    const g2 = rect(106.8, -6.2, 106.81, -6.195);
    await store.editFocusArea({ action: 'update', focusArea: focus('fa-a', g2), expectedVersion: 1, at: '2026-03-01T10:00:00.000Z', username: 'ana' });
    await store.editFocusArea({ action: 'update', focusArea: focus('fa-a', g2, { notes: 'RW 07' }), expectedVersion: 2, at: '2026-03-02T10:00:00.000Z', username: 'budi' });
    await store.editFocusArea({ action: 'delete', id: 'fa-a', expectedVersion: 3, at: '2026-03-03T10:00:00.000Z', username: 'citra' });
    const h = await store.listFocusAreaHistory('fa-a');
    expect(h.map((e) => [e.version, e.action, e.username, e.changed])).toEqual([
      [4, 'deleted', 'citra', ['name', 'aliases', 'notes', 'geometry', 'kelurahanCode']],
      [3, 'updated', 'budi', ['notes']],
      [2, 'updated', 'ana', ['geometry']],
    ]);
    expect(h[2].previous?.geometry).toEqual(rect(106.8, -6.2, 106.805, -6.195));
    expect(h[2].current?.geometry).toEqual(g2);
    expect(h[0].previous?.notes).toBe('RW 07');
    expect(h[0].current).toBeNull();
    expect(await store.getFocusArea('fa-a')).toBeNull();
    expect(await store.focusAreaIdTaken('fa-a')).toBe(true);
    expect(await focusOf('e1')).toBeNull();
    await expectTalliesExact();
    // Re-created under the same id, it continues the numbering.
    const again = await store.editFocusArea({ action: 'create', focusArea: focus('fa-a', g2), at, username: 'ana' });
    expect(again).toMatchObject({ ok: true, record: { version: 5 }, eventsReassigned: 2 });
    expect((await store.counts()).focusAreas).toBe(1);
  });
}
