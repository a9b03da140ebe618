// Finds a unit by its base cell and axial coordinates without allocating: a dense grid over each base cell's bounding box when the units fill it well (the usual compact study area), else an open-addressing hash table (linear probing; Knuth, TAOCP vol. 3, 6.4 Algorithm L) in one interleaved typed array.

/** A grid may hold this many slots per unit before the hash table is used instead. */
const GRID_SLOTS_PER_UNIT = 4;
/** Axial coordinates stay below this in magnitude: a base cell spans about 7^(15/2) ≈ 2.2 million res-15 cells across. */
const A_BIAS = 1 << 24;
const BASE_CELLS = 128;

export interface AxialIndex {
  readonly kind: 'grid' | 'hash';
  /** grid: per base cell the box's first a and b, its extent (0 when absent) and where its slots start. */
  readonly minA: Int32Array;
  readonly minB: Int32Array;
  readonly spanA: Int32Array;
  readonly spanB: Int32Array;
  readonly start: Int32Array;
  /** grid: unit per slot, −1 when none. hash: triples (baseCell << 25 | a + 2^24, b, unit), −1 in the first when empty. */
  readonly slots: Int32Array;
  readonly mask: number;
}

function hashSlot(mask: number, high: number, b: number): number {
  let h = Math.imul(high, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h & mask;
}

/**
 * Indexes unit i at base cell `baseCells[i]`, coordinates (`axial[2i]`, `axial[2i + 1]`). Returns
 * null when two units share a key.
 */
export function buildAxialIndex(baseCells: Uint8Array, axial: Int32Array): AxialIndex | null {
  const n = baseCells.length;
  const minA = new Int32Array(BASE_CELLS).fill(2 ** 31 - 1);
  const minB = new Int32Array(BASE_CELLS).fill(2 ** 31 - 1);
  const maxA = new Int32Array(BASE_CELLS).fill(-(2 ** 31));
  const maxB = new Int32Array(BASE_CELLS).fill(-(2 ** 31));
  for (let i = 0; i < n; i++) {
    const c = baseCells[i];
    const a = axial[2 * i];
    const b = axial[2 * i + 1];
    if (a < minA[c]) minA[c] = a;
    if (a > maxA[c]) maxA[c] = a;
    if (b < minB[c]) minB[c] = b;
    if (b > maxB[c]) maxB[c] = b;
  }
  const spanA = new Int32Array(BASE_CELLS);
  const spanB = new Int32Array(BASE_CELLS);
  const start = new Int32Array(BASE_CELLS);
  let area = 0;
  for (let c = 0; c < BASE_CELLS; c++) {
    if (maxA[c] < minA[c]) continue;
    spanA[c] = maxA[c] - minA[c] + 1;
    spanB[c] = maxB[c] - minB[c] + 1;
    start[c] = area;
    area += spanA[c] * spanB[c];
    if (area > GRID_SLOTS_PER_UNIT * n + 64) return buildHash(baseCells, axial, { minA, minB, spanA, spanB, start });
  }
  const slots = new Int32Array(area).fill(-1);
  for (let i = 0; i < n; i++) {
    const c = baseCells[i];
    const s = start[c] + (axial[2 * i] - minA[c]) * spanB[c] + (axial[2 * i + 1] - minB[c]);
    if (slots[s] !== -1) return null;
    slots[s] = i;
  }
  return { kind: 'grid', minA, minB, spanA, spanB, start, slots, mask: 0 };
}

type Boxes = Pick<AxialIndex, 'minA' | 'minB' | 'spanA' | 'spanB' | 'start'>;

function buildHash(baseCells: Uint8Array, axial: Int32Array, boxes: Boxes): AxialIndex | null {
  const n = baseCells.length;
  let size = 16;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(3 * size);
  for (let s = 0; s < 3 * size; s += 3) slots[s] = -1;
  for (let i = 0; i < n; i++) {
    // Base cells stop at 121, so a key never reads as the empty marker −1.
    const high = (baseCells[i] << 25) | (axial[2 * i] + A_BIAS);
    const b = axial[2 * i + 1];
    let s = hashSlot(mask, high, b);
    while (slots[3 * s] !== -1) {
      if (slots[3 * s] === high && slots[3 * s + 1] === b) return null;
      s = (s + 1) & mask;
    }
    slots[3 * s] = high;
    slots[3 * s + 1] = b;
    slots[3 * s + 2] = i;
  }
  return { kind: 'hash', ...boxes, slots, mask };
}

/** The unit at these coordinates, or −1. */
export function axialLookup(index: AxialIndex, baseCell: number, a: number, b: number): number {
  if (index.kind === 'grid') {
    const da = a - index.minA[baseCell];
    const db = b - index.minB[baseCell];
    const spanB = index.spanB[baseCell];
    // Unsigned compares reject negative offsets too; absent base cells have span 0.
    if (da >>> 0 >= index.spanA[baseCell] || db >>> 0 >= spanB) return -1;
    return index.slots[index.start[baseCell] + da * spanB + db];
  }
  const { mask, slots } = index;
  const high = (baseCell << 25) | (a + A_BIAS);
  for (let s = hashSlot(mask, high, b); slots[3 * s] !== -1; s = (s + 1) & mask) {
    if (slots[3 * s] === high && slots[3 * s + 1] === b) return slots[3 * s + 2];
  }
  return -1;
}
