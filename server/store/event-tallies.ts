// Pre-aggregated event tallies shared by both stores: calendar buckets (month, dekad, day), how a period splits into
// whole buckets plus leftover days, the per-batch deltas SQLite keeps in step, and turning summed rows into results.
import { EVENT_TYPES, type CaseEvent, type EventType } from '../domain/types.js';
import { grown } from '../analysis/typed-arrays.js';
import type { EventCells } from './event-cells.js';
import type { GroupCount, MonthCount } from './store.js';

/**
 * The event types in tally column order. Migration 6 of both stores created one row-count column (`n_<type>`) and
 * one count-sum column (`s_<type>`) per type in this order; a new event type needs a migration adding its columns.
 */
export const TALLIED_TYPES = ['prevention', 'early_detection', 'user_case', 'rehab_intake', 'dealer_arrest'] as const;
if (TALLIED_TYPES.length !== EVENT_TYPES.length || TALLIED_TYPES.some((t, i) => EVENT_TYPES[i] !== t)) {
  throw new Error('EVENT_TYPES changed: add a migration with tally columns for the new types before using the stores');
}
export const TALLY_COLUMNS = [...TALLIED_TYPES.map((t) => `n_${t}`), ...TALLIED_TYPES.map((t) => `s_${t}`)];

/** Bucket sizes; a bucket is identified by the day number of its first day. Dekads are days 1–10, 11–20 and 21–end. */
export const DAY = 0;
export const DEKAD = 1;
export const MONTH = 2;
export type Grain = typeof DAY | typeof DEKAD | typeof MONTH;

/**
 * What a tally row is keyed by, and the buckets kept for it (coarsest first). Days a period has outside whole kept
 * buckets are counted from the events. Fine cells keep few grains: their finer tallies would hold about as many rows
 * as the events and cost an import more than they save a query. Migration 8 of both stores dropped the tallies no
 * longer kept (day buckets of resolutions 7 and 8, dekads of resolution 9, everything of resolution 10).
 */
export const DIMS = {
  area: { id: 0, grains: [MONTH, DEKAD, DAY] },
  focus: { id: 1, grains: [MONTH, DEKAD, DAY] },
  h3_7: { id: 2, grains: [MONTH, DEKAD] },
  h3_8: { id: 3, grains: [MONTH, DEKAD] },
  h3_9: { id: 4, grains: [MONTH] },
  h3_10: { id: 5, grains: [] },
  // Only for store totals (counts()): every event once, keyed '1' when synthetic.
  synthetic: { id: 6, grains: [MONTH] },
} as const satisfies Record<string, { id: number; grains: readonly Grain[] }>;
export type DimName = keyof typeof DIMS;

/** SQL condition true for the (dim, grain) pairs DIMS keeps: migration 8 deletes the other tally rows. */
export function keptTalliesCondition(): string {
  return Object.values(DIMS)
    .filter((d) => d.grains.length > 0)
    .map((d) => `(dim = ${d.id} AND grain IN (${d.grains.join(', ')}))`)
    .join(' OR ');
}

/** Tally key for a missing area or focus area (SQL keys cannot be NULL); ingest never produces an empty code. */
export const NO_KEY = '';

const DAY_MS = 86_400_000;
export const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
export const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

function bucketStart(grain: Grain, day: number): number {
  if (grain === DAY) return day;
  const dom = new Date(day * DAY_MS).getUTCDate();
  if (grain === MONTH) return day - dom + 1;
  return day - (dom <= 10 ? dom - 1 : dom <= 20 ? dom - 11 : dom - 21);
}

export function bucketEnd(grain: Grain, start: number): number {
  if (grain === DAY) return start;
  const d = new Date(start * DAY_MS);
  const last = start - d.getUTCDate() + new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  return grain === DEKAD && d.getUTCDate() < 21 ? start + 9 : last;
}

export interface BucketRange {
  grain: Grain;
  /** Day numbers of the first and the last bucket start. */
  first: number;
  last: number;
}

