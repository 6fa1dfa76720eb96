/**
 * Runs a prepared Monte Carlo job on an executor and merges the chunks in chunk order as they
 * arrive (the executor delivers them in order), so the totals are bit-identical whatever the
 * number of workers. Memory: one accumulator plus the executor's small window of chunk results.
 */
import type { Executor } from '../../executors/executor.ts';
import { type McChunk, emptyMcChunk, mergeMcChunk } from './chunk-result.ts';
import type { PreparedMonteCarlo } from './job.ts';
import { monteCarloTask } from './task.ts';

export interface McRunOptions {
  /** Stops the run; the result then holds the chunks completed so far (a prefix). */
  readonly signal?: AbortSignal;
  /** Called after each merged chunk with the runs done so far. */
  readonly onProgress?: (runsDone: number) => void;
}

export interface McOutcome {
  readonly total: McChunk;
  /** Chunks merged: 0..chunksDone−1. */
  readonly chunksDone: number;
  /** True when stopped before every chunk ran. */
  readonly partial: boolean;
}

export async function runMonteCarlo(
  executor: Executor,
  prepared: PreparedMonteCarlo,
  options: McRunOptions = {},
): Promise<McOutcome> {
  const total = emptyMcChunk(prepared.job);
  const summary = await executor.run(monteCarloTask, prepared.job, prepared.chunks, {
    onResult: (_chunk, result) => {
      mergeMcChunk(total, result);
      options.onProgress?.(total.runs);
    },
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { total, chunksDone: summary.completed, partial: summary.aborted };
}
