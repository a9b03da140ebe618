// Reads a CSV file piece by piece with papaparse's own parser, as its streaming mode does (a record split across two
// pieces waits for the next one), so a file of any size is read in bounded memory: BOM, comma or semicolon, quotes.
import { StringDecoder } from 'node:string_decoder';
import Papa from 'papaparse';
import { msg } from './messages.js';
import { EMPTY_FILE, NO_HEADER, unclosedQuote, UnreadableFileError } from './read-table.js';

export interface CsvBatch {
  /** Data records (empty lines left out), each as its fields. */
  rows: string[][];
  /** Number of the first record in `rows` counted as the in-memory reader counts: header = 1, then data rows. */
  firstRow: number;
}

export interface CsvStream {
  /** Header names, trimmed; repeated names get `_1`, `_2`… as papaparse's header mode names them. */
  header: string[];
  delimiter: ',' | ';';
  batches: AsyncGenerator<CsvBatch>;
}

/** A record still open after this many characters is an unclosed quote, not a long field. */
const MAX_RECORD_CHARS = 16 * 1024 * 1024;

/** Whether every field is blank (checked field by field: joining them first made a string per record). */
function isEmptyRecord(r: readonly string[]): boolean {
  for (let i = 0; i < r.length; i++) if (r[i].trim() !== '') return false;
  return true;
}

/** Same renaming as papaparse's header mode, so the streamed and in-memory readers see the same column names. */
function uniqueHeader(raw: readonly string[]): string[] {
  const used = new Set(raw);
  const count = new Map<string, number>();
  return raw.map((h) => {
    const n = count.get(h);
    if (n === undefined) {
      count.set(h, 1);
      used.add(h);
      return h;
    }
    let suffix = n;
    let name = `${h}_${suffix}`;
    while (used.has(name)) name = `${h}_${++suffix}`;
    used.add(name);
    count.set(h, n + 1);
    return name;
  });
}

/**
 * Text pieces from byte pieces, never splitting a multi-byte character (a leading BOM is dropped; bytes that are not
 * UTF-8 become U+FFFD). StringDecoder rather than TextDecoder: its text is stored a byte per character when it can be
 * (TextDecoder's streaming decode always gives two), which halves the copies of every field parsed out of it.
 */
async function* decode(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let first = true;
  for await (const c of chunks) {
    let text = decoder.write(c);
    if (first && text !== '') {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    if (text !== '') yield text;
  }
  let tail = decoder.end();
  if (first && tail.charCodeAt(0) === 0xfeff) tail = tail.slice(1);
  if (tail !== '') yield tail;
}

function lineEnding(text: string): '\n' | '\r\n' | '\r' {
  const n = text.indexOf('\n');
  if (n > 0 && text[n - 1] === '\r') return '\r\n';
  const r = text.indexOf('\r');
  return r !== -1 && (n === -1 || r < n) ? '\r' : '\n';
}

/**
 * Opens a CSV stream: reads until the header is complete, then hands out data records in batches of about
 * `batchRows`. Throws UnreadableFileError for an empty file, a file without a header or an unclosed quote.
 */
export async function openCsvStream(chunks: AsyncIterable<Uint8Array>, batchRows = 10_000): Promise<CsvStream> {
  const texts = decode(chunks)[Symbol.asyncIterator]();
  // Enough text to see the whole header line (and so the delimiter and line ending).
  let head = '';
  let ended = false;
  // A '\r' ending the text so far may be the first half of '\r\n': wait for the character after it.
  while (!/\n|\r[^]/.test(head)) {
    const next = await texts.next();
    if (next.done) {
      ended = true;
      break;
    }
    head += next.value;
    if (head.length > MAX_RECORD_CHARS) break;
  }
  if (head.trim() === '') throw new UnreadableFileError(EMPTY_FILE);
  const newline = lineEnding(head);
  const firstLine = head.slice(0, head.search(/[\r\n]|$/));
  const delimiter = (firstLine.match(/;/g) ?? []).length > (firstLine.match(/,/g) ?? []).length ? ';' : ',';
  const parser = new Papa.Parser({ delimiter, newline });

  let records = 0;
  let partial = '';
  /** Parses `text` after the unfinished record; returns the complete records (all of them when `last`). */
  const parse = (text: string, last: boolean): string[][] => {
    let input = partial + text;
    // Only text up to the last line break goes to the parser: a record ends at one, and a piece ending between the
    // '\r' and '\n' of a line break would read as a malformed quote.
    let tail = '';
    if (!last) {
      const cut = input.lastIndexOf(newline);
      tail = input.slice(cut === -1 ? 0 : cut + newline.length);
      input = cut === -1 ? '' : input.slice(0, cut + newline.length);
    }
    const result = parser.parse(input, 0, !last) as { data: string[][]; errors: Array<{ type: string; message: string; row?: number }>; meta: { cursor: number } };
    const fatal = result.errors.find((e) => e.type === 'Quotes');
    if (fatal) throw new UnreadableFileError(unclosedQuote(records + (fatal.row ?? 0) + 1, fatal.message));
    partial = last ? '' : input.slice(result.meta.cursor) + tail;
    if (partial.length > MAX_RECORD_CHARS) {
      const line = records + result.data.length + 1;
      throw new UnreadableFileError(
        msg(`CSV line ${line}: a record runs on for over 16 MB. Check for an unclosed quote.`, `Baris CSV ${line}: satu rekaman lebih dari 16 MB. Periksa tanda kutip yang tidak ditutup.`),
      );
    }
    records += result.data.length;
    return result.data;
  };

  // The header is the first record that is not empty.
  let pending = parse(head, ended);
  let header: string[] | undefined;
  while (header === undefined) {
    const at = pending.findIndex((r) => !isEmptyRecord(r));
    if (at !== -1) {
      header = pending[at];
      pending = pending.slice(at + 1);
      break;
    }
    if (ended) break;
    const next = await texts.next();
    if (next.done) {
      ended = true;
      pending = parse('', true);
    } else pending = parse(next.value, false);
  }
  const columns = uniqueHeader((header ?? []).map((h) => h.trim()));
  if (columns.every((c) => c === '')) throw new UnreadableFileError(NO_HEADER);

  async function* batches(): AsyncGenerator<CsvBatch> {
    let row = 2;
    let out: string[][] = [];
    const take = (rows: string[][]) => {
      for (const r of rows) if (!isEmptyRecord(r)) out.push(r);
    };
    take(pending);
    pending = [];
    for (;;) {
      // Whole batches as soon as there are enough rows; the rest waits for more text (or the end).
      while (out.length >= batchRows || (ended && out.length > 0)) {
        const rows = out.length > batchRows ? out.slice(0, batchRows) : out;
        out = out.length > batchRows ? out.slice(batchRows) : [];
        yield { rows, firstRow: row };
        row += rows.length;
      }
      if (ended) return;
      const next = await texts.next();
      if (next.done) {
        ended = true;
        take(parse('', true));
      } else take(parse(next.value, false));
    }
  }
  return { header: columns, delimiter, batches: batches() };
}
