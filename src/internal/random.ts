/**
 * A small, fully specified pseudo-random generator so that seeded results are identical on every
 * platform: xoshiro128** (Blackman & Vigna, 2018, https://prng.di.unimi.it/xoshiro128starstar.c),
 * its 128-bit state filled from a 32-bit seed with SplitMix32. Only 32-bit integer arithmetic
 * (`Math.imul`, shifts) is used, so no floating-point detail of an engine can change a draw.
 * Not for cryptography.
 */
export interface RandomSource {
  /** A uniform integer in [0, 2^32). */
  nextUint32(): number;
  /** A uniform double in [0, 1) with 53 random bits. */
  nextDouble(): number;
}

/** Creates a generator from a seed (any integer; only its low 32 bits are used). */
export function createRandom(seed: number): RandomSource {
  let s = seed >>> 0;
  const splitMix = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  const a = splitMix();
  const b = splitMix();
  const c = splitMix();
  const d = splitMix();
  return randomFromState((a | b | c | d) === 0 ? 1 : a, b, c, d);
}

/** A xoshiro128** generator started from an explicit state (not all zero). */
export function randomFromState(s0: number, s1: number, s2: number, s3: number): RandomSource {
  let a = s0 >>> 0;
  let b = s1 >>> 0;
  let c = s2 >>> 0;
  let d = s3 >>> 0;
  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    return result;
  };
  return {
    nextUint32,
    nextDouble: () => ((nextUint32() >>> 5) * 67108864 + (nextUint32() >>> 6)) / 9007199254740992,
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
