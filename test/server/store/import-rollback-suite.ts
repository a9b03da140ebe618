// Part of the store contract: import provenance and roll-back as a whole. After a roll-back the store's contents and
// every tally-backed count equal those before the import; a roll-back a later import would undo is refused unchanged.
import { latLngToCell } from 'h3-js';
import { beforeEach, expect, it } from 'vitest';
import { EVENT_TYPES, type Area, type CaseEvent, type Facility } from '../../../server/domain/types.js';
import { rollbackImport } from '../../../server/ingest/rollback-import.js';
import type { NewImportRecord } from '../../../server/store/import-records.js';
import type { Store, StoreWrite } from '../../../server/store/store.js';

const rect = (w: number, e: number): Area['geometry'] => ({
  type: 'Polygon',
  coordinates: [[[w, -6.21], [e, -6.21], [e, -6.19], [w, -6.19], [w, -6.21]]],
});
const kel = (code: string, w: number, e: number, name = `Kel ${code}`): Area => ({
  code, name, level: 'kelurahan', parentCode: 'KEC1', geometry: rect(w, e), source: 'test', approximate: false,
});
const ev = (id: string, lng: number, areaCode: string, count: number, date = '2025-03-10', type: CaseEvent['type'] = 'user_case'): CaseEvent => ({
  id, type, date, location: [lng, -6.2], areaCode, focusAreaId: null, h3: latLngToCell(-6.2, lng, 10), count, source: 'seed.csv', synthetic: false,
});
const fac = (id: string, synthetic: boolean, capacity = 10): Facility => ({
  id, name: `PKM ${id}`, level: 'kelurahan', areaCode: 'K1', location: [106.801, -6.2], rehab: false, capacityPerMonth: capacity, builtYear: null, source: 'test', approximate: synthetic, synthetic,
});
const record = (id: string, at: string, records: number): StoreWrite => ({
  kind: 'importRecord',
  record: { id, at, by: 'tester', files: [{ kind: 'events', file: `${id}.csv`, rows: records }], records } satisfies NewImportRecord,
});

const YEAR = { from: '2025-01-01', to: '2025-12-31', types: EVENT_TYPES };

/** Everything a roll-back must put back: rows as read, and the counts the tallies answer. */
async function contents(store: Store) {
  return {
    areas: await store.listAreas('kelurahan'),
    facilities: await store.listFacilities(),
    events: await store.listEvents({ ...YEAR, limit: 1000 }),
    counts: await store.counts(),
    byArea: sorted(await store.countEvents(YEAR, 'area')),
    byCell9: (await store.countEventsByCell(YEAR, 9)).sort((a, b) => a.h3.localeCompare(b.h3)),
    byCell7: (await store.countEventsByCell(YEAR, 7)).sort((a, b) => a.h3.localeCompare(b.h3)),
    byMonth: await store.countEventsByMonth(YEAR, { areaCodes: ['K1', 'K2'] }),
  };
}
const sorted = <T extends { key: string | null; type: string }>(rows: T[]) =>
  rows.sort((a, b) => String(a.key).localeCompare(String(b.key)) || a.type.localeCompare(b.type));

