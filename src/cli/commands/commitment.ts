/** `entente commitment`: each candidate's decision to join (options: program/commitment.ts). */
import { commitmentChunks } from '../../analysis/commitment.ts';
import type { DistributionName } from '../../analysis/uncertainty/distributions.ts';
import {
  prepareCommitment,
  assembleCommitment,
} from '../../coalitions/commitment/commitment-result.ts';
import { InputError } from '../../core/errors.ts';
import type { Scenario } from '../../core/scenario.ts';
import { io } from '../io.ts';
import { loadScenario } from '../load.ts';
import { renderOverlayLine } from '../render/compare.ts';
import { INTERRUPTED_EXIT_CODE } from '../progress.ts';
import { renderCommitment } from '../render/commitment.ts';
import { executorFor, inlineByDefault, runAnalysisJob } from './jobs.ts';

export interface CommitmentFlags {
  draws: number;
  measure?: string;
  if?: string;
  beyondRange?: boolean;
  knockout: boolean;
  distribution: DistributionName;
  correlation: number;
  seed: number;
  workers?: number;
  executor?: string;
  json?: boolean;
  progress: boolean;
}

/** The commitment block, or an input error naming the file and saying what is missing. */
export function requireCommitment(s: Scenario, file: string | undefined): void {
  if (s.coalition?.commitment) return;
  throw new InputError({
    ...(file ? { file } : {}),
    path: s.coalition ? 'coalition' : '',
    message: s.coalition
      ? 'no commitment block: add coalition.commitment (levels, joinLevel, capabilityMeasure, credibility, lead, rival, candidates; docs/scenario-format.md)'
      : 'no coalition block: the commitment model needs coalition.lead, .rival, .candidates and .commitment (docs/scenario-format.md)',
  });
}

export async function commitmentCommand(
  ref: string | undefined,
  flags: CommitmentFlags,
): Promise<void> {
  const { scenario, file, overlay } = loadScenario(ref);
  requireCommitment(scenario, file);
  const block = scenario.coalition!.commitment!;
  if (flags.measure !== undefined) {
    const everyone = [block.lead, block.rival, ...Object.values(block.candidates)];
    if (!everyone.every((p) => flags.measure! in p.capability)) {
      const common = Object.keys(block.lead.capability).filter((m) =>
        everyone.every((p) => m in p.capability),
      );
      throw new InputError({
        path: '--measure',
        message: `unknown capability measure "${flags.measure}": the lead, the rival and every candidate have ${common.join(', ') || 'no common measure'}`,
      });
    }
  }
  if (flags.if !== undefined && !scenario.coalition!.candidates.includes(flags.if)) {
    throw new InputError({
      path: '--if',
      message: `"${flags.if}" is not a candidate; candidates: ${scenario.coalition!.candidates.join(', ')}`,
    });
  }
  const prepared = prepareCommitment(scenario, {
    draws: flags.draws,
    seed: flags.seed,
    sampling: { distribution: flags.distribution, correlation: flags.correlation },
    knockout: flags.knockout,
    ...(flags.measure !== undefined ? { measure: flags.measure } : {}),
    ...(flags.if !== undefined ? { ifJoins: flags.if } : {}),
    ...(flags.beyondRange ? { beyondRange: true } : {}),
  });
  const chunks = Math.max(1, ...prepared.jobs.map((j) => j.chunks));
  const executor = executorFor(inlineByDefault(flags), chunks, flags);
  const { result: outcome } = await runAnalysisJob(executor, commitmentChunks(prepared), {
    label: 'commitment',
    progress: flags.progress,
  });
  if (outcome.partial) {
    io.err('interrupted: nothing printed');
    process.exitCode = INTERRUPTED_EXIT_CODE;
    return;
  }
  const result = assembleCommitment(scenario, prepared, outcome.totals);
  if (flags.json) io.json(overlay ? { ...result, overlay } : result);
  else {
    if (overlay) io.out(renderOverlayLine(overlay));
    io.out(renderCommitment(result));
  }
}
