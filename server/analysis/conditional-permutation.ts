// Conditional randomisation pseudo p-values for Local Moran's I (Anselin 1995, section 4; esda's crand): x_i stays put while its k_i neighbour slots take values drawn without replacement from the other n − 1 units, and p = (M + 1)/(R + 1) with M the folded count of simulated I ≥ observed I.
import { AnalysisInputError } from './errors.js';
import { countUniform, countWeighted, type DrawBlock } from './permutation-count.js';
import { createRandom, partialShuffle } from './random.js';
import { grown } from './typed-arrays.js';
import type { SpatialWeights } from './weights.js';

/**
 * Units tested against one table of draws. esda draws one table of R rows and reuses it for every
 * unit, so all p-values share their random numbers; redrawing it per block keeps that sharing
 * local. Within a block a simulated lag is read from prefix sums and corrected only for draws that
 * fall inside the block, which a block this small keeps rare while redraws (R·max k) stay cheap.
 */
const BLOCK = 128;

/** Largest table of draws (R·max k_i entries) allowed: about 120 MB across the draws and prefix sums (plus R sorted sums per distinct k_i). */
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
  const zoneRows = new Int32Array(permutations);
  const sorted = new Array<Float64Array | undefined>(maxK + 1).fill(undefined);
  const sortedReady = new Uint8Array(maxK + 1);
  let zoneSlot: Int32Array = new Int32Array(1024);
  let zoneDraw: Int32Array = new Int32Array(1024);
  const pSim = new Float64Array(n);

  for (let first = 0; first < n; first += BLOCK) {
    const last = Math.min(n, first + BLOCK);
    let zones = 0;
    let zoneRowCount = 0;
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
            zoneSlot = grown(zoneSlot);
            zoneDraw = grown(zoneDraw);
          }
          zoneSlot[zones] = t;
          zoneDraw[zones] = v;
          zones++;
        }
      }
      if (zones > zoneStart[r]) zoneRows[zoneRowCount++] = r;
    }
    zoneStart[permutations] = zones;
    sortedReady.fill(0);
    const block: DrawBlock = { first, last, maxK, permutations, draws, prefix, zoneStart, zoneSlot, zoneDraw, zoneRows, zoneRowCount, sorted, sortedReady };
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
        ? countUniform(block, z, i, k, wts[start], scaling, threshold)
        : countWeighted(block, z, i, k, wts, start, scaling, threshold);
      const folded = permutations - larger < larger ? permutations - larger : larger;
      pSim[i] = (folded + 1) / (permutations + 1);
    }
  }
  return pSim;
}
