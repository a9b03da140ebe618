// One behavioural suite every Store implementation must pass (SQLite and PostgreSQL), tally-backed counts included.
import { latLngToCell } from 'h3-js';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Area, CaseEvent, Facility } from '../../../server/domain/types.js';
import type { Store } from '../../../server/store/store.js';
import { focusAreaSuite } from './focus-area-suite.js';
import { importRollbackSuite } from './import-rollback-suite.js';
import { tallySuite } from './tally-suite.js';

const square = (x: number, y: number, d = 0.01): Area['geometry'] => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]],
});

const kel = (code: string, x: number): Area => ({ code, name: `Kel ${code}`, level: 'kelurahan', parentCode: code.slice(0, 8), geometry: square(x, -6.2), source: 'test', approximate: false });

const ev = (id: string, date: string, type: CaseEvent['type'], areaCode: string | null, count = 1, location: [number, number] | null = [106.8, -6.2]): CaseEvent => ({
  id, type, date, location, areaCode, focusAreaId: null, h3: null, count, source: 'test', synthetic: false,
});

const fac = (id: string, synthetic: boolean): Facility => ({
  id, name: `PKM ${id}`, level: 'kelurahan', areaCode: '31.71.01.1001', location: [106.8, -6.2], rehab: false, capacityPerMonth: 10, builtYear: null, source: 'test', approximate: synthetic, synthetic,
});

