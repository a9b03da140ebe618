// Part of the store contract: counts served from pre-aggregated tallies equal counts of the raw events, after inserts,
// upserts that move events to another day, type, place or count, and re-placement of event areas (property-tested).
import fc from 'fast-check';
import { latLngToCell } from 'h3-js';
import { beforeEach, expect, it } from 'vitest';
import { EVENT_TYPES, type CaseEvent, type EventType } from '../../../server/domain/types.js';
import { eventCells } from '../../../server/store/event-cells.js';
import { toEventColumns } from '../../../server/store/event-columns.js';
import { talliedEvent, TallyDeltas } from '../../../server/store/event-tallies.js';
import type { Store } from '../../../server/store/store.js';
import { createRng } from '../../../data/prng.js';

const AREAS = ['K1', 'K2', 'K3', 'K4', null];
const FOCUS = ['fa-1', 'fa-2', null, null];
const POINTS: Array<[number, number] | null> = [[106.8031, -6.1868], [106.8771, -6.1098], [106.805, -6.19], [106.91, -6.25], [106.72, -6.15], null];
const FIRST_DAY = Date.UTC(2023, 11, 20) / 86_400_000;
const DAYS = 800;


const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

function randomEvent(rnd: () => number, id: string): CaseEvent {
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const location = pick(POINTS);
  return {
    id,
    type: pick(EVENT_TYPES),
    date: iso(FIRST_DAY + Math.floor(rnd() * DAYS)),
    location,
    areaCode: pick(AREAS),
    focusAreaId: pick(FOCUS),
    h3: location ? latLngToCell(location[1], location[0], 10) : null,
    count: Math.floor(rnd() * 4),
    source: 'tally-test',
    synthetic: rnd() < 0.3,
  };
}

type Filter = { from: string; to: string; types: readonly EventType[] };
const inFilter = (e: CaseEvent, f: Filter) => e.date >= f.from && e.date <= f.to && f.types.includes(e.type);

function sumBy(events: Iterable<CaseEvent>, key: (e: CaseEvent) => string | null): Map<string | null, number> {
  const m = new Map<string | null, number>();
  for (const e of events) {
    const k = key(e);
    if (k !== null) m.set(k, (m.get(k) ?? 0) + e.count);
  }
  return m;
}

const sorted = <T,>(xs: readonly T[]) => [...xs].map((x) => JSON.stringify(x)).sort();

