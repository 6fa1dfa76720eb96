/**
 * Runs a prepared commitment analysis's Monte Carlo jobs on an executor, one after the other, and
 * merges each job's chunks in chunk order (bit-identical totals for any executor or worker count).
 */
import type { Executor } from '../../executors/executor.ts';
import type { PreparedCommitment } from './commitment-result.ts';
import {
  type CommitmentMcChunk,
  commitmentTask,
  emptyCommitmentChunk,
  mergeCommitmentChunk,
  runCommitmentChunk,
} from './monte-carlo.ts';

export interface CommitmentRunOptions {
  readonly signal?: AbortSignal;
  /** Runs done so far across every job, and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface CommitmentRunOutcome {
  readonly totals: Map<string, CommitmentMcChunk>;
  /** True when stopped before every chunk ran. */
  readonly partial: boolean;
}

export async function runCommitmentJobs(
  executor: Executor,
  prepared: PreparedCommitment,
  options: CommitmentRunOptions = {},
): Promise<CommitmentRunOutcome> {
  const totals = new Map<string, CommitmentMcChunk>();
  const all = prepared.jobs.reduce((t, j) => t + j.job.runs, 0);
  let before = 0;
  for (const planned of prepared.jobs) {
    const total = emptyCommitmentChunk(planned.job);
    const summary = await executor.run(commitmentTask, planned.job, planned.chunks, {
      onResult: (_chunk, result) => {
        mergeCommitmentChunk(total, result);
        options.onProgress?.(before + total.runs, all);
      },
      ...(options.signal ? { signal: options.signal } : {}),
    });
    totals.set(planned.key, total);
    if (summary.aborted) return { totals, partial: true };
    before += total.runs;
  }
  return { totals, partial: false };
}

/** The same jobs, chunk by chunk on this thread (for quick questions inside a synchronous command). */
export function runCommitmentJobsInline(
  prepared: PreparedCommitment,
): Map<string, CommitmentMcChunk> {
  const totals = new Map<string, CommitmentMcChunk>();
  for (const planned of prepared.jobs) {
    const total = emptyCommitmentChunk(planned.job);
    for (let k = 0; k < planned.chunks; k++)
      mergeCommitmentChunk(total, runCommitmentChunk(planned.job, k));
    totals.set(planned.key, total);
  }
  return totals;
}
