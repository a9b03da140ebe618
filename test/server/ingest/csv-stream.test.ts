// The piecewise CSV reader gives the same records as papaparse reading the whole text, however the bytes are split.
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { openCsvStream } from '../../../server/ingest/csv-stream.js';
import { UnreadableFileError } from '../../../server/ingest/read-table.js';

async function* pieces(bytes: Uint8Array, cuts: number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (const c of [...cuts.filter((x) => x > 0 && x < bytes.length)].sort((a, b) => a - b)) {
    yield bytes.subarray(at, c);
    at = c;
  }
  yield bytes.subarray(at);
}

async function readAll(text: string, cuts: number[], batchRows = 3) {
  const s = await openCsvStream(pieces(Buffer.from(text, 'utf8'), cuts), batchRows);
  const rows: string[][] = [];
  const firstRows: number[] = [];
  for await (const b of s.batches) {
    firstRows.push(b.firstRow);
    rows.push(...b.rows);
  }
  return { header: s.header, delimiter: s.delimiter, rows, firstRows };
}

/** What the in-memory reader sees: papaparse on the whole text, empty lines skipped. */
function whole(text: string, delimiter: string) {
  const all = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter, skipEmptyLines: 'greedy' }).data;
  return { header: all[0].map((h) => h.trim()), rows: all.slice(1) };
}

describe('openCsvStream', () => {
  it('reads quoted fields with delimiters, quotes and line breaks split across pieces', async () => {
    const text = '\uFEFFid;tanggal;catatan\r\nA1;2025-01-02;"satu; dua"\r\n\r\nA2;2025-01-03;"baris\r\nkedua ""kutip"""\r\nA3;2025-01-04;é\r\n';
    const want = [
      ['A1', '2025-01-02', 'satu; dua'],
      ['A2', '2025-01-03', 'baris\r\nkedua "kutip"'],
      ['A3', '2025-01-04', 'é'],
    ];
    for (let cut = 1; cut < Buffer.byteLength(text); cut++) {
      const got = await readAll(text, [cut]);
      expect(got.header).toEqual(['id', 'tanggal', 'catatan']);
      expect(got.delimiter).toBe(';');
      expect(got.rows).toEqual(want);
    }
  });

  it('numbers batches as the in-memory reader numbers rows (header = 1) and renames repeated headers', async () => {
    const text = 'id,x,x\n' + Array.from({ length: 8 }, (_, i) => `E${i},${i},${i}`).join('\n');
    const got = await readAll(text, [5, 17], 3);
    expect(got.header).toEqual(['id', 'x', 'x_1']);
    expect(got.firstRows).toEqual([2, 5, 8]);
    expect(got.rows.map((r) => r[0])).toEqual(['E0', 'E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7']);
  });

  it('matches papaparse on the whole text for random CSV and random splits', async () => {
    const cell = fc.oneof(fc.constantFrom('', 'a', ' b ', '1,5', 'x;y', 'q"q', 'l\nm', 'é', '  '), fc.string({ maxLength: 4 }));
    const quote = (s: string, d: string) => (/["\n\r]/.test(s) || s.includes(d) ? `"${s.replace(/"/g, '""')}"` : s);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(',', ';'),
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 12 }),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 6 }),
        async (d, rows, nl, cuts) => {
          const text = [['id', 'b', 'c'], ...rows].map((r) => r.map((c) => quote(c, d)).join(d)).join(nl);
          const got = await readAll(text, cuts);
          const want = whole(text, d);
          expect(got.header).toEqual(want.header);
          expect(got.rows).toEqual(want.rows);
        },
      ),
      { numRuns: 300, seed: 20250411 },
    );
  });

  it('refuses an unclosed quote, an empty file and a file without a header', async () => {
    await expect(readAll('id,b\n1,"open\n2,x\n', [7])).rejects.toThrow(/line 2: .*unclosed quote/);
    await expect(readAll('', [])).rejects.toBeInstanceOf(UnreadableFileError);
    await expect(readAll('\n\n  \n', [])).rejects.toBeInstanceOf(UnreadableFileError);
  });
});
