/**
 * Seeded randomness. Every random draw in Entente comes from an {@link Rng}; the seed travels in
 * every result. Streams are xoroshiro128+ (pure-rand) jumped k times, so chunk k of a Monte Carlo
 * run draws the same numbers whichever worker runs it.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

type Xoroshiro = ReturnType<typeof xoroshiro128plus>;

export interface Rng {
  /** The seed this generator (or the stream it belongs to) was created from. */
  readonly seed: number;
  /** The stream index (number of jumps from the seed). */
  readonly stream: number;
  /** A double uniform on [0, 1) with 53 random bits. */
  next(): number;
}

const TWO_POW_32 = 0x100000000;
const TWO_POW_53 = 9007199254740992;

class XoroshiroRng implements Rng {
  readonly #gen: Xoroshiro;
  constructor(
    readonly seed: number,
    readonly stream: number,
  ) {
    const gen = xoroshiro128plus(seed | 0);
    for (let k = 0; k < stream; k++) gen.jump();
    this.#gen = gen;
  }
  next(): number {
    // 26 + 27 bits, the usual construction of a 53-bit double from two 32-bit outputs.
    const a = (this.#gen.next() >>> 0) >>> 6;
    const b = (this.#gen.next() >>> 0) >>> 5;
    return (a * 134217728 + b) / TWO_POW_53;
  }
}

/** Creates the generator for `seed`, jumped `stream` times (2^64 draws apart per jump). */
export function createRng(seed: number, stream = 0): Rng {
  if (!Number.isInteger(seed) || Math.abs(seed) >= TWO_POW_32) {
    throw new RangeError(`seed must be an integer with |seed| < 2^32, got ${seed}`);
  }
  if (!Number.isInteger(stream) || stream < 0) {
    throw new RangeError(`stream must be a non-negative integer, got ${stream}`);
  }
  return new XoroshiroRng(seed, stream);
}

/** The seed used when none is given. Fixed, so that runs are reproducible by default. */
export const DEFAULT_SEED = 20251212;