export interface Cover {
  buckets: BucketRange[];
  /** Inclusive day-number ranges no kept bucket covers: counted from the events themselves. */
  raw: Array<[number, number]>;
}

/** Splits the days from..to (inclusive) into the fewest whole buckets of `grains` plus leftover days. */
export function coverPeriod(from: number, to: number, grains: readonly Grain[]): Cover {
  const out: Cover = { buckets: [], raw: [] };
  const go = (f: number, t: number, gs: readonly Grain[]) => {
    if (f > t) return;
    if (gs.length === 0) {
      out.raw.push([f, t]);
      return;
    }
    const [g, ...rest] = gs;
    const b = bucketStart(g, f);
    const first = b === f ? f : bucketEnd(g, b) + 1;
    const e = bucketStart(g, t);
    const last = bucketEnd(g, e) === t ? e : bucketStart(g, e - 1);
    if (first > t || last < first) return go(f, t, rest);
    out.buckets.push({ grain: g, first, last });
    go(f, first - 1, rest);
    go(bucketEnd(g, last) + 1, t, rest);
  };
  go(from, to, grains);
  return out;
}

/** The fields of a stored event the tallies depend on. */
export interface TalliedEvent {
  type: EventType;
  date: string;
  areaCode: string | null;
  focusAreaId: string | null;
  /** Cells at resolutions 7, 8, 9 and 10 (null without a location). */
  h3_7: string | null;
  h3_8: string | null;
  h3_9: string | null;
  h3_10: string | null;
  count: number;
  synthetic: boolean;
}

/** What the tallies see of an event whose cells at resolutions 7 to 9 are known. */
export function talliedEvent(e: CaseEvent, c: EventCells): TalliedEvent {
  return { type: e.type, date: e.date, areaCode: e.areaCode, focusAreaId: e.focusAreaId, h3_7: c.h3_7, h3_8: c.h3_8, h3_9: c.h3_9, h3_10: e.h3, count: e.count, synthetic: e.synthetic };
}

const ALL_DIMS = (Object.keys(DIMS) as DimName[]).filter((name) => DIMS[name].grains.length > 0);
const GRAINS_BY_DIM: Record<number, readonly Grain[]> = Object.fromEntries(Object.values(DIMS).map((d) => [d.id, d.grains]));
const WIDTH = TALLY_COLUMNS.length;
/** (dim, grain, bucket) folded into one safe integer, ordered as the tally primary key (buckets within ±2,000,000 days). */
const slot = (dim: number, grain: number, bucket: number) => (dim * 3 + grain) * 4_000_000 + bucket + 2_000_000;

/**
 * Sums the changes a batch of event writes makes to the tallies, so each tally row is written once per flush.
 * Entries are kept column by column (dimension, grain, bucket, key), entry i's values at i × 10 in one flat
 * Float64Array grown by doubling (exact for integers below 2^53), and found through numeric-keyed maps: an object or
 * a small typed array per entry, hundreds of thousands of them living until the flush, would spend more time in
 * allocation and garbage collection than in the sums.
 */
export class TallyDeltas {
  /** Offsets into `values` by slot (dim, grain, bucket), then by key. */
  private index = new Map<number, Map<string, number>>();
  private count = 0;
  private dims = new Uint8Array(1024);
  private grains = new Uint8Array(1024);
  private starts = new Float64Array(1024);
  private keys: string[] = [];
  private values = new Float64Array(WIDTH * 1024);
  private readonly buckets = new Map<string, number[]>();
  /** The date of the event added last, and the key maps of its finest bucket per dimension (files come in date order). */
  private lastDate: string | null = null;
  private lastKeys: Array<Map<string, number> | undefined> = [];

  get size(): number {
    return this.count;
  }

