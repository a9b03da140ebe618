// Reads H3 cell indexes in plain integer arithmetic: the 64-bit layout (https://h3geo.org/docs/core-library/h3Indexing) and each cell's axial IJ coordinates in its own base cell's frame, as the H3 core library's _h3ToFaceIjkWithInitializedFijk and _faceIjkToH3 (coordijk.c, faceijk.c) compute them before any face is involved.

/** The 12 base cells that are pentagons (H3's baseCellData; checked against h3-js `getPentagons(0)` in the tests). */
export const PENTAGON_BASE_CELLS: readonly number[] = [4, 14, 24, 38, 49, 58, 63, 72, 83, 97, 107, 117];

const IS_PENTAGON_BASE = new Uint8Array(128);
for (const b of PENTAGON_BASE_CELLS) IS_PENTAGON_BASE[b] = 1;

export function isPentagonBaseCell(baseCell: number): boolean {
  return IS_PENTAGON_BASE[baseCell] === 1;
}

/**
 * Axial (i − k, j − k) steps of the seven H3 digits: 0 centre, 1 K, 2 J, 3 JK, 4 I, 5 IK, 6 IJ.
 * Digits 1–6 are also the six lattice neighbours of any cell.
 */
export const DIGIT_A = new Int32Array([0, -1, 0, -1, 1, 0, 1]);
export const DIGIT_B = new Int32Array([0, -1, 1, 0, 0, -1, 1]);

/** Value of each lowercase hex digit by character code, −1 for every other code below 128. */
const HEX = new Int8Array(128).fill(-1);
for (let c = 0; c < 16; c++) HEX['0123456789abcdef'.charCodeAt(c)] = c;

function hexValue(code: number): number {
  return code < 128 ? HEX[code] : -1;
}

/**
 * Parses a cell written the way h3-js writes one (15 lowercase hex digits, the first not 0) into
 * its upper and lower 32 bits at `hi[at]`, `lo[at]`. Returns false, writing nothing, for any other
 * string; such strings may still be indexes h3-js accepts, just not in the form it returns.
 */
export function parseCanonicalCell(cell: string, hi: Uint32Array, lo: Uint32Array, at: number): boolean {
  if (cell.length !== 15) return false;
  // OR-ing every digit value lets one sign test catch any non-digit, with no branch per character.
  let bad = 0;
  let upper = 0;
  for (let c = 0; c < 7; c++) {
    const v = hexValue(cell.charCodeAt(c));
    bad |= v;
    upper = (upper << 4) | (v & 15);
  }
  let lower = 0;
  for (let c = 7; c < 15; c++) {
    const v = hexValue(cell.charCodeAt(c));
    bad |= v;
    lower = (lower << 4) | (v & 15);
  }
  if (bad < 0 || upper >>> 24 === 0) return false;
  hi[at] = upper;
  lo[at] = lower;
  return true;
}

/** Bits 52–55. */
export function cellResolution(hi: number): number {
  return (hi >>> 20) & 0xf;
}

/** Bits 45–51. */
export function cellBaseCell(hi: number): number {
  return (hi >>> 13) & 0x7f;
}

/** The digit of resolution r (1..15), at bit 3·(15 − r); resolution 5's straddles the two words. */
export function cellDigit(hi: number, lo: number, r: number): number {
  const shift = 3 * (15 - r);
  if (shift >= 32) return (hi >>> (shift - 32)) & 7;
  if (shift > 29) return ((lo >>> shift) | (hi << (32 - shift))) & 7;
  return (lo >>> shift) & 7;
}

/**
 * Writes the cell's axial coordinates in its base cell's frame (base cell centre at 0, 0) to
 * `out[at]`, `out[at + 1]`: descend one aperture-7 level per digit (counter-clockwise _downAp7 into
 * Class III resolutions, clockwise _downAp7r into Class II) and step by the digit. Digits must be 0–6.
 */
export function cellAxial(hi: number, lo: number, res: number, out: Int32Array, at: number): void {
  let a = 0;
  let b = 0;
  for (let r = 1; r <= res; r++) {
    const a0 = a;
    if ((r & 1) === 1) {
      a = 2 * a0 + b;
      b = 3 * b - a0;
    } else {
      a = 3 * a0 - b;
      b = a0 + 2 * b;
    }
    const d = cellDigit(hi, lo, r);
    a += DIGIT_A[d];
    b += DIGIT_B[d];
  }
  out[at] = a;
  out[at + 1] = b;
}

/**
 * True when lattice point (a, b) of resolution `res`, in a base cell's frame, belongs to that base
 * cell: climbing the levels as _faceIjkToH3 does (_upAp7 out of Class III, _upAp7r out of Class II)
 * ends at the base cell's centre. (3a − b)/7 and its kin are never halves, so rounding is exact.
 */
export function inBaseCell(a: number, b: number, res: number): boolean {
  for (let r = res; r >= 1; r--) {
    const a0 = a;
    if ((r & 1) === 1) {
      a = Math.round((3 * a0 - b) / 7);
      b = Math.round((a0 + 2 * b) / 7);
    } else {
      a = Math.round((2 * a0 + b) / 7);
      b = Math.round((3 * b - a0) / 7);
    }
  }
  return a === 0 && b === 0;
}

/** Hex-grid distance of an axial offset from the origin (the max-norm of its normalised IJK). */
export function axialDistance(a: number, b: number): number {
  return (a >= 0) === (b >= 0) ? Math.max(Math.abs(a), Math.abs(b)) : Math.abs(a) + Math.abs(b);
}
