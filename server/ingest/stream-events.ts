// Reads an event CSV in pieces: each batch of rows is validated by the same rules and messages as the in-memory parser,
// placed (kelurahan, focus area, H3 cell) and handed on, while problems are counted as they are found.
import { eventColumns, setEvent, type EventColumns } from '../store/event-columns.js';
import { eventCells } from '../store/event-cells.js';
import type { StoreWrite } from '../store/store.js';
import { openCsvStream, type CsvStream } from './csv-stream.js';
import type { EventPlacer } from './event-placer.js';
import { createEventRowFiller, matchEventColumns, type ReadEvent } from './parse-events.js';
import type { ParseOptions } from './parse-types.js';
import type { Msg } from './messages.js';
import { parseWkt, UnreadableFileError, WKT_COLUMNS, wktNote, type TableRow } from './read-table.js';
import { buildReport, IssueList, NO_ROWS, type ImportReport } from './report.js';

/**
 * Rows per batch: the unit of validation, of writing and of progress. 5,000 keeps each text column a batch carries
 * between threads (event-packing.ts) below V8's large-object size: at 10,000 rows the 1M-row import took 7–10% longer
 * in alternating runs (a third more page faults, which cost about 10 µs each on the virtual machine measured).
 */
export const STREAM_BATCH_ROWS = 5_000;

export interface EventStreamOptions extends ParseOptions {
  place: EventPlacer;
  /** Called after each batch with the rows read so far. */
  onRows?: (rows: number) => void;
}

export class EventCsvStream {
  readonly issues = new IssueList();
  used: Record<string, string> = {};
  ignored: string[] = [];
  notes: Msg[] = [];
  /** Data rows read so far. */
  rows = 0;
  /** Why the file could not be read as CSV, if it could not. */
  unreadable: Msg | null = null;

  private constructor(
    private readonly csv: CsvStream | null,
    private readonly opts: EventStreamOptions,
  ) {}

  /** Reads the header and matches the columns; a file that is not readable CSV gives a stream with no rows. */
  static async open(chunks: AsyncIterable<Uint8Array>, opts: EventStreamOptions): Promise<EventCsvStream> {
    let csv: CsvStream;
    try {
      csv = await openCsvStream(chunks, STREAM_BATCH_ROWS);
    } catch (e) {
      if (!(e instanceof UnreadableFileError)) throw e;
      const s = new EventCsvStream(null, opts);
      s.unreadable = e.msg;
      return s;
    }
    const s = new EventCsvStream(csv, opts);
    const named = csv.header.filter((c) => c !== '');
    const wkt = named.find((c) => WKT_COLUMNS.test(c));
    const columns = named.filter((c) => c !== wkt);
    const cols = matchEventColumns(columns, wkt !== undefined, opts.mapping, s.issues);
    s.used = cols.used;
    s.ignored = cols.ignored;
    if (wkt !== undefined) s.notes.push(wktNote(wkt));
    return s;
  }

  /** Whether every row read so far is valid (and the file readable). */
  get ok(): boolean {
    return this.unreadable === null && this.issues.errorCount === 0;
  }

  /**
   * The valid events of each batch of rows as columns, in file order. After the first problem it yields only empty
   * batches but reads on to the end, so the report counts every problem of the file.
   */
  async *columns(): AsyncGenerator<EventColumns> {
    const csv = this.csv;
    if (csv === null) return;
    const fileLevel = this.issues.errorCount > 0;
    const fill = fileLevel ? null : createEventRowFiller(this.used, this.opts);
    const fields = Object.values(this.used).filter((c, i, all) => all.indexOf(c) === i);
    const at = fields.map((c) => csv.header.indexOf(c));
    const wkt = csv.header.findIndex((c) => c !== '' && WKT_COLUMNS.test(c));
    // One row object and one event refilled for each record, straight into the batch's columns: a million rows make
    // no object per row here.
    const props: Record<string, unknown> = {};
    const row: TableRow = { row: 0, props, geometry: null, geometryError: undefined };
    const event = {} as ReadEvent;
    try {
      for await (const batch of csv.batches) {
        let columns = eventColumns(0);
        if (fill !== null) {
          columns = eventColumns(batch.rows.length);
          let n = 0;
          for (let i = 0; i < batch.rows.length; i++) {
            const record = batch.rows[i];
            for (let f = 0; f < fields.length; f++) props[fields[f]] = record[at[f]];
            row.row = batch.firstRow + i;
            if (wkt !== -1) {
              const { geometry, error } = parseWkt(record[wkt] ?? '');
              row.geometry = geometry;
              row.geometryError = error;
            }
            if (fill(row, this.issues, event)) setEvent(columns, n++, event, eventCells(event));
          }
          // Fewer events than rows only when a row had a problem, and then the batch is not handed on (below).
          if (n < columns.n) columns = eventColumns(0);
        }
        this.rows += batch.rows.length;
        this.opts.onRows?.(this.rows);
        // A turn of the event loop per batch: an uploaded file is already in memory, so without it nothing else
        // (other requests, progress polls, timers) would run until the whole import is done.
        await new Promise((resolve) => setImmediate(resolve));
        yield this.ok ? columns : eventColumns(0);
      }
    } catch (e) {
      if (!(e instanceof UnreadableFileError)) throw e;
      this.unreadable = e.msg;
      return;
    } finally {
      await csv.batches.return(undefined);
    }
    if (this.rows === 0) this.issues.error(0, 'empty_file', NO_ROWS);
  }

  /** The events of each batch as the store write that takes them (none for an empty batch). */
  async *writes(): AsyncGenerator<StoreWrite[]> {
    for await (const columns of this.columns()) yield columns.n > 0 ? [{ kind: 'eventColumns', columns }] : [];
  }

  report(kind: string, file: string, dryRun: boolean, written: boolean): ImportReport {
    if (this.unreadable !== null) {
      const issues = new IssueList();
      issues.error(0, 'unreadable_file', this.unreadable);
      return buildReport({ kind, file, format: 'unknown', rows: 0, issues, used: {}, ignored: [], dryRun, written: false });
    }
    return buildReport({ kind, file, format: 'csv', rows: this.rows, issues: this.issues, used: this.used, ignored: this.ignored, dryRun, written, notes: this.notes });
  }
}