  /** Adds (sign 1) or removes (sign -1) an event; only its finest bucket per dimension, the coarser ones follow in take(). */
  add(e: TalliedEvent, sign: 1 | -1, dims: readonly DimName[] = ALL_DIMS): void {
    const t = TALLIED_TYPES.indexOf(e.type);
    if (t < 0) throw new Error(`unknown event type "${e.type}"`);
    if (e.date !== this.lastDate) {
      this.lastDate = e.date;
      this.lastKeys = [];
    }
    for (const name of dims) {
      const dim = DIMS[name];
      if (dim.grains.length === 0) continue;
      const key = keyOf(e, name);
      if (key === null) continue;
      const grain = dim.grains[dim.grains.length - 1];
      let keys = this.lastKeys[dim.id];
      if (keys === undefined) {
        keys = this.keysOf(dim.id, grain, this.startsOf(e.date)[grain]);
        this.lastKeys[dim.id] = keys;
      }
      const at = keys.get(key) ?? this.entry(dim.id, grain, this.startsOf(e.date)[grain], key, keys);
      this.values[at + t] += sign;
      this.values[at + TALLIED_TYPES.length + t] += sign * e.count;
    }
  }

  /** The first day of the date's day, dekad and month buckets. */
  private startsOf(date: string): number[] {
    let starts = this.buckets.get(date);
    if (!starts) {
      const day = dayOf(date);
      starts = [bucketStart(DAY, day), bucketStart(DEKAD, day), bucketStart(MONTH, day)];
      if (this.buckets.size > 100_000) this.buckets.clear();
      this.buckets.set(date, starts);
    }
    return starts;
  }

  private keysOf(dim: number, grain: Grain, bucket: number): Map<string, number> {
    const s = slot(dim, grain, bucket);
    let keys = this.index.get(s);
    if (!keys) {
      keys = new Map();
      this.index.set(s, keys);
    }
    return keys;
  }

  /** The offset of the values of (dim, grain, bucket, key), creating a zero entry if needed. */
  private entry(dim: number, grain: Grain, bucket: number, key: string, keys = this.keysOf(dim, grain, bucket)): number {
    let i = keys.get(key);
    if (i === undefined) {
      const n = this.count++;
      i = n * WIDTH;
      keys.set(key, i);
      if (n === this.dims.length) {
        this.dims = grown(this.dims);
        this.grains = grown(this.grains);
        this.starts = grown(this.starts);
      }
      this.dims[n] = dim;
      this.grains[n] = grain;
      this.starts[n] = bucket;
      this.keys[n] = key;
      if (i + WIDTH > this.values.length) this.values = grown(this.values);
    }
    return i;
  }

  /** Sums each finest-bucket delta into the coarser buckets of its dimension. */
  private rollUp(): void {
    const n = this.count;
    for (let e = 0; e < n; e++) {
      const dim = this.dims[e];
      const grain = this.grains[e];
      const offset = e * WIDTH;
      for (const g of GRAINS_BY_DIM[dim]) {
        if (g === grain) continue;
        const at = this.entry(dim, g, bucketStart(g, this.starts[e]), this.keys[e]);
        for (let c = 0; c < WIDTH; c++) this.values[at + c] += this.values[offset + c];
      }
    }
  }

