/**
 * Runs a prepared Monte Carlo job on an executor and merges the chunks in chunk order as they
 * arrive (the executor delivers them in order), so the totals are bit-identical whatever the
 * number of workers. Memory: one accumulator plus the executor's small window of chunk results.
 */
import type { Scenario } from '../../core/scenario.ts';
import type { Executor } from '../../executors/executor.ts';
import { type Analysis, mapAnalysis, runAnalysis } from '../analysis.ts';
import { type McChunk, emptyMcChunk, mergeMcChunk } from './chunk-result.ts';
import type { PreparedMonteCarlo } from './job.ts';
import { type MonteCarloResult, summarizeMonteCarlo } from './summarize.ts';
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

/** The Monte Carlo as an analysis (`analysis.ts`) returning the merged totals. */
export function monteCarloChunks(prepared: PreparedMonteCarlo): Analysis<McOutcome> {
  return {
    kind: 'simulate',
    work: { unit: 'runs', total: prepared.job.runs },
    *steps() {
      const total = emptyMcChunk(prepared.job);
      let chunksDone = 0;
      const { aborted } = yield {
        task: monteCarloTask,
        job: prepared.job,
        chunks: prepared.chunks,
        merge: (_chunk: number, result: McChunk) => {
          mergeMcChunk(total, result);
          chunksDone++;
          return total.runs;
        },
      };
      return { total, chunksDone, partial: aborted };
    },
  };
}

/** The Monte Carlo as an analysis returning its result (`summarizeMonteCarlo`). */
export function monteCarloAnalysis(
  scenario: Scenario,
  prepared: PreparedMonteCarlo,
): Analysis<MonteCarloResult> {
  return mapAnalysis(monteCarloChunks(prepared), (outcome) =>
    summarizeMonteCarlo(scenario, prepared, outcome),
  );
}

/** Runs a prepared Monte Carlo on an executor (through {@link runAnalysis}): the merged totals. */
export async function runMonteCarlo(
  executor: Executor,
  prepared: PreparedMonteCarlo,
  options: McRunOptions = {},
): Promise<McOutcome> {
  const { signal, onProgress } = options;
  const run = await runAnalysis(executor, monteCarloChunks(prepared), {
    signal,
    ...(onProgress ? { onProgress: (done: number) => onProgress(done) } : {}),
  });
  return run.result;
}
