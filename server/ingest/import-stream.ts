// Streams event CSVs into one store transaction: the writes of the files read whole first, then each CSV batch as
// it is validated, then the closing writes. The first problem rolls the transaction back; reading goes on (writing
// nothing) so the report still counts every problem of every file.
import type { CaseEvent } from '../domain/types.js';
import type { Store, StoreWrite } from '../store/store.js';
import type { EventPlacer } from './event-placer.js';
import { itemChunks, type ImportItem } from './import-files.js';
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
  /** Writes to apply first in the same transaction (files read whole), and last (import metadata). */
  before: readonly StoreWrite[];
  after: readonly StoreWrite[];
  place: EventPlacer;
  /** The kelurahan the store holds once the import is applied. */
  kelurahan: ParseOptions['kelurahan'];
  dryRun: boolean;
  onProgress?: (p: StreamProgress) => void;
}

/** Thrown into the store's write stream so it rolls back: a file has a problem. */
class ImportRefused extends Error {}

export async function streamEventFiles(
  store: Store,
  files: readonly StreamedFile[],
  opts: StreamOptions,
): Promise<{ written: boolean; records: number; reports: ImportReport[] }> {
  const opened: Array<{ stream: EventCsvStream; batches: AsyncGenerator<CaseEvent[]> }> = [];
  let writing = false;
  let records = 0;
  const open = async (i: number) => {
    if (opened[i] === undefined) {
      const f = files[i];
      // While writing, progress is told once the store has taken each batch (in writes() below).
      const onRows = (rows: number) => {
        if (!writing) opts.onProgress?.({ phase: 'validating', file: f.item.fileName, fileIndex: f.fileIndex, rows, records });
      };
      const stream = await EventCsvStream.open(itemChunks(f.item), { ...f.base, kelurahan: opts.kelurahan, place: opts.place, onRows });
      opened[i] = { stream, batches: stream.events() };
      opts.onProgress?.({ phase: writing ? 'writing' : 'validating', file: f.item.fileName, fileIndex: f.fileIndex, rows: 0, records });
    }
    return opened[i];
  };

  async function* writes(): AsyncGenerator<readonly StoreWrite[]> {
    if (opts.before.length > 0) yield opts.before;
    for (let i = 0; i < files.length; i++) {
      writing = true;
      const { stream, batches } = await open(i);
      for (;;) {
        if (!stream.ok) throw new ImportRefused();
        const next = await batches.next();
        if (!stream.ok) throw new ImportRefused();
        if (next.done) break;
        const events = next.value;
        if (events.length > 0) yield [{ kind: 'events', events }];
        records += events.length;
        opts.onProgress?.({ phase: 'writing', file: files[i].item.fileName, fileIndex: files[i].fileIndex, rows: stream.rows, records });
      }
    }
    writing = false;
    if (opts.after.length > 0) yield opts.after;
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
    reports: files.map((f, i) => opened[i].stream.report(f.item.kind, f.item.fileName, opts.dryRun, false)),
  };
}
