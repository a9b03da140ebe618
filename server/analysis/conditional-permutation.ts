// Conditional randomisation pseudo p-values for Local Moran's I (Anselin 1995, section 4; esda's crand): x_i stays put while its k_i neighbour slots take values drawn without replacement from the other n − 1 units, and p = (M + 1)/(R + 1) with M the folded count of simulated I ≥ observed I.
import { AnalysisInputError } from './errors.js';
import { createRandom, partialShuffle } from './random.js';
import type { SpatialWeights } from './weights.js';

/**
 * Units tested against one table of draws. esda draws one table of R rows and reuses it for every
 * unit, so all p-values share their random numbers; redrawing it per block keeps that sharing
 * local. Within a block a simulated lag is read from prefix sums and corrected only for draws that
 * fall inside the block, which a block this small keeps rare while redraws (R·max k) stay cheap.
 */
const BLOCK = 128;

/** Largest table of draws (R·max k_i entries) allowed: about 120 MB across the draws and prefix sums. */
const MAX_TABLE = 10_000_000;

/**
 * Sums whose magnitudes differ by less than this relative amount count as ties: the same values
 * summed in another order can differ in the last bits, and esda counts exact ties as "≥".
 */
const TIE_TOLERANCE = 1e-12;

/** True when every weight in the row is the same, as after row-standardising binary weights. */
export function isUniformRow(wts: Float64Array, start: number, end: number): boolean {
  for (let t = start + 1; t < end; t++) if (wts[t] !== wts[start]) return false;
  return true;
}

interface Block {
  readonly first: number;
  readonly last: number;
  readonly maxK: number;
  /** R rows of maxK draws v in 0..n−2: unit v below the tested unit i, else unit v + 1. */
  readonly draws: Int32Array;
  /** prefix[r·(maxK+1) + t]: sum of the first t drawn z of row r, read as if i = first. */
  readonly prefix: Float64Array;
  /** Per row, the slots whose draw v lies in [first, last − 1): those read z[v] for units i > v. */
  readonly zoneStart: Int32Array;
  readonly zoneSlot: Int32Array;
  readonly zoneDraw: Int32Array;
}

/**
 * Pseudo p-values for every unit. `I[i]` must equal `z[i] · lag_i · scaling` with the lag taken
 * over `w`'s weights; units with no neighbours or z_i = 0 (I = 0 under every draw) get p = 1.
 */
export function conditionalPValues(z: Float64Array, w: SpatialWeights, I: Float64Array, scaling: number, permutations: number, seed: number): Float64Array {
  const n = w.n;
  const { offsets } = w;
  const wts = w.weights;
  let maxK = 0;
  for (let i = 0; i < n; i++) maxK = Math.max(maxK, offsets[i + 1] - offsets[i]);
  if (permutations * maxK > MAX_TABLE) {
    throw new AnalysisInputError(
      'invalid_parameter',
      `permutations (${permutations}) times the largest neighbour count (${maxK}) must not exceed ${MAX_TABLE.toLocaleString('en')}; use fewer permutations or smaller neighbourhoods.`,
    );
  }
  let zMax = 0;
  for (let i = 0; i < n; i++) zMax = Math.max(zMax, Math.abs(z[i]));

  const random = createRandom(seed);
  const pool = new Int32Array(n - 1);
  for (let v = 0; v < n - 1; v++) pool[v] = v;
  const draws = new Int32Array(permutations * maxK);
  const prefix = new Float64Array(permutations * (maxK + 1));
  const zoneStart = new Int32Array(permutations + 1);
  let zoneSlot: Int32Array = new Int32Array(1024);
  let zoneDraw: Int32Array = new Int32Array(1024);
  const pSim = new Float64Array(n);

  for (let first = 0; first < n; first += BLOCK) {
    const last = Math.min(n, first + BLOCK);
    let zones = 0;
    for (let r = 0; r < permutations; r++) {
      // The pool stays a permutation after each partial shuffle, so it never needs resetting.
      partialShuffle(pool, maxK, random);
      const row = r * maxK;
      const pre = r * (maxK + 1);
      let acc = 0;
      zoneStart[r] = zones;
      for (let t = 0; t < maxK; t++) {
        const v = pool[t];
        draws[row + t] = v;
        acc += z[v < first ? v : v + 1];
        prefix[pre + t + 1] = acc;
        if (v >= first && v < last - 1) {
          if (zones === zoneSlot.length) {
            zoneSlot = grow(zoneSlot);
            zoneDraw = grow(zoneDraw);
          }
          zoneSlot[zones] = t;
          zoneDraw[zones] = v;
          zones++;
        }
      }
    }
    zoneStart[permutations] = zones;
    const block: Block = { first, last, maxK, draws, prefix, zoneStart, zoneSlot, zoneDraw };
    for (let i = first; i < last; i++) {
      const start = offsets[i];
      const k = offsets[i + 1] - start;
      if (k === 0 || z[i] === 0) {
        pSim[i] = 1;
        continue;
      }
      let absW = 0;
      for (let t = start; t < start + k; t++) absW += Math.abs(wts[t]);
      const threshold = I[i] - TIE_TOLERANCE * Math.abs(z[i]) * scaling * absW * zMax;
      const larger = isUniformRow(wts, start, start + k)
        ? countUniform(block, z, i, k, wts[start], scaling, threshold, permutations)
        : countWeighted(block, z, i, k, wts, start, scaling, threshold, permutations);
      const folded = permutations - larger < larger ? permutations - larger : larger;
      pSim[i] = (folded + 1) / (permutations + 1);
    }
  }
  return pSim;
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** Equal weights: each simulated lag is a prefix sum plus corrections for draws inside the block. */
function countUniform(b: Block, z: Float64Array, i: number, k: number, weight: number, scaling: number, threshold: number, permutations: number): number {
  const { prefix, zoneStart, zoneSlot, zoneDraw, maxK } = b;
  const zi = z[i];
  let larger = 0;
  for (let r = 0; r < permutations; r++) {
    let l = prefix[r * (maxK + 1) + k];
    for (let s = zoneStart[r]; s < zoneStart[r + 1] && zoneSlot[s] < k; s++) {
      const v = zoneDraw[s];
      if (v < i) l += z[v] - z[v + 1];
    }
    if (zi * (l * weight) * scaling >= threshold) larger++;
  }
  return larger;
}

/** General weights: the drawn values are weighted slot by slot. */
function countWeighted(
  b: Block,
  z: Float64Array,
  i: number,
  k: number,
  wts: Float64Array,
  start: number,
  scaling: number,
  threshold: number,
  permutations: number,
): number {
  const { draws, maxK } = b;
  const zi = z[i];
  // Branch-free "skip unit i": v + 1 exactly when v >= i.
  const im1 = i - 1;
  let larger = 0;
  for (let r = 0, row = 0; r < permutations; r++, row += maxK) {
    let l = 0;
    for (let t = 0; t < k; t++) {
      const v = draws[row + t];
      l += wts[start + t] * z[v + ((im1 - v) >>> 31)];
    }
    if (zi * l * scaling >= threshold) larger++;
  }
  return larger;
}
