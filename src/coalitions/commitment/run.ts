/**
 * The commitment model's jobs chunk by chunk on this thread, for quick questions inside a
 * synchronous command (the forecast's coalition answer). On an executor, they run as an analysis:
 * `src/analysis/commitment.ts`.
 */
import type { PreparedCommitment } from './commitment-result.ts';
import {
  type CommitmentMcChunk,
  emptyCommitmentChunk,
  mergeCommitmentChunk,
  runCommitmentChunk,
} from './monte-carlo.ts';

/** Every job's chunks merged in chunk order: the totals by job key. */
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
