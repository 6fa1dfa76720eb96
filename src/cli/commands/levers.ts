/**
 * `entente levers`: what would it take to reach a target — the smallest changes to single inputs
 * and to pairs that make a model meet it, each verified by re-running the model.
 * Options and help: program/levers.ts.
 */
import { commitmentLeversAnalysis } from '../../analysis/levers/commitment.ts';
import {
  type LeverRange,
  type LeversResult,
  leversAnalysis,
} from '../../analysis/levers/levers.ts';
import {
  COMMITMENT_TARGET_SYNTAX,
  TARGET_SYNTAX,
  isCommitmentTarget,
  parseTarget,
} from '../../analysis/levers/target.ts';
import { InputError } from '../../core/errors.ts';
import { io } from '../io.ts';
import { loadScenario } from '../load.ts';
import { defaultLeverModel } from '../program/levers.ts';
import { splitList } from '../program/options.ts';
import { INTERRUPTED_EXIT_CODE } from '../progress.ts';
import { renderLevers } from '../render/levers.ts';
import { executorFor, runAnalysisJob } from './jobs.ts';
import { resolveModelRuns } from './model-runs.ts';

export interface LeversFlags {
  model: string[];
  option: string[];
  seed: number;
  target?: string;
  within?: LeverRange;
  beyondRange?: boolean;
  pairs: number;
  draws: number;
  measure?: string;
  workers?: number;
  executor?: string;
  json?: boolean;
  progress: boolean;
  [perModelOption: string]: unknown;
}

export async function leversCommand(ref: string | undefined, flags: LeversFlags): Promise<void> {
  if (flags.target === undefined) {
    throw new InputError({ path: '--target', message: `missing: expected ${TARGET_SYNTAX}` });
  }
  const { scenario } = loadScenario(ref);
  const target = parseTarget(flags.target, scenario);
  const ids = flags.model.flatMap(splitList);
  if (flags.beyondRange && flags.within === 'range')
    throw new InputError({
      path: '--beyond-range',
      message: '--beyond-range searches beyond the evidence ranges; --within range keeps to them',
    });
  const within: LeverRange | undefined = flags.beyondRange ? 'scale' : flags.within;
  if (isCommitmentTarget(target) || ids.includes('commitment')) {
    if (!isCommitmentTarget(target))
      throw new InputError({
        path: '--target',
        message: `the commitment model's targets are ${COMMITMENT_TARGET_SYNTAX}; got ${target.text}`,
      });
    if (ids.some((id) => id !== 'commitment'))
      throw new InputError({
        path: '--model',
        message: `${target.text} is a target of the commitment model; got --model ${ids.join(', ')}`,
      });
    const analysis = commitmentLeversAnalysis(scenario, target, {
      seed: flags.seed,
      draws: flags.draws,
      beyondRange: within === 'scale',
      ...(flags.measure !== undefined ? { measure: flags.measure } : {}),
    });
    const executor = executorFor(1, Number.POSITIVE_INFINITY, flags);
    const { result } = await runAnalysisJob(executor, analysis, {
      label: 'levers',
      progress: flags.progress,
    });
    output(result, flags);
    return;
  }
  const runs = resolveModelRuns({ ...flags, model: ids.length ? ids : [defaultLeverModel()] });
  if (runs.length !== 1) {
    throw new InputError({
      path: '--model',
      message: `levers run one model at a time; got ${runs.map((r) => r.model.id).join(', ')}`,
    });
  }
  const executor = executorFor(flags.workers, Number.POSITIVE_INFINITY, flags);
  const analysis = leversAnalysis(scenario, runs[0]!, target, {
    seed: flags.seed,
    ...(within !== undefined ? { within } : {}),
    pairCandidates: flags.pairs,
  });
  const { result } = await runAnalysisJob(executor, analysis, {
    label: 'levers',
    progress: flags.progress,
  });
  output(result, flags);
}

function output(result: LeversResult, flags: LeversFlags): void {
  if (flags.json) io.json(result);
  else io.out(renderLevers(result));
  if (result.partial) process.exitCode = INTERRUPTED_EXIT_CODE;
}
