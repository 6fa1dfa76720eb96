/**
 * The commitment model's answer for a scenario, computed on this thread: the point analysis and,
 * with `draws`, P(commits) over the terms' ranges (no knock-outs). One owner for the quick faces
 * that need it (the forecast's coalition answer, `sides`, `coalitions`); null without a block.
 */
import type { Scenario } from '../../core/scenario.ts';
import {
  type CommitmentResult,
  assembleCommitment,
  prepareCommitment,
} from './commitment-result.ts';
import { runCommitmentJobsInline } from './run.ts';

export function commitmentAnswer(
  scenario: Scenario,
  opts: { seed: number; draws: number },
): CommitmentResult | null {
  if (!scenario.coalition?.commitment) return null;
  const prepared = prepareCommitment(scenario, {
    draws: opts.draws,
    seed: opts.seed,
    knockout: false,
  });
  return assembleCommitment(scenario, prepared, runCommitmentJobsInline(prepared));
}
