/**
 * The commitment model's draws as an analysis (`analysis.ts`): one chunked job per question the
 * prepared analysis asks (baseline, knock-outs, `ifJoins`), run one after the other, each merged
 * in chunk order (bit-identical totals for any executor or worker count). The model and its
 * chunk task live in `src/coalitions/commitment/`; this is only how its jobs are run.
 */
import {
  type CommitmentResult,
  type PreparedCommitment,
  assembleCommitment,
} from '../coalitions/commitment/commitment-result.ts';
import {
  type CommitmentMcChunk,
  commitmentTask,
  emptyCommitmentChunk,
  mergeCommitmentChunk,
} from '../coalitions/commitment/monte-carlo.ts';
import type { Scenario } from '../core/scenario.ts';
import type { Executor } from '../executors/executor.ts';
import { type Analysis, mapAnalysis, runAnalysis } from './analysis.ts';

export interface CommitmentRunOutcome {
  readonly totals: Map<string, CommitmentMcChunk>;
  /** True when stopped before every chunk ran. */
  readonly partial: boolean;
}

/** The draws of every job, as an analysis returning each job's merged totals by key. */
export function commitmentChunks(prepared: PreparedCommitment): Analysis<CommitmentRunOutcome> {
  return {
    kind: 'commitment',
    work: { unit: 'draws', total: prepared.jobs.reduce((t, j) => t + j.job.runs, 0) },
    *steps() {
      const totals = new Map<string, CommitmentMcChunk>();
      let before = 0;
      for (const planned of prepared.jobs) {
        const total = emptyCommitmentChunk(planned.job);
        const at = before;
        const { aborted } = yield {
          task: commitmentTask,
          job: planned.job,
          chunks: planned.chunks,
          merge: (_chunk: number, result: CommitmentMcChunk) => {
            mergeCommitmentChunk(total, result);
            return at + total.runs;
          },
        };
        totals.set(planned.key, total);
        if (aborted) return { totals, partial: true };
        before += total.runs;
      }
      return { totals, partial: false };
    },
  };
}

/** The commitment analysis returning its result (`assembleCommitment`). */
export function commitmentAnalysis(
  scenario: Scenario,
  prepared: PreparedCommitment,
): Analysis<CommitmentResult> {
  return mapAnalysis(commitmentChunks(prepared), (outcome) =>
    assembleCommitment(scenario, prepared, outcome.totals),
  );
}

export interface CommitmentRunOptions {
  readonly signal?: AbortSignal;
  /** Draws done so far across every job, and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Runs a prepared commitment analysis's jobs on an executor (through {@link runAnalysis}). */
export async function runCommitmentJobs(
  executor: Executor,
  prepared: PreparedCommitment,
  options: CommitmentRunOptions = {},
): Promise<CommitmentRunOutcome> {
  return (await runAnalysis(executor, commitmentChunks(prepared), options)).result;
}
