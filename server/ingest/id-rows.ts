// The row where each id of a file was first seen, kept compactly: an import of millions of rows must find repeated ids
// exactly, and a Map of millions of short strings costs about 150 bytes an id (the strings also hold on to the text
// they were cut from). Here each id's UTF-16 code units go into one growing array, found again through an
// open-addressing hash table of slot numbers: about 40 bytes an id of 16 characters.
import { grown } from '../analysis/typed-arrays.js';

/** Ids a row-count hint can reserve room for at most; past it the arrays grow as they fill. */
const MAX_RESERVED = 1 << 23;

export class IdRows {
  /** Code units of every id, one after another. */
  private units: Uint16Array;
  private used = 0;
  /** Per id (in order seen): where its code units start and end, and its row. */
  private starts: Uint32Array;
  private ends: Uint32Array;
  private rows: Float64Array;
  private count = 0;
  /**
   * Per hash slot, the id number plus one (0 where free, so a new table needs no filling) and its full hash side by
   * side, so a probe that meets another id is told apart by the hash, in the same cache line, without reading that
   * id's text; at most half full.
   */
  private table: Uint32Array;

  /**
   * `expected`: about how many ids will come (a file's size over a typical row's), so the arrays are made once
   * instead of doubled and copied again and again; memory the ids never reach is never touched.
   */
  constructor(expected = 0) {
    let ids = 1 << 12;
    while (ids < Math.min(expected, MAX_RESERVED)) ids *= 2;
    this.units = new Uint16Array(Math.max(1 << 16, ids * 16));
    this.starts = new Uint32Array(ids);
    this.ends = new Uint32Array(ids);
    this.rows = new Float64Array(ids);
    this.table = new Uint32Array(ids * 4);
  }

  get size(): number {
    return this.count;
  }

  /** The row of an earlier id equal to `id`; otherwise records `id` at `row` and returns undefined. */
  firstRow(id: string, row: number): number | undefined {
    const h = hash(id);
    const table = this.table;
    const mask = (table.length >>> 1) - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const n = table[2 * slot];
      if (n === 0) break;
      if (table[2 * slot + 1] === h && this.same(n - 1, id)) return this.rows[n - 1];
    }
    this.add(id, row, h);
    return undefined;
  }

  private same(n: number, id: string): boolean {
    const start = this.starts[n];
    if (this.ends[n] - start !== id.length) return false;
    const units = this.units;
    for (let i = 0; i < id.length; i++) if (units[start + i] !== id.charCodeAt(i)) return false;
    return true;
  }

  private add(id: string, row: number, h: number): void {
    if (this.used + id.length > this.units.length) this.units = grown(this.units, this.used + id.length);
    for (let i = 0; i < id.length; i++) this.units[this.used + i] = id.charCodeAt(i);
    if (this.count === this.starts.length) {
      this.starts = grown(this.starts, this.count + 1);
      this.ends = grown(this.ends, this.count + 1);
      this.rows = grown(this.rows, this.count + 1);
    }
    const n = this.count++;
    this.starts[n] = this.used;
    this.ends[n] = this.used + id.length;
    this.rows[n] = row;
    this.used += id.length;
    if (this.count * 4 > this.table.length) this.rehash();
    this.place(this.table, n, h);
  }

  private place(table: Uint32Array, n: number, h: number): void {
    const mask = (table.length >>> 1) - 1;
    let slot = h & mask;
    while (table[2 * slot] !== 0) slot = (slot + 1) & mask;
    table[2 * slot] = n + 1;
    table[2 * slot + 1] = h;
  }

  /** Twice the slots, each id placed again by the hash kept beside it. */
  private rehash(): void {
    const old = this.table;
    this.table = new Uint32Array(old.length * 2);
    for (let s = 0; s < old.length; s += 2) if (old[s] !== 0) this.place(this.table, old[s] - 1, old[s + 1]);
  }
}

/** FNV-1a over UTF-16 code units (32 bits). */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
