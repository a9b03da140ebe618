// Events packed for the trip between threads come back as they left, through the structured clone postMessage uses:
// nulls, missing locations, ids holding the separator or empty-looking values, and an empty batch.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, type CaseEvent } from '../../../server/domain/types.js';
import { packEvents, unpackEvents } from '../../../server/ingest/event-packing.js';
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
const pack = (events: Placed[]) => packEvents(toEventColumns(events));
const roundTrip = (events: Placed[]) => fromEventColumns(unpackEvents(structuredClone(pack(events))));

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

  it('sends a column whose values hold the separator, or an empty string, as plain values', () => {
    const base = { type: 'user_case' as const, date: '2025-01-01', location: null, areaCode: null, focusAreaId: null, h3: null, count: 1, source: 's', synthetic: false };
    const cells = { h3_7: null, h3_8: null, h3_9: null };
    const events = [
      { ...base, id: 'a\u001fb', cells },
      { ...base, id: 'c', areaCode: '', cells },
    ];
    const packed = pack(events);
    expect(Array.isArray(packed.id)).toBe(true);
    expect(Array.isArray(packed.areaCode)).toBe(true);
    expect(typeof packed.date).toBe('string');
    expect(fromEventColumns(unpackEvents(structuredClone(packed)))).toEqual(events);
    expect(fromEventColumns(unpackEvents(pack([])))).toEqual([]);
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
