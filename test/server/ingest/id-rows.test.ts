// IdRows, the compact record of where each id of an import was first seen, answers exactly as a Map of the ids would:
// random ids with repeats (short, long, non-ASCII, prefixes of one another) through many table growths, whatever
// number of ids it was told to expect.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdRows } from '../../../server/ingest/id-rows.js';

describe('IdRows', () => {
  it('finds the first row of each repeated id and nothing else (hand-made case)', () => {
    const ids = new IdRows();
    expect(ids.firstRow('A1', 2)).toBeUndefined();
    expect(ids.firstRow('A10', 3)).toBeUndefined();
    expect(ids.firstRow('a1', 4)).toBeUndefined();
    expect(ids.firstRow('A1', 5)).toBe(2);
    // The first row stays the answer: a third copy points at row 2 too.
    expect(ids.firstRow('A1', 6)).toBe(2);
    expect(ids.firstRow('kasus-é', 7)).toBeUndefined();
    expect(ids.firstRow('kasus-e', 8)).toBeUndefined();
    expect(ids.firstRow('kasus-é', 9)).toBe(7);
    expect(ids.size).toBe(5);
  });

  it('agrees with a Map on random ids with repeats, through the table and buffers growing', () => {
    const id = fc.oneof(fc.string({ maxLength: 3 }), fc.string({ minLength: 1, maxLength: 40, unit: 'binary' }), fc.nat(5_000).map((n) => `E-${n}`));
    fc.assert(
      // With no hint, or a hint far too small or too large for the ids that come.
      fc.property(fc.array(id, { minLength: 1, maxLength: 6_000 }), fc.constantFrom(0, 10, 100_000), (list, hint) => {
        const ids = new IdRows(hint);
        const map = new Map<string, number>();
        list.forEach((s, row) => {
          const expected = map.get(s);
          if (expected === undefined) map.set(s, row);
          expect(ids.firstRow(s, row)).toBe(expected);
        });
        expect(ids.size).toBe(map.size);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps a million distinct ids exact', () => {
    const ids = new IdRows();
    for (let i = 0; i < 1_000_000; i++) if (ids.firstRow(`csv-bench-${i}`, i + 2) !== undefined) throw new Error(`false repeat at ${i}`);
    expect([ids.firstRow('csv-bench-0', 0), ids.firstRow('csv-bench-999999', 0), ids.firstRow('csv-bench-1000000', 0)]).toEqual([2, 1_000_001, undefined]);
  });
});
