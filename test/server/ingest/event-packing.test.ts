// Events and tallies packed for the trip between threads come back as they left, through the structured clone
// postMessage uses (their buffers moved, not copied): nulls, missing locations, ids and keys holding the separator or
// empty values, empty batches, and the values one batch shares with earlier ones.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, type CaseEvent } from '../../../server/domain/types.js';
import { EventPacker, EventUnpacker, eventBuffers, packTallies, tallyBuffers, unpackTallies } from '../../../server/ingest/event-packing.js';
import { TALLY_COLUMNS, type Grain, type TakenTallies } from '../../../server/store/event-tallies.js';
import type { EventCells } from '../../../server/store/event-cells.js';
import { fromEventColumns, toEventColumns } from '../../../server/store/event-columns.js';

const cellOrNull = fc.option(fc.stringMatching(/^8[0-9a-f]{14}$/), { nil: null });
const event = fc.record({
  id: fc.string({ minLength: 1, maxLength: 20, unit: 'binary' }),
  type: fc.constantFrom(...EVENT_TYPES),
  date: fc.constantFrom('2024-01-31', '2025-02-28', '2026-11-23'),
  location: fc.option(fc.tuple(fc.double({ min: 106, max: 107, noNaN: true }), fc.double({ min: -7, max: -6, noNaN: true })), { nil: null }),
  areaCode: fc.option(fc.stringMatching(/^31\d{8}$/), { nil: null }),
  focusAreaId: fc.option(fc.constantFrom('kampung-bahari', 'kampung-boncos'), { nil: null }),
  h3: cellOrNull,
  count: fc.nat(1_000),
  cells: fc.record({ h3_7: cellOrNull, h3_8: cellOrNull, h3_9: cellOrNull }),
});

type Placed = CaseEvent & { cells: EventCells };
const pack = (events: Placed[]) => new EventPacker().pack(toEventColumns(events));
const unpack = (packed: ReturnType<typeof pack>) => fromEventColumns(new EventUnpacker().unpack(packed));
const roundTrip = (events: Placed[]) => unpack(structuredClone(pack(events)));

describe('event packing', () => {
  it('gives back every field of random batches, cells included', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 200 }), fc.boolean(), (raw, synthetic) => {
        const events = raw.map((e) => ({ ...e, source: 'import a1b2: kasus.csv', synthetic }));
        expect(roundTrip(events)).toEqual(events);
      }),
      { numRuns: 200 },
    );
  });

  it("gives back a file's batches in order, each sending only the values no earlier batch sent", () => {
    fc.assert(
      fc.property(fc.array(fc.array(event, { maxLength: 40 }), { maxLength: 6 }), (batches) => {
        const packer = new EventPacker();
        const unpacker = new EventUnpacker();
        const sent = new Set<string>();
        for (const raw of batches) {
          const events = raw.map((e) => ({ ...e, source: 's', synthetic: false }));
          const packed = packer.pack(toEventColumns(events));
          for (const v of packed.added) {
            expect(sent.has(v)).toBe(false);
            sent.add(v);
          }
          expect(fromEventColumns(unpacker.unpack(structuredClone(packed, { transfer: eventBuffers(packed) })))).toEqual(events);
        }
        // Exactly the distinct non-null values of the coded columns crossed, once each.
        const all = batches.flat().flatMap((e) => [e.date, e.areaCode, e.focusAreaId, e.h3, e.cells.h3_7, e.cells.h3_8, e.cells.h3_9]);
        expect([...sent].sort()).toEqual([...new Set(all.filter((v) => v !== null))].sort());
      }),
      { numRuns: 200 },
    );
  });

  it('sends ids holding the separator, or empty, as plain values, and keeps an empty code apart from a missing one', () => {
    const base = { type: 'user_case' as const, date: '2025-01-01', location: null, areaCode: null, focusAreaId: null, h3: null, count: 1, source: 's', synthetic: false };
    const cells = { h3_7: null, h3_8: null, h3_9: null };
    const events = [
      { ...base, id: 'a\u001fb', cells },
      { ...base, id: 'c', areaCode: '', cells },
      { ...base, id: '', areaCode: null, cells },
    ];
    const packed = pack(events);
    expect(Array.isArray(packed.id)).toBe(true);
    expect(typeof pack(events.slice(1, 2)).id).toBe('string');
    expect(unpack(structuredClone(packed))).toEqual(events);
    expect(unpack(pack([]))).toEqual([]);
  });

  it('carries a batch mixing sources and demo flags event by event', () => {
    const e = { type: 'prevention' as const, date: '2025-01-01', location: null, areaCode: null, focusAreaId: null, h3: null, count: 1 };
    const cells = { h3_7: null, h3_8: null, h3_9: null };
    const events = [
      { ...e, id: 'x', source: 'a', synthetic: false, cells },
      { ...e, id: 'y', source: 'b', synthetic: true, cells },
    ];
    expect(roundTrip(events)).toEqual(events);
  });
});