export function tallySuite(open: () => Promise<Store>) {
  let store: Store;
  const model = new Map<string, CaseEvent>();
  beforeEach(async () => {
    store = await open();
    await store.migrate();
    model.clear();
    const rnd = createRng(7).next;
    // Events as objects, or column by column as the import thread sends them: the same write.
    const write = async (events: CaseEvent[], asColumns = false) => {
      await store.write([asColumns ? { kind: 'eventColumns', columns: toEventColumns(events) } : { kind: 'events', events }]);
      for (const e of events) model.set(e.id, e);
    };
    await write(Array.from({ length: 300 }, (_, i) => randomEvent(rnd, `t${i}`)));
    // Upserts that move events (and a batch naming one id twice: the last one wins).
    await write([...Array.from({ length: 80 }, (_, i) => randomEvent(rnd, `t${i * 3}`)), randomEvent(rnd, 't1'), randomEvent(rnd, 't1')], true);
    await write(Array.from({ length: 60 }, (_, i) => randomEvent(rnd, `u${i}`)));
    // As the import thread writes: events without their tallies, which come summed in a write of their own. Stored
    // ids are replaced (their old tallies go), new ones added, and an id given twice counts once (the last wins).
    const given = [...Array.from({ length: 50 }, (_, i) => randomEvent(rnd, `t${i * 5 + 1}`)), ...Array.from({ length: 40 }, (_, i) => randomEvent(rnd, `p${i}`))];
    given.push(randomEvent(rnd, 'p3'), randomEvent(rnd, 't6'));
    const sums = new TallyDeltas();
    for (const e of given) sums.add(talliedEvent(e, eventCells(e)), 1);
    await store.write([{ kind: 'eventColumns', columns: toEventColumns(given), preTallied: true }, { kind: 'tallies', tallies: sums.take() }]);
    for (const e of given) model.set(e.id, e);
    // Re-placement after a boundary import, including an id that does not exist.
    const updates = Array.from({ length: 90 }, (_, i) => ({ id: `t${i * 2}`, areaCode: AREAS[i % 5], focusAreaId: FOCUS[i % 4] }));
    await store.write([{ kind: 'eventAreas', updates: [...updates, { id: 'missing', areaCode: 'K1', focusAreaId: null }] }]);
    for (const u of updates) {
      const e = model.get(u.id);
      if (e) model.set(u.id, { ...e, areaCode: u.areaCode, focusAreaId: u.focusAreaId });
    }
  });

  const expectCountsMatch = async (f: Filter) => {
    const hits = [...model.values()].filter((e) => inFilter(e, f));
    for (const by of ['area', 'focus'] as const) {
      const expected: Array<{ key: string | null; type: EventType; count: number }> = [];
      for (const type of f.types) {
        const m = sumBy(hits.filter((e) => e.type === type), (e) => JSON.stringify(by === 'area' ? e.areaCode : e.focusAreaId));
        for (const [k, count] of m) expected.push({ key: JSON.parse(k ?? 'null'), type, count });
      }
      expect(sorted(await store.countEvents(f, by))).toEqual(sorted(expected));
    }
    for (const r of [7, 8, 9, 10]) {
      const cell = (e: CaseEvent) => (e.location === null ? null : r === 10 ? e.h3 : latLngToCell(e.location[1], e.location[0], r));
      const expected = [...sumBy(hits, cell)].map(([h3, count]) => ({ h3, count }));
      expect(sorted(await store.countEventsByCell(f, r))).toEqual(sorted(expected));
    }
    const wheres: Array<{ areaCodes?: string[]; focusAreaId?: string }> = [{}, { areaCodes: ['K1', 'K3'] }, { areaCodes: [] }, { focusAreaId: 'fa-2' }];
    for (const where of wheres) {
      const keep = (e: CaseEvent) =>
        (where.areaCodes ? where.areaCodes.includes(e.areaCode ?? '') : true) && (where.focusAreaId !== undefined ? e.focusAreaId === where.focusAreaId : true);
      const m = sumBy(hits.filter(keep), (e) => `${e.date.slice(0, 7)}|${e.type}`);
      const expected = [...m].map(([k, count]) => ({ month: k?.split('|')[0], type: k?.split('|')[1], count })).sort((a, b) => `${a.month}${a.type}`.localeCompare(`${b.month}${b.type}`));
      expect(await store.countEventsByMonth(f, where)).toEqual(expected);
    }
  };

  it('serves counts from tallies equal to counting the raw events, for any period and types', async () => {
    const all = [...model.values()];
    expect(await store.counts()).toMatchObject({ events: all.length, syntheticEvents: all.filter((e) => e.synthetic).length });
    await expectCountsMatch({ from: '2023-01-01', to: '2026-12-31', types: EVENT_TYPES });
    await expectCountsMatch({ from: '2024-02-11', to: '2024-02-20', types: EVENT_TYPES });
    const day = fc.integer({ min: -20, max: DAYS + 20 }).map((d) => iso(FIRST_DAY + d));
    const types = fc.subarray([...EVENT_TYPES], { minLength: 1 });
    await fc.assert(
      fc.asyncProperty(day, day, types, async (a, b, t) => {
        await expectCountsMatch({ from: a < b ? a : b, to: a < b ? b : a, types: t });
      }),
      { numRuns: 40, seed: 20250411 },
    );
  });

  it('keeps zero-count events as groups, as counting the events does', async () => {
    await store.write([{ kind: 'events', events: [{ ...randomEvent(createRng(3).next, 'zero'), date: '2030-01-05', type: 'prevention', areaCode: 'KZ', count: 0, location: null, h3: null }] }]);
    expect(await store.countEvents({ from: '2030-01-01', to: '2030-01-31', types: ['prevention'] }, 'area')).toEqual([{ key: 'KZ', type: 'prevention', count: 0 }]);
    expect(await store.countEventsByMonth({ from: '2030-01-05', to: '2030-02-28', types: EVENT_TYPES }, {})).toEqual([{ month: '2030-01', type: 'prevention', count: 0 }]);
  });
}
