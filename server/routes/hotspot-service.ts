// Prepares stored events for the hot spot statistics: the study-area cells and their k-ring weights (cached per
// resolution, k and data version) and the event count of every cell, zeros included. Whole calendar months and dekads
// are counted once per data version and kept as one array each, so a year's answer adds up about fifteen cached
// arrays and asks the store only for the few days at its ends.
import { kringWeights } from '../analysis/kring-weights.js';
import type { Period } from '../analysis/period.js';
import { studyCells } from '../analysis/study-cells.js';
import type { SpatialWeights } from '../analysis/weights.js';
import type { EventFilter } from '../domain/types.js';
import { bucketEnd, coverPeriod, dayOf, DEKAD, isoOf, MONTH } from '../store/event-tallies.js';
import type { Store } from '../store/store.js';

interface Grid {
  cells: string[];
  index: Map<string, number>;
  weights: SpatialWeights;
}

export interface CellValues {
  grid: Grid;
  values: Float64Array;
  /** Events counted in cells outside the study area (points snapped to a coastline kelurahan). */
  outside: number;
}

interface BucketCounts {
  /** Event counts by cell index of the resolution's study cells. */
  values: Float64Array;
  outside: number;
}

/** Memory the bucket arrays may hold before the least recently used are dropped (res 9 is ≈56 kB a bucket). */
const BUCKET_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * Splits a period into the whole months and dekads it covers (the buckets the store keeps tallies for, each cached
 * here once counted) and the leftover days, which are counted afresh on every request (at most 10 at each end).
 */
export function splitPeriod(p: Period): { buckets: Period[]; raw: Period[] } {
  const cover = coverPeriod(dayOf(p.from), dayOf(p.to), [MONTH, DEKAD]);
  const buckets: Period[] = [];
  for (const b of cover.buckets) {
    for (let start = b.first; start <= b.last; start = bucketEnd(b.grain, start) + 1) {
      buckets.push({ from: isoOf(start), to: isoOf(bucketEnd(b.grain, start)) });
    }
  }
  buckets.sort((a, b) => (a.from < b.from ? -1 : 1));
  return { buckets, raw: cover.raw.map(([f, t]) => ({ from: isoOf(f), to: isoOf(t) })) };
}

/** Every month and every dekad that overlaps from..to, the latest first: the buckets a warm-up counts ahead of need. */
export function bucketsOverlapping(p: Period): Period[] {
  const out: Period[] = [];
  for (let start = dayOf(`${p.from.slice(0, 7)}-01`); start <= dayOf(p.to); start = bucketEnd(MONTH, start) + 1) {
    out.push({ from: isoOf(start), to: isoOf(bucketEnd(MONTH, start)) });
    for (let d = start; d <= bucketEnd(MONTH, start); d = bucketEnd(DEKAD, d) + 1) out.push({ from: isoOf(d), to: isoOf(bucketEnd(DEKAD, d)) });
  }
  return out.reverse();
}

/** Cells × buckets up to which a warm-up counts every bucket of the stored period (resolution 9 over 4 years is ≈1.3M). */
const WARM_CELL_BUCKETS = 4_000_000;