  /** Hands over and forgets the summed deltas, leaving out those that cancelled out, in primary-key order (so a flush
   * walks the tally B-tree once instead of jumping around it). */
  take(): TakenTallies {
    this.rollUp();
    const { index, values, count, dims, grains, starts, keys } = this;
    // The next batch of deltas is likely as large as this one: room for it at once instead of doubling up to it.
    let room = 1024;
    while (room < count) room *= 2;
    this.index = new Map();
    this.count = 0;
    this.dims = new Uint8Array(room);
    this.grains = new Uint8Array(room);
    this.starts = new Float64Array(room);
    this.keys = new Array<string>(room);
    this.values = new Float64Array(WIDTH * room);
    this.lastDate = null;
    this.lastKeys = [];
    const nonZero = (at: number) => {
      for (let c = 0; c < WIDTH; c++) if (values[at + c] !== 0) return true;
      return false;
    };
    const out: TakenTallies = {
      n: 0,
      dim: new Uint8Array(count),
      grain: new Uint8Array(count),
      bucket: new Float64Array(count),
      key: new Array<string>(count),
      offset: new Uint32Array(count),
      values,
    };
    // Slot by slot in order, each slot's keys sorted bytewise: many small sorts instead of one large one.
    const byte = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    for (const s of [...index.keys()].sort((a, b) => a - b)) {
      const slotKeys = index.get(s) as Map<string, number>;
      for (const key of [...slotKeys.keys()].sort(byte)) {
        const at = slotKeys.get(key) as number;
        if (!nonZero(at)) continue;
        const e = at / WIDTH;
        const i = out.n++;
        out.dim[i] = dims[e];
        out.grain[i] = grains[e];
        out.bucket[i] = starts[e];
        out.key[i] = keys[e];
        out.offset[i] = at;
      }
    }
    out.key.length = out.n;
    return out;
  }
}

function keyOf(e: TalliedEvent, dim: DimName): string | null {
  switch (dim) {
    case 'area':
      return e.areaCode ?? NO_KEY;
    case 'focus':
      return e.focusAreaId ?? NO_KEY;
    case 'synthetic':
      return e.synthetic ? '1' : '0';
    default:
      return e[dim];
  }
}

/**
 * Summed deltas handed over by TallyDeltas.take, column by column: row i is (dim[i], grain[i], bucket[i], key[i]) with
 * its row counts then count sums (TALLIED_TYPES order) from values[offset[i]]; rows 0..n-1 in primary-key order (the
 * columns may be longer than n).
 */
export interface TakenTallies {
  n: number;
  dim: Uint8Array;
  grain: Uint8Array;
  bucket: Float64Array;
  key: string[];
  offset: Uint32Array;
  values: Float64Array;
}

/** One summed row as read back: a key (and a month when grouped by month), then the ten tally columns. */
export type TallyRow = Record<string, unknown>;

const num = (r: TallyRow, col: string): number => Number(r[col] ?? 0);

function typeTotals(r: TallyRow, types: readonly EventType[]): Array<{ type: EventType; rows: number; sum: number }> {
  return types.map((type) => ({ type, rows: num(r, `n_${type}`), sum: num(r, `s_${type}`) }));
}

export function toGroupCounts(rows: readonly TallyRow[], types: readonly EventType[]): GroupCount[] {
  const out: GroupCount[] = [];
  for (const r of rows) {
    const key = String(r.key);
    for (const t of typeTotals(r, types)) if (t.rows > 0) out.push({ key: key === NO_KEY ? null : key, type: t.type, count: t.sum });
  }
  return out;
}

/** Rows grouped by month only (no key); ordered by month, then type bytewise as the raw queries did. */
export function toMonthCounts(rows: readonly TallyRow[], types: readonly EventType[]): MonthCount[] {
  const out: MonthCount[] = [];
  for (const r of rows) for (const t of typeTotals(r, types)) if (t.rows > 0) out.push({ month: String(r.month), type: t.type, count: t.sum });
  const byte = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return out.sort((a, b) => byte(a.month, b.month) || byte(a.type, b.type));
}

/** The events column holding a dimension's key. */
export const DIM_COLUMN: Record<Exclude<DimName, 'synthetic'>, string> = {
  area: 'area_code',
  focus: 'focus_area_id',
  h3_7: 'h3_7',
  h3_8: 'h3_8',
  h3_9: 'h3_9',
  h3_10: 'h3',
};

export function cellDim(resolution: number): 'h3_7' | 'h3_8' | 'h3_9' | 'h3_10' | null {
  return resolution === 7 ? 'h3_7' : resolution === 8 ? 'h3_8' : resolution === 9 ? 'h3_9' : resolution === 10 ? 'h3_10' : null;
}