export function importRollbackSuite(open: () => Promise<Store>) {
  let store: Store;
  beforeEach(async () => {
    store = await open();
    await store.migrate();
    // Built-in style data: written without an import.
    await store.write([
      { kind: 'areas', areas: [kel('K1', 106.8, 106.82)] },
      { kind: 'population', rows: [{ code: 'K1', population: 5000, year: 2020, source: 'demo', approximate: true }] },
      { kind: 'facilities', facilities: [fac('S1', true), fac('F1', false)], replaceSynthetic: false },
      { kind: 'events', events: [ev('e1', 106.805, 'K1', 2), ev('e2', 106.81, 'K1', 3)] },
    ]);
  });

  it('rolls back an events import: new events go, replaced ones come back as they were, every count as before', async () => {
    const before = await contents(store);
    await store.write([
      { kind: 'events', events: [ev('e2', 106.815, 'K1', 9, '2025-04-01', 'dealer_arrest'), ev('e3', 106.806, 'K1', 4)], importId: 'imp-a' },
      record('imp-a', '2026-01-01T00:00:00.000Z', 2),
    ]);
    expect((await store.listEvents({ ...YEAR, limit: 10 })).find((e) => e.id === 'e2')?.count).toBe(9);
    expect(await store.getImport('imp-a')).toMatchObject({ id: 'imp-a', by: 'tester', records: 2, status: 'applied', rolledBackAt: null });
    const r = await rollbackImport(store, 'imp-a', 'admin-b');
    // e3 was new, e2 replaced: one removed, one earlier version back.
    expect([r.removed, r.restored, r.replaced]).toEqual([1, 1, 0]);
    expect(r.import).toMatchObject({ status: 'rolled_back', rolledBackBy: 'admin-b' });
    expect(await contents(store)).toEqual(before);
    await expect(rollbackImport(store, 'imp-a', null)).rejects.toMatchObject({ status: 409, code: 'already_rolled_back' });
  });

  it("keeps an imported event's file name and import id exactly, quotes and semicolons included, however long", async () => {
    const before = await contents(store);
    const odd = [
      { source: "kasus o'brien; DROP TABLE events;--.csv", importId: "imp-'q" },
      { source: `${'panjang-'.repeat(150)}.csv`, importId: 'imp-long' },
    ];
    for (const [n, { source, importId }] of odd.entries()) {
      const events = [ev(`q${n}a`, 106.806, 'K1', 1), ev(`q${n}b`, 106.807, 'K1', 2)].map((e) => ({ ...e, source }));
      await store.write([{ kind: 'events', events, importId }, record(importId, `2026-01-0${n + 1}T00:00:00.000Z`, 2)]);
      const listed = (await store.listEvents({ ...YEAR, limit: 100 })).filter((e) => e.id.startsWith(`q${n}`));
      expect(listed.map((e) => e.source)).toEqual([source, source]);
    }
    // Each roll-back finds its events by the import id stored with them.
    for (const { importId } of [...odd].reverse()) expect((await rollbackImport(store, importId, null)).removed).toBe(2);
    expect(await contents(store)).toEqual(before);
  });

  it('an id repeated within one import comes back as it was before the import, not as the import first wrote it', async () => {
    const before = await contents(store);
    await store.writeStream(
      (async function* () {
        yield [{ kind: 'events', events: [ev('e1', 106.807, 'K1', 20), ev('e9', 106.808, 'K1', 1)], importId: 'imp-r' }] satisfies StoreWrite[];
        yield [{ kind: 'events', events: [ev('e1', 106.809, 'K1', 30), ev('e9', 106.811, 'K1', 2)], importId: 'imp-r' }] satisfies StoreWrite[];
        yield [record('imp-r', '2026-01-02T00:00:00.000Z', 4)];
      })(),
    );
    await rollbackImport(store, 'imp-r', null);
    expect(await contents(store)).toEqual(before);
  });

  it('refuses to roll back an import whose records a later import replaced, changing nothing, until that one is rolled back', async () => {
    const before = await contents(store);
    await store.write([{ kind: 'events', events: [ev('e3', 106.806, 'K1', 4)], importId: 'imp-a' }, record('imp-a', '2026-01-01T00:00:00.000Z', 1)]);
    const afterA = await contents(store);
    await store.write([{ kind: 'events', events: [ev('e3', 106.812, 'K1', 6), ev('e4', 106.813, 'K1', 1)], importId: 'imp-b' }, record('imp-b', '2026-01-02T00:00:00.000Z', 2)]);
    const afterB = await contents(store);
    const refused = await rollbackImport(store, 'imp-a', null).catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 409, code: 'rollback_conflict', later: [{ importId: 'imp-b', records: 1 }] });
    expect(await contents(store)).toEqual(afterB);
    expect((await store.getImport('imp-a'))?.status).toBe('applied');
    await rollbackImport(store, 'imp-b', null);
    expect(await contents(store)).toEqual(afterA);
    await rollbackImport(store, 'imp-a', null);
    expect(await contents(store)).toEqual(before);
  });

  it('imports that touch different records roll back in any order', async () => {
    const before = await contents(store);
    await store.write([{ kind: 'events', events: [ev('e5', 106.806, 'K1', 4)], importId: 'imp-a' }, record('imp-a', '2026-01-01T00:00:00.000Z', 1)]);
    await store.write([{ kind: 'events', events: [ev('e6', 106.812, 'K1', 6)], importId: 'imp-b' }, record('imp-b', '2026-01-02T00:00:00.000Z', 1)]);
    await rollbackImport(store, 'imp-a', null);
    expect((await store.listEvents({ ...YEAR, limit: 10 })).map((e) => e.id).sort()).toEqual(['e1', 'e2', 'e6']);
    await rollbackImport(store, 'imp-b', null);
    expect(await contents(store)).toEqual(before);
  });

  it('rolls back a puskesmas import: imported ones go, replaced and removed (synthetic) ones come back', async () => {
    const before = await contents(store);
    await store.write([
      { kind: 'facilities', facilities: [fac('F1', false, 99), fac('F2', false)], replaceSynthetic: true, importId: 'imp-f' },
      record('imp-f', '2026-01-03T00:00:00.000Z', 2),
    ]);
    expect((await store.listFacilities()).map((f) => [f.id, f.capacityPerMonth])).toEqual([['F1', 99], ['F2', 10]]);
    const r = await rollbackImport(store, 'imp-f', null);
    // F2 was new; F1 (replaced) and S1 (removed as synthetic) come back.
    expect([r.removed, r.restored]).toEqual([1, 2]);
    expect(await contents(store)).toEqual(before);
  });

  it('rolls back population imports, newest first', async () => {
    const before = await contents(store);
    const pop = (id: string, n: number): StoreWrite => ({ kind: 'population', rows: [{ code: 'K1', population: n, year: 2024, source: 'bps', approximate: false }], importId: id });
    await store.write([pop('imp-p1', 6000), record('imp-p1', '2026-01-04T00:00:00.000Z', 1)]);
    await store.write([pop('imp-p2', 7000), record('imp-p2', '2026-01-05T00:00:00.000Z', 1)]);
    await expect(rollbackImport(store, 'imp-p1', null)).rejects.toMatchObject({ code: 'rollback_conflict' });
    const p2 = await rollbackImport(store, 'imp-p2', null);
    expect([p2.removed, p2.restored]).toEqual([0, 1]);
    expect((await store.listAreas('kelurahan'))[0].population).toBe(6000);
    await rollbackImport(store, 'imp-p1', null);
    expect(await contents(store)).toEqual(before);
  });

  it('rolls back a boundary import: new kelurahan go, the old outline comes back, and events are placed in it again', async () => {
    const before = await contents(store);
    // K1 shrinks to its western half and K2 takes the east: e2 (106.81) moves to K2, as the import re-places it.
    await store.write([
      { kind: 'areas', areas: [kel('K1', 106.8, 106.808, 'Renamed'), kel('K2', 106.808, 106.82)], importId: 'imp-k' },
      { kind: 'eventAreas', updates: [{ id: 'e2', areaCode: 'K2', focusAreaId: null }] },
      record('imp-k', '2026-01-06T00:00:00.000Z', 2),
    ]);
    expect(sorted(await store.countEvents(YEAR, 'area')).map((g) => [g.key, g.count])).toEqual([['K1', 2], ['K2', 3]]);
    const r = await rollbackImport(store, 'imp-k', null);
    expect([r.removed, r.restored, r.replaced]).toEqual([1, 1, 1]);
    const after = await contents(store);
    // The restored row's updated_at is the one it had: the whole row is as before.
    expect(after).toEqual(before);
  });

  it('lists imports newest first, and answers 404 for an unknown one', async () => {
    await store.write([{ kind: 'events', events: [ev('e7', 106.806, 'K1', 1)], importId: 'imp-1' }, record('imp-1', '2026-02-01T00:00:00.000Z', 1)]);
    await store.write([{ kind: 'events', events: [ev('e8', 106.806, 'K1', 1)], importId: 'imp-2' }, record('imp-2', '2026-02-02T00:00:00.000Z', 1)]);
    expect((await store.listImports(10)).map((i) => i.id)).toEqual(['imp-2', 'imp-1']);
    expect((await store.listImports(1)).map((i) => i.id)).toEqual(['imp-2']);
    expect((await store.listImports(10))[0].files).toEqual([{ kind: 'events', file: 'imp-2.csv', rows: 1 }]);
    await expect(rollbackImport(store, 'imp-none', null)).rejects.toMatchObject({ status: 404, code: 'not_found' });
    expect(await store.getImport('imp-none')).toBeNull();
  });
}
