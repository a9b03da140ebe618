// Synthetic case events for the scale benchmark: near the built-in default events (so they follow its hot spots),
// spread evenly over its date range in date order (as case-register exports arrive), from a seeded generator.
import { closeSync, openSync, writeSync } from 'node:fs';
import { EVENT_TYPES, type CaseEvent, type LngLat } from '../server/domain/types.js';
import { createEventPlacer } from '../server/ingest/event-placer.js';
import type { Store } from '../server/store/store.js';
import { createRng } from '../data/prng.js';


export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface RawEvent {
  id: string;
  type: CaseEvent['type'];
  date: string;
  location: LngLat;
}

/** Draws `n` events from the store's default data: call `next()` once per event; dates never go backwards. */
export async function eventSource(store: Store, n: number, seed = 9) {
  const range = await store.eventDateRange();
  if (!range) throw new Error('load the built-in default data first: it has no events');
  const seeds = (await store.listEventLocations()).map((e) => e.location);
  const rnd = createRng(seed).next;
  const start = Date.parse(`${range.min}T00:00:00Z`);
  const days = Math.round((Date.parse(`${range.max}T00:00:00Z`) - start) / 86_400_000) + 1;
  let i = 0;
  return {
    range,
    next(): RawEvent {
      // About 500 m of jitter around a default event.
      const s = seeds[Math.floor(rnd() * seeds.length)];
      const location: LngLat = [s[0] + (rnd() - 0.5) * 0.009, s[1] + (rnd() - 0.5) * 0.009];
      const type = EVENT_TYPES[Math.floor(rnd() * EVENT_TYPES.length)];
      const day = Math.min(days - 1, Math.floor(((i + rnd()) * days) / n));
      return { id: `bench-${i++}`, type, date: isoDay(start + day * 86_400_000), location };
    },
  };
}

/** Writes `n` events through store.write in batches (each its own transaction); returns rows/s of the whole load. */
export async function bulkLoad(store: Store, n: number, batch: number, log: (m: string) => void): Promise<{ rowsPerSec: number; ms: number }> {
  const source = await eventSource(store, n);
  const place = createEventPlacer(await store.listAreas('kelurahan'), await store.listFocusAreas());
  const t0 = performance.now();
  for (let done = 0; done < n; done += batch) {
    const events: CaseEvent[] = [];
    for (let i = done; i < Math.min(n, done + batch); i++) {
      const e = source.next();
      events.push({ ...e, count: 1, source: 'bench', synthetic: true, ...place(e.location) });
    }
    await store.write([{ kind: 'events', events }]);
    const secs = (performance.now() - t0) / 1000;
    if ((done / batch) % 10 === 9 || done + batch >= n) log(`  ${(done + events.length).toLocaleString('en')} events in ${secs.toFixed(0)} s`);
  }
  const ms = performance.now() - t0;
  return { rowsPerSec: n / (ms / 1000), ms };
}

/**
 * Writes the CSV an analyst would import (`id,date,type,lat,lon`), built from the same generator, to `path` in pieces
 * of 100,000 lines: ten million lines held as one string would not fit in the default JavaScript heap.
 */
export async function writeEventsCsv(store: Store, n: number, path: string): Promise<void> {
  const source = await eventSource(store, n, 11);
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, 'id,date,type,lat,lon');
    for (let done = 0; done < n; ) {
      const lines: string[] = [''];
      for (const end = Math.min(n, done + 100_000); done < end; done++) {
        const e = source.next();
        lines.push(`csv-${e.id},${e.date},${e.type},${e.location[1].toFixed(6)},${e.location[0].toFixed(6)}`);
      }
      writeSync(fd, lines.join('\n'));
    }
  } finally {
    closeSync(fd);
  }
}
