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

/**
 * A xoshiro128** generator started from an explicit state (not all zero). The state lives in an
 * `Int32Array` (a closure variable holding a 32-bit value outside the engine's small-integer range
 * would be re-boxed on every step), and `nextDouble` runs its two steps inline; the outputs are the
 * same as those of the reference code.
 */
export function randomFromState(s0: number, s1: number, s2: number, s3: number): RandomSource {
  const state = new Int32Array([s0, s1, s2, s3]);
  const step = (): number => {
    const a = state[0] ?? 0;
    const b = state[1] ?? 0;
    const c = (state[2] ?? 0) ^ a;
    const d = (state[3] ?? 0) ^ b;
    const product = Math.imul(b, 5);
    const result = Math.imul((product << 7) | (product >>> 25), 9);
    state[0] = a ^ d;
    state[1] = b ^ c;
    state[2] = c ^ (b << 9);
    state[3] = (d << 11) | (d >>> 21);
    return result;
  };
  return {
    nextUint32: () => step() >>> 0,
    nextDouble: () => ((step() >>> 5) * 67108864 + (step() >>> 6)) / 9007199254740992,
  };
}
