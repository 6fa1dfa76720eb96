/**
 * The random stream a model gets inside chunked analyses. Each model draws from its own seed,
 * derived from the run's seed and the model's id (so running more models never changes another
 * model's draws), jumped to the chunk's stream. The generator is created on first use: the
 * deterministic models never draw, and skip the cost of jumping.
 */
import { type Rng, createRng } from '../../core/rng.ts';

/** The seed of model `modelId` under run seed `seed`: FNV-1a of the id xor the seed, 32 bits. */
export function modelSeed(seed: number, modelId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < modelId.length; i++) {
    h ^= modelId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h ^ seed) | 0;
}

class LazyRng implements Rng {
  #rng: Rng | null = null;
  constructor(
    readonly seed: number,
    readonly stream: number,
  ) {}
  next(): number {
    this.#rng ??= createRng(this.seed, this.stream);
    return this.#rng.next();
  }
}

/** Model `modelId`'s generator for chunk (stream) `stream` of a run seeded `seed`. */
export function modelRng(seed: number, modelId: string, stream: number): Rng {
  return new LazyRng(modelSeed(seed, modelId), stream);
}
