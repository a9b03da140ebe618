// Streams event CSVs into one store transaction: the writes of the files read whole first, then each CSV batch as
// it is validated, then the closing writes. The first problem rolls the transaction back; reading goes on (writing
// nothing) so the report still counts every problem of every file.
import type { FocusArea } from '../domain/types.js';
import { eventsIn, type Store, type StoreWrite } from '../store/store.js';
import { createEventPlacer, type EventPlacer } from './event-placer.js';
import { EventCsvThread } from './event-thread.js';
import { itemChunks, itemSize, type ImportItem } from './import-files.js';
import type { ParseOptions } from './parse-types.js';
import type { ImportReport } from './report.js';
import { EventCsvStream } from './stream-events.js';

export interface StreamedFile {
  item: ImportItem;
  fileIndex: number;
  /** Where the file's report goes among the import's reports. */
  reportIndex: number;
  base: ParseOptions;
}

export interface StreamProgress {
  phase: 'validating' | 'writing';
  file: string;
  fileIndex: number;
  /** Rows of this file read so far. */
  rows: number;
  /** Events the store has taken so far (all streamed files). */
  records: number;
}

export interface StreamOptions {
  /** Write (in one transaction) or only validate. */
  write: boolean;
  /** Writes to apply first in the same transaction (files read whole), and last (import record: given the events
   * written and each streamed file's rows). */
  before: readonly StoreWrite[];
  after: (records: number, rows: number[]) => StoreWrite[];
  /** The import the events are written under. */
  importId?: string;
  /** The kelurahan the store holds once the import is applied, and the focus areas: events are placed with them. */
  kelurahan: ParseOptions['kelurahan'];
  focusAreas: ReadonlyArray<Pick<FocusArea, 'id' | 'geometry'>>;
  dryRun: boolean;
  /** Files at least this big are read in a worker thread while this one writes (THREAD_MIN_BYTES). */
  threadFromBytes?: number;
  onProgress?: (p: StreamProgress) => void;
}

/**
 * Files from this size (about 90,000 rows of a typical event CSV) are read in a worker thread: starting one costs
 * about half a second, which smaller files would not win back.
 */
export const THREAD_MIN_BYTES = 4_000_000;

/** One streamed file, read in this thread (EventCsvStream) or in a worker (EventCsvThread). */
interface OpenedFile {
  readonly ok: boolean;
  readonly rows: number;
  batches: AsyncGenerator<StoreWrite[]>;
  report(): ImportReport;
}

/** Thrown into the store's write stream so it rolls back: a file has a problem. */
class ImportRefused extends Error {}

export async function streamEventFiles(
  store: Store,
  files: readonly StreamedFile[],
  opts: StreamOptions,
): Promise<{ written: boolean; records: number; reports: ImportReport[] }> {
  const opened: OpenedFile[] = [];
  // Built for the first file read in this thread only: a worker thread builds its own.
  let place: EventPlacer | undefined;
  let writing = false;
  let records = 0;
  const open = async (i: number) => {
    if (opened[i] === undefined) {
      const f = files[i];
      // While writing, progress is told once the store has taken each batch (in writes() below).
      const onRows = (rows: number) => {
        if (!writing) opts.onProgress?.({ phase: 'validating', file: f.item.fileName, fileIndex: f.fileIndex, rows, records });
      };
      if (itemSize(f.item) >= (opts.threadFromBytes ?? THREAD_MIN_BYTES)) {
        const { kecamatanNames, ...base } = f.base;
        const thread = new EventCsvThread(
          {
            item: f.item,
            base: { ...base, kelurahan: opts.kelurahan.map(({ code, name, parentCode, geometry }) => ({ code, name, parentCode, geometry })) },
            kecamatanNames: [...kecamatanNames],
            focusAreas: opts.focusAreas.map(({ id, geometry }) => ({ id, geometry })),
            write: opts.write,
            dryRun: opts.dryRun,
          },
          onRows,
        );
        opened[i] = { get ok() { return thread.ok; }, get rows() { return thread.rows; }, batches: thread.writes(), report: () => thread.report() };
      } else {
        const stream = await EventCsvStream.open(itemChunks(f.item), { ...f.base, kelurahan: opts.kelurahan, place: (place ??= createEventPlacer(opts.kelurahan, opts.focusAreas)), onRows });
        const report = () => stream.report(f.item.kind, f.item.fileName, opts.dryRun, false);
        opened[i] = { get ok() { return stream.ok; }, get rows() { return stream.rows; }, batches: stream.writes(), report };
      }
      opts.onProgress?.({ phase: writing ? 'writing' : 'validating', file: f.item.fileName, fileIndex: f.fileIndex, rows: 0, records });
    }
    return opened[i];
  };

  async function* writes(): AsyncGenerator<readonly StoreWrite[]> {
    if (opts.before.length > 0) yield opts.before;
    for (let i = 0; i < files.length; i++) {
      writing = true;
      const file = await open(i);
      let told = 0;
      for (;;) {
        if (!file.ok) throw new ImportRefused();
        const next = await file.batches.next();
        if (!file.ok) throw new ImportRefused();
        if (next.done) break;
        if (next.value.length > 0) yield opts.importId === undefined ? next.value : next.value.map((w) => (w.kind === 'events' || w.kind === 'eventColumns' ? { ...w, importId: opts.importId } : w));
        for (const w of next.value) if (w.kind !== 'eventAreas') records += eventsIn(w);
        // Once per batch of rows (a worker's summed tallies come as a write of their own, with no rows).
        if (file.rows !== told) opts.onProgress?.({ phase: 'writing', file: files[i].item.fileName, fileIndex: files[i].fileIndex, rows: file.rows, records });
        told = file.rows;
      }
    }
    writing = false;
    const after = opts.after(records, opened.map((o) => o.rows));
    if (after.length > 0) yield after;
  }

  let written = false;
  try {
    if (opts.write) {
      try {
        await store.writeStream(writes());
        written = true;
      } catch (e) {
        if (!(e instanceof ImportRefused)) throw e;
      }
      writing = false;
    }
    // Read to the end what was not: the rest of a refused file, the files after it, every file of a dry run.
    for (let i = 0; i < files.length; i++) {
      const { batches } = await open(i);
      while (!(await batches.next()).done);
    }
  } finally {
    for (const o of opened) await o?.batches.return(undefined);
  }
  return {
    written,
    records: written ? records : 0,
    reports: files.map((_f, i) => opened[i].report()),
  };
}
