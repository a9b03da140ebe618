// Seeded pseudo-random numbers: xoshiro128** (Blackman and Vigna, "Scrambled linear pseudorandom
// number generators", ACM TOMS 47, 2021) seeded through SplitMix32, and a partial Fisher–Yates
// shuffle (Knuth, TAOCP vol. 2, Algorithm 3.4.2 P) on typed arrays.

/** A source of uniform floats in [0, 1). */
export type Random = () => number;

const TWO_POW_32_INV = 1 / 4294967296;

/**
 * A reproducible generator: the same integer seed always yields the same sequence.
 * xoshiro128** has period 2^128 − 1, so even billions of permutation draws do not wrap.
 */
export function createRandom(seed: number): Random {
  // SplitMix32 spreads any 32-bit seed (including 0) over the four state words, which must not all be zero.
  let sm = seed >>> 0;
  const next = (): number => {
    sm = (sm + 0x9e3779b9) | 0;
    let z = sm;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) | 0;
  };
  let s0 = next();
  let s1 = next();
  let s2 = next();
  let s3 = next();
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;

  return () => {
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return (result >>> 0) * TWO_POW_32_INV;
  };
}

/**
 * Shuffles the first `count` slots of `pool` into a uniform random ordered sample of its
 * elements, in place. The pool stays a permutation of its values, so repeated calls need no reset.
 */
export function partialShuffle(pool: Int32Array | Uint32Array | Float64Array, count: number, random: Random): void {
  const n = pool.length;
  for (let t = 0; t < count; t++) {
    const s = t + Math.floor(random() * (n - t));
    const v = pool[s];
    pool[s] = pool[t];
    pool[t] = v;
  }
}

/** Shuffles the whole array in place (Fisher–Yates). */
export function shuffle(pool: Int32Array | Uint32Array | Float64Array, random: Random): void {
  partialShuffle(pool, pool.length - 1, random);
}
