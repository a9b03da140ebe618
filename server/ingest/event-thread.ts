// An event CSV read in a worker thread (event-thread-worker.ts) while this thread writes: parsing, validating,
// placing, H3 cells and tally sums there, the store's writes here, on the two cores at once. It offers the same
// surface as EventCsvStream read in this thread (ok, rows, writes(), report()), so the import treats both alike.
import { Worker } from 'node:worker_threads';
import type { Area, FocusArea } from '../domain/types.js';
import type { StoreWrite } from '../store/store.js';
import { importThreadBundle } from './event-thread-bundle.js';
import { placerGrids, type PlacerGrids } from './event-placer.js';
import { EventUnpacker, unpackTallies, type PackedEvents, type PackedTallies } from './event-packing.js';
import type { ImportItem } from './import-files.js';
import type { ParseOptions } from './parse-types.js';
import type { ImportReport } from './report.js';

/** What the worker needs: plain data only (it builds its own placer from the geometries). */
export interface ThreadInit {
  item: ImportItem;
  base: Omit<ParseOptions, 'kecamatanNames'> & { kelurahan: Array<Pick<Area, 'code' | 'name' | 'parentCode' | 'geometry'>> };
  kecamatanNames: Array<[string, string]>;
  focusAreas: Array<Pick<FocusArea, 'id' | 'geometry'>>;
  /** Find cells and sum tallies (a dry run only validates). */
  write: boolean;
  dryRun: boolean;
  /** Batches the worker may read ahead of the writes. */
  ahead: number;
}

export type ThreadMessage =
  | { t: 'batch'; rows: number; ok: boolean; events: PackedEvents | null }
  | { t: 'tallies'; tallies: PackedTallies }
  | { t: 'end'; report: ImportReport }
  | { t: 'error'; message: string; stack?: string };

/** Batches read ahead: enough to keep both threads busy, few enough to bound memory (STREAM_BATCH_ROWS each). */
const AHEAD = 6;

export class EventCsvThread {
  ok = true;
  rows = 0;
  private final: ImportReport | null = null;
  private readonly inbox: ThreadMessage[] = [];
  private wake: (() => void) | null = null;
  private failure: Error | null = null;
  private readonly worker: Worker;
  private readonly unpacker = new EventUnpacker();

  constructor(
    init: Omit<ThreadInit, 'ahead'>,
    private readonly onRows?: (rows: number) => void,
  ) {
    const { item } = init;
    // Moved, not copied, when the bytes are the import's own and fill their buffer (a slice of a shared pool never is).
    const move = 'bytes' in item && item.handOver === true && item.bytes.byteOffset === 0 && item.bytes.byteLength === item.bytes.buffer.byteLength;
    this.worker = new Worker(importThreadBundle() ?? new URL('./event-thread-boot.mjs', import.meta.url), {
      workerData: { ...init, ahead: AHEAD } satisfies ThreadInit,
      transferList: move && item.bytes.buffer instanceof ArrayBuffer ? [item.bytes.buffer] : [],
    });
    // The point-in-polygon grids are built here while the thread starts (a tenth of a second or more on each side),
    // then moved to it; the thread builds its own if this fails.
    let grids: PlacerGrids | null = null;
    try {
      grids = placerGrids(init.base.kelurahan, init.focusAreas);
    } catch {
      grids = null;
    }
    const buffers = grids ? [grids.areas, grids.focus].flatMap((g) => (g ? [g.near.buffer, g.owner.buffer, g.start.buffer, g.candidates.buffer] : [])) : [];
    try {
      this.worker.postMessage({ t: 'grids', grids }, buffers as ArrayBuffer[]);
    } catch {
      // The thread waits for this message: without the grids it builds its own.
      this.worker.postMessage({ t: 'grids', grids: null });
    }
    this.worker.on('message', (m: ThreadMessage) => this.deliver(m));
    this.worker.on('error', (e) => this.fail(e));
    this.worker.on('exit', (code) => {
      if (this.final === null) this.fail(new Error(`the import thread stopped (exit code ${code}) before the end of the file`));
    });
  }

  private deliver(m: ThreadMessage): void {
    this.inbox.push(m);
    this.wake?.();
    this.wake = null;
  }

  private fail(e: Error): void {
    this.failure ??= e;
    this.wake?.();
    this.wake = null;
  }

  private async next(): Promise<ThreadMessage> {
    for (;;) {
      const m = this.inbox.shift();
      if (m !== undefined) return m;
      if (this.failure) throw this.failure;
      await new Promise<void>((r) => (this.wake = r));
    }
  }

  /** The store writes of each batch in file order (empty once the file has a problem), then the summed tallies. */
  async *writes(): AsyncGenerator<StoreWrite[]> {
    try {
      for (;;) {
        const m = await this.next();
        if (m.t === 'error') throw Object.assign(new Error(`import thread: ${m.message}`), { stack: m.stack });
        if (m.t === 'end') {
          this.final = m.report;
          return;
        }
        if (m.t === 'tallies') {
          yield [{ kind: 'tallies', tallies: unpackTallies(m.tallies) }];
          continue;
        }
        this.worker.postMessage({ t: 'pull' });
        this.rows = m.rows;
        this.ok = m.ok;
        this.onRows?.(m.rows);
        yield m.events ? [{ kind: 'eventColumns', columns: this.unpacker.unpack(m.events), preTallied: true }] : [];
      }
    } finally {
      await this.worker.terminate();
    }
  }

  report(): ImportReport {
    if (this.final === null) throw new Error('the import thread has not finished the file');
    return this.final;
  }
}