describe('tally packing', () => {
  const W = TALLY_COLUMNS.length;
  // Deltas point anywhere into a larger values array (as TallyDeltas hands them over, cancelled rows left out).
  const taken = fc
    .array(
      fc.record({
        dim: fc.integer({ min: 0, max: 6 }),
        grain: fc.constantFrom<Grain>(0, 1, 2),
        bucket: fc.integer({ min: 19_000, max: 21_000 }),
        key: fc.oneof(fc.constant(''), fc.stringMatching(/^8[0-9a-f]{14}$/), fc.string({ maxLength: 12, unit: 'binary' })),
        row: fc.array(fc.integer({ min: -5, max: 50 }), { minLength: W, maxLength: W }),
      }),
      { maxLength: 150 },
    )
    .map((rows): TakenTallies => {
      const values = new Float64Array((rows.length * 2 + 1) * W);
      // Columns a little longer than n, as TallyDeltas.take leaves them when rows cancelled out.
      const size = rows.length + 2;
      const t: TakenTallies = { n: rows.length, dim: new Uint8Array(size), grain: new Uint8Array(size), bucket: new Float64Array(size), key: [], offset: new Uint32Array(size), values };
      rows.forEach(({ row, ...d }, i) => {
        const offset = (2 * i + 1) * W;
        values.set(row, offset);
        t.dim[i] = d.dim;
        t.grain[i] = d.grain;
        t.bucket[i] = d.bucket;
        t.key.push(d.key);
        t.offset[i] = offset;
      });
      return t;
    });

  it('gives back every row: its dimension, grain, bucket, key and ten values', () => {
    fc.assert(
      fc.property(taken, (t) => {
        // The values' own buffer moves with the batch: what the rows held is read before.
        const rowsOf = (x: TakenTallies) =>
          Array.from({ length: x.n }, (_, i) => [x.dim[i], x.grain[i], x.bucket[i], x.key[i], ...x.values.subarray(x.offset[i], x.offset[i] + W)]);
        const want = rowsOf(t);
        const packed = packTallies(t);
        const back = unpackTallies(structuredClone(packed, { transfer: tallyBuffers(packed) }));
        expect(back.n).toBe(want.length);
        expect(rowsOf(back)).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });

  it('moves the buffers of both kinds of batch instead of copying them', () => {
    const t: TakenTallies = { n: 1, dim: new Uint8Array(1), grain: new Uint8Array(1), bucket: new Float64Array([20_000]), key: [''], offset: new Uint32Array(1), values: new Float64Array(W).fill(1) };
    const packed = packTallies(t);
    structuredClone(packed, { transfer: tallyBuffers(packed) });
    expect(packed.values.length).toBe(0);
    expect(t.values.length).toBe(0);
    const e = { id: 'a', type: 'prevention' as const, date: '2025-01-01', location: null, areaCode: null, focusAreaId: null, h3: null, count: 1, source: 's', synthetic: false, cells: { h3_7: null, h3_8: null, h3_9: null } };
    const events = pack([e]);
    const moved = structuredClone(events, { transfer: eventBuffers(events) });
    expect(events.lng.length).toBe(0);
    expect(events.codes.length).toBe(0);
    expect(unpack(moved)).toEqual([e]);
  });
});