export function storeSuite(name: string, open: () => Promise<Store>) {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
      await store.migrate();
    });

    it('starts empty and migrating twice is harmless', async () => {
      await store.migrate();
      expect(await store.counts()).toEqual({ areas: 0, focusAreas: 0, facilities: 0, events: 0, syntheticEvents: 0 });
      expect(await store.eventDateRange()).toBeNull();
    });

    it('upserts areas by code and keeps population across a boundary update', async () => {
      await store.write([{ kind: 'areas', areas: [kel('31.71.01.1001', 106.8), kel('31.71.01.1002', 106.81)] }]);
      await store.write([{ kind: 'population', rows: [{ code: '31.71.01.1001', population: 12345, year: 2020, source: 'dukcapil', approximate: false }] }]);
      await store.write([{ kind: 'areas', areas: [{ ...kel('31.71.01.1001', 106.9), name: 'Renamed' }] }]);
      const areas = await store.listAreas('kelurahan');
      expect(areas).toHaveLength(2);
      const a = areas.find((x) => x.code === '31.71.01.1001');
      expect(a?.name).toBe('Renamed');
      expect(a?.population).toBe(12345);
      expect(a?.populationYear).toBe(2020);
      expect(a?.geometry.coordinates[0][0]).toEqual([106.9, -6.2]);
      expect(areas.find((x) => x.code === '31.71.01.1002')?.population).toBeNull();
    });

    it('replaces the whole population on a population write', async () => {
      await store.write([{ kind: 'areas', areas: [kel('31.71.01.1001', 106.8), kel('31.71.01.1002', 106.81)] }]);
      await store.write([{ kind: 'population', rows: [{ code: '31.71.01.1001', population: 1, year: null, source: 'demo', approximate: true }, { code: '31.71.01.1002', population: 2, year: null, source: 'demo', approximate: true }] }]);
      await store.write([{ kind: 'population', rows: [{ code: '31.71.01.1002', population: 7, year: 2020, source: 'official', approximate: false }] }]);
      const areas = await store.listAreas('kelurahan');
      expect(areas.map((a) => [a.code, a.population, a.populationApproximate])).toEqual([
        ['31.71.01.1001', null, null],
        ['31.71.01.1002', 7, false],
      ]);
    });

    it('drops synthetic facilities when a registry replaces them, and upserts by id', async () => {
      await store.write([{ kind: 'facilities', facilities: [fac('demo-1', true), fac('demo-2', true)], replaceSynthetic: true }]);
      await store.write([{ kind: 'facilities', facilities: [fac('129', false)], replaceSynthetic: true }]);
      await store.write([{ kind: 'facilities', facilities: [{ ...fac('129', false), capacityPerMonth: 40 }], replaceSynthetic: true }]);
      const f = await store.listFacilities();
      expect(f.map((x) => [x.id, x.capacityPerMonth, x.synthetic])).toEqual([['129', 40, false]]);
    });

    it('sums event counts by area, type and period, inclusive of both ends', async () => {
      await store.write([
        {
          kind: 'events',
          events: [
            ev('a', '2025-01-01', 'user_case', 'K1', 2),
            ev('b', '2025-01-31', 'user_case', 'K1'),
            ev('c', '2025-02-01', 'dealer_arrest', 'K1'),
            ev('d', '2025-01-15', 'prevention', 'K2'),
            ev('e', '2024-12-31', 'user_case', 'K1'),
            ev('f', '2025-01-20', 'user_case', null, 1, null),
          ],
        },
      ]);
      const rows = await store.countEvents({ from: '2025-01-01', to: '2025-01-31', types: ['user_case', 'prevention'] }, 'area');
      const sorted = [...rows].sort((x, y) => `${x.key}${x.type}`.localeCompare(`${y.key}${y.type}`));
      expect(sorted).toEqual([
        { key: 'K1', type: 'user_case', count: 3 },
        { key: 'K2', type: 'prevention', count: 1 },
        { key: null, type: 'user_case', count: 1 },
      ]);
      const months = await store.countEventsByMonth({ from: '2024-12-01', to: '2025-02-28', types: ['user_case', 'dealer_arrest'] }, { areaCodes: ['K1'] });
      expect(months).toEqual([
        { month: '2024-12', type: 'user_case', count: 1 },
        { month: '2025-01', type: 'user_case', count: 3 },
        { month: '2025-02', type: 'dealer_arrest', count: 1 },
      ]);
      expect(await store.eventDateRange()).toEqual({ min: '2024-12-31', max: '2025-02-01' });
    });

    it('re-writing an event id updates it instead of duplicating', async () => {
      await store.write([{ kind: 'events', events: [ev('x', '2025-01-01', 'user_case', 'K1')] }]);
      await store.write([{ kind: 'events', events: [ev('x', '2025-03-01', 'rehab_intake', 'K2')] }]);
      const all = await store.listEvents({ from: '0001-01-01', to: '9999-12-31', types: ['user_case', 'rehab_intake'], limit: 10 });
      expect(all.map((e) => [e.id, e.date, e.type, e.areaCode])).toEqual([['x', '2025-03-01', 'rehab_intake', 'K2']]);
    });

    it('filters events by bbox inclusively and honours the limit', async () => {
      await store.write([
        {
          kind: 'events',
          events: [
            ev('in', '2025-01-01', 'user_case', 'K1', 1, [106.8, -6.2]),
            ev('edge', '2025-01-02', 'user_case', 'K1', 1, [106.81, -6.19]),
            ev('out', '2025-01-03', 'user_case', 'K1', 1, [106.9, -6.2]),
            ev('nowhere', '2025-01-04', 'user_case', 'K1', 1, null),
          ],
        },
      ]);
      const q = { from: '2025-01-01', to: '2025-12-31', types: ['user_case'] as const, bbox: [106.79, -6.21, 106.81, -6.19] as [number, number, number, number] };
      expect((await store.listEvents({ ...q, limit: 10 })).map((e) => e.id)).toEqual(['in', 'edge']);
      expect((await store.listEvents({ ...q, limit: 1 })).map((e) => e.id)).toEqual(['in']);
    });

    it('applies a batch all-or-nothing: a failing write rolls back the earlier ones', async () => {
      await store.write([{ kind: 'areas', areas: [kel('31.71.01.1001', 106.8)] }]);
      const before = await store.counts();
      const broken = { ...kel('31.71.01.1009', 106.8), level: 'desa' } as unknown as Area;
      await expect(
        store.write([
          { kind: 'events', events: [ev('z', '2025-01-01', 'user_case', 'K1')] },
          { kind: 'areas', areas: [kel('31.71.01.1002', 106.81), broken] },
        ]),
      ).rejects.toThrow();
      expect(await store.counts()).toEqual(before);
    });

    it('reassigns event areas in place', async () => {
      await store.write([{ kind: 'events', events: [ev('p', '2025-01-01', 'user_case', 'K1')] }]);
      await store.write([{ kind: 'eventAreas', updates: [{ id: 'p', areaCode: 'K9', focusAreaId: 'kampung-x' }] }]);
      const [e] = await store.listEvents({ from: '2025-01-01', to: '2025-01-01', types: ['user_case'], limit: 5 });
      expect([e.areaCode, e.focusAreaId]).toEqual(['K9', 'kampung-x']);
      expect(await store.listEventLocations()).toEqual([{ id: 'p', location: [106.8, -6.2] }]);
    });

    it('sums counts per H3 cell, leaving out events without a location', async () => {
      const at = (id: string, loc: [number, number] | null, count: number): CaseEvent => ({
        ...ev(id, '2025-01-01', 'user_case', 'K1', count, loc),
        h3: loc ? latLngToCell(loc[1], loc[0], 10) : null,
      });
      const a: [number, number] = [106.8031, -6.1868];
      const b: [number, number] = [106.8771, -6.1098];
      await store.write([{ kind: 'events', events: [at('a', a, 2), at('b', a, 1), at('c', b, 1), at('d', null, 5)] }]);
      for (const r of [7, 8, 9, 10]) {
        const cells = await store.countEventsByCell({ from: '2025-01-01', to: '2025-01-31', types: ['user_case'] }, r);
        const expected = [
          { h3: latLngToCell(a[1], a[0], r), count: 3 },
          { h3: latLngToCell(b[1], b[0], r), count: 1 },
        ].sort((x, y) => x.h3.localeCompare(y.h3));
        expect([...cells].sort((x, y) => x.h3.localeCompare(y.h3))).toEqual(expected);
      }
    });

    it('changes the data version on every write', async () => {
      const v0 = await store.dataVersion();
      await store.write([{ kind: 'meta', key: 'x', value: '1' }]);
      const v1 = await store.dataVersion();
      expect(v1).not.toBe(v0);
    });

    it('updates a facility capacity and designation, bumping the data version', async () => {
      await store.write([{ kind: 'facilities', facilities: [fac('129', false)], replaceSynthetic: false }]);
      const v0 = await store.dataVersion();
      expect(await store.updateFacility('129', { capacityPerMonth: 25, rehab: true })).toBe(true);
      expect(await store.updateFacility('nope', { rehab: true })).toBe(false);
      const [f] = await store.listFacilities();
      expect([f.capacityPerMonth, f.rehab]).toEqual([25, true]);
      expect(await store.updateFacility('129', { capacityPerMonth: null })).toBe(true);
      expect((await store.listFacilities())[0].capacityPerMonth).toBeNull();
      expect(await store.dataVersion()).not.toBe(v0);
    });

    it('versions plans by name', async () => {
      const base = { params: '{}', result: '{}', summary: '{"served":1}', createdBy: 'ana', createdAt: '2026-11-01T00:00:00.000Z' };
      const a = await store.savePlan({ ...base, id: 'p1', name: 'Fokus' });
      const b = await store.savePlan({ ...base, id: 'p2', name: 'Fokus', createdAt: '2026-11-02T00:00:00.000Z' });
      const c = await store.savePlan({ ...base, id: 'p3', name: 'Lain' });
      expect([a.version, b.version, c.version]).toEqual([1, 2, 1]);
      expect((await store.getPlan('p2'))?.summary).toBe('{"served":1}');
      expect(await store.getPlan('zzz')).toBeNull();
      const list = await store.listPlans();
      expect(list.map((p) => p.id)).toEqual(['p2', 'p1', 'p3']);
      expect(list[0]).not.toHaveProperty('result');
    });

    it('stores metadata by key', async () => {
      expect(await store.getMeta('k')).toBeNull();
      await store.write([{ kind: 'meta', key: 'k', value: 'v1' }]);
      await store.write([{ kind: 'meta', key: 'k', value: 'v2' }]);
      expect(await store.getMeta('k')).toBe('v2');
    });
  });
  describe(`Store contract: ${name}, counts from tallies`, () => tallySuite(open));
  describe(`Store contract: ${name}, focus-area edits`, () => focusAreaSuite(open));
  describe(`Store contract: ${name}, import roll-back`, () => importRollbackSuite(open));
}
