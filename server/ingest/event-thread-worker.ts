// The import thread: reads one event CSV with the same EventCsvStream the main thread would use (parse, validate,
// place), finds each valid event's H3 cells and sums its tallies, and posts the batches to the main thread, which only
// writes them. It runs at most AHEAD batches in front of the writes, so memory stays bounded however big the file.
import { parentPort, workerData } from 'node:worker_threads';
import { talliedAt } from '../store/event-columns.js';
import { TallyDeltas, type TalliedEvent } from '../store/event-tallies.js';
import { createEventPlacer, type PlacerGrids } from './event-placer.js';
import { EventPacker, eventBuffers, packTallies, tallyBuffers } from './event-packing.js';
import { itemChunks, itemSize } from './import-files.js';
import { EventCsvStream } from './stream-events.js';
import type { ThreadInit, ThreadMessage } from './event-thread.js';

/**
 * Summed tally entries held before they are posted: small enough that the main thread writes them in steps between
 * batches (measured at 1M rows: 50,000 gave 10% more rows/s and 100 MB less peak memory than 200,000).
 */
const POST_TALLIES_AT = 50_000;
/** Bytes of an event row as exports write them (id, date, type, two coordinates): sizes the duplicate-id table. */
const TYPICAL_ROW_BYTES = 48;

const port = parentPort;
if (!port) throw new Error('event-thread-worker runs as a worker thread');
const init = workerData as ThreadInit;
const post = (m: ThreadMessage, move: ArrayBuffer[] = []) => port.postMessage(m, move);
const postTallies = (t: TallyDeltas) => {
  const tallies = packTallies(t.take());
  post({ t: 'tallies', tallies }, tallyBuffers(tallies));
};

let credits = init.ahead;
let wake: (() => void) | null = null;
let gridsArrived: (g: PlacerGrids | null) => void = () => {};
/** The point-in-polygon grids the main thread builds while this thread starts (null: build them here). */
const grids = new Promise<PlacerGrids | null>((resolve) => (gridsArrived = resolve));
port.on('message', (m: { t: 'pull' } | { t: 'grids'; grids: PlacerGrids | null }) => {
  if (m.t === 'grids') return gridsArrived(m.grids);
  if (m.t !== 'pull') return;
  credits++;
  wake?.();
  wake = null;
});
const credit = async () => {
  while (credits <= 0) await new Promise<void>((r) => (wake = r));
  credits--;
};

async function run(): Promise<void> {
  // The thread reads only large files: the point-in-polygon grids are used at once instead of after 1,000 scans.
  const place = createEventPlacer(init.base.kelurahan, init.focusAreas, { many: true, grids: (await grids) ?? undefined });
  const stream = await EventCsvStream.open(itemChunks(init.item), {
    ...init.base,
    expectedRows: Math.ceil(itemSize(init.item) / TYPICAL_ROW_BYTES),
    kecamatanNames: new Map(init.kecamatanNames),
    place,
  });
  const tallies = new TallyDeltas();
  const packer = new EventPacker();
  // One object the tallies read each event through (they keep none of it).
  const seen = {} as TalliedEvent;
  for await (const columns of stream.columns()) {
    let packed = null;
    if (init.write && columns.n > 0) {
      for (let i = 0; i < columns.n; i++) tallies.add(talliedAt(columns, i, seen), 1);
      packed = packer.pack(columns);
    }
    await credit();
    post({ t: 'batch', rows: stream.rows, ok: stream.ok, events: packed }, packed ? eventBuffers(packed) : []);
    if (tallies.size >= POST_TALLIES_AT) postTallies(tallies);
  }
  if (init.write && tallies.size > 0) postTallies(tallies);
  post({ t: 'end', report: stream.report(init.item.kind, init.item.fileName, init.dryRun, false) });
}

run().catch((e: unknown) => {
  post({ t: 'error', message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined });
});