export function createHotspotService(store: Store) {
  const grids = new Map<string, { version: number; grid: Promise<Grid> }>();
  let bucketVersion = -1;
  const buckets = new Map<string, { counts: Promise<BucketCounts>; bytes: number }>();
  let bucketBytes = 0;

  /** The study cells and weights; `known` is the data version when the caller has just read it. */
  async function grid(resolution: number, k: number, known?: number): Promise<Grid> {
    const version = known ?? (await store.dataVersion());
    const key = `${resolution}/${k}`;
    const hit = grids.get(key);
    if (hit && hit.version === version) return hit.grid;
    const built = (async () => {
      const kelurahan = await store.listAreas('kelurahan');
      const cells = studyCells(
        kelurahan.map((a) => a.geometry),
        resolution,
      );
      return { cells, index: new Map(cells.map((c, i) => [c, i])), weights: kringWeights(cells, k) };
    })();
    grids.set(key, { version, grid: built });
    built.catch(() => grids.delete(key));
    return built;
  }

  /** Adds the store's per-cell counts for `filter` into `into` (by grid index); returns the events outside the grid. */
  async function addCounts(filter: EventFilter, resolution: number, g: Grid, into: Float64Array): Promise<number> {
    let outside = 0;
    for (const { h3: cell, count: n } of await store.countEventsByCell(filter, resolution)) {
      const i = g.index.get(cell);
      if (i === undefined) outside += n;
      else into[i] += n;
    }
    return outside;
  }

  /** One month's or dekad's counts, from the cache when the data have not changed since it was counted. */
  function bucket(b: Period, types: EventFilter['types'], resolution: number, g: Grid, version: number): Promise<BucketCounts> {
    const count = async () => {
      const values = new Float64Array(g.cells.length);
      const outside = await addCounts({ ...b, types }, resolution, g, values);
      return { values, outside };
    };
    // A request that read the version before a later one already replaced the cache counts afresh, caching nothing.
    if (version < bucketVersion) return count();
    if (version !== bucketVersion) {
      buckets.clear();
      bucketBytes = 0;
      bucketVersion = version;
    }
    const key = `${resolution}|${[...types].sort().join(',')}|${b.from}|${b.to}`;
    const hit = buckets.get(key);
    if (hit) {
      buckets.delete(key);
      buckets.set(key, hit);
      return hit.counts;
    }
    const counted = count();
    const entry = { counts: counted, bytes: g.cells.length * 8 };
    buckets.set(key, entry);
    bucketBytes += entry.bytes;
    counted.catch(() => {
      if (buckets.get(key) === entry) {
        buckets.delete(key);
        bucketBytes -= entry.bytes;
      }
    });
    for (const [k, e] of buckets) {
      if (bucketBytes <= BUCKET_CACHE_BYTES) break;
      buckets.delete(k);
      bucketBytes -= e.bytes;
    }
    return counted;
  }

  const warming = new Set<string>();

  /**
   * Counts, in the background and a bucket at a time, every month and dekad of the stored period for this resolution
   * and these types, so that the periods planners ask next (a day or a month further) find their ends counted.
   */
  function warm(resolution: number, types: EventFilter['types'], g: Grid, version: number): void {
    const key = `${version}|${resolution}|${[...types].sort().join(',')}`;
    if (warming.has(key)) return;
    if (warming.size > 100) warming.clear();
    warming.add(key);
    void (async () => {
      const range = await store.eventDateRange();
      if (!range) return;
      const all = bucketsOverlapping({ from: range.min, to: range.max });
      if (all.length * g.cells.length > WARM_CELL_BUCKETS) return;
      for (const b of all) {
        if (bucketVersion !== version) return;
        await bucket(b, types, resolution, g, version);
        // Let requests in between: each bucket is one store query.
        await new Promise((r) => setImmediate(r));
      }
    })().catch(() => warming.delete(key));
  }

  async function cellValues(filter: EventFilter, resolution: number, k: number): Promise<CellValues> {
    // The version is read before any count, so cached months are never older than the version they are filed under.
    const version = await store.dataVersion();
    const g = await grid(resolution, k, version);
    const { buckets: whole, raw } = splitPeriod(filter);
    const values = new Float64Array(g.cells.length);
    const [bucketCounts, rawOutside] = await Promise.all([
      Promise.all(whole.map((b) => bucket(b, filter.types, resolution, g, version))),
      Promise.all(raw.map((r) => addCounts({ ...r, types: filter.types }, resolution, g, values))),
    ]);
    warm(resolution, filter.types, g, version);
    let outside = rawOutside.reduce((s, n) => s + n, 0);
    for (const m of bucketCounts) {
      outside += m.outside;
      const v = m.values;
      for (let i = 0; i < v.length; i++) values[i] += v[i];
    }
    return { grid: g, values, outside };
  }

  return { grid, cellValues };
}
