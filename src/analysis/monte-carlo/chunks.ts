/**
 * How a job of N runs is cut into chunks. Chunk k draws from `createRng(seed, k)`, the seed jumped
 * k times; a jump costs about a microsecond, so the chunk count is kept to at most 1000: chunks of
 * 1000 runs up to a million runs, larger beyond. The plan depends only on N (and an explicit chunk
 * size), never on the number of workers.
 */

export const DEFAULT_CHUNK_RUNS = 1000;
export const MAX_CHUNKS = 1000;

export function defaultChunkSize(runs: number): number {
  return Math.max(DEFAULT_CHUNK_RUNS, Math.ceil(runs / MAX_CHUNKS));
}

export function chunkCount(runs: number, chunkSize: number): number {
  return Math.ceil(runs / chunkSize);
}

/** Runs in chunk k (the last chunk may be short). */
export function runsInChunk(runs: number, chunkSize: number, k: number): number {
  return Math.max(0, Math.min(chunkSize, runs - k * chunkSize));
}
