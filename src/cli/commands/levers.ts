/**
 * `entente levers`: what would it take to reach a target — the smallest changes to single inputs
 * and to pairs that make a model meet it, each verified by re-running the model.
 * Options and help: program/levers.ts.
 */
import { leversAnalysis } from '../../analysis/levers/levers.ts';
import { TARGET_SYNTAX, parseTarget } from '../../analysis/levers/target.ts';
import { InputError } from '../../core/errors.ts';
import { io } from '../io.ts';
import { loadScenario } from '../load.ts';
import { defaultLeverModel } from '../program/levers.ts';
import { splitList } from '../program/options.ts';
import { INTERRUPTED_EXIT_CODE } from '../progress.ts';
import { renderLevers } from '../render/uncertainty.ts';
import { executorFor, runAnalysisJob } from './jobs.ts';
import { resolveModelRuns } from './model-runs.ts';

export interface LeversFlags {
  model: string[];
  option: string[];
  seed: number;
  target?: string;
  within: 'scale' | 'range';
  pairs: number;
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
    within: flags.within,
    pairCandidates: flags.pairs,
  });
  const { result } = await runAnalysisJob(executor, analysis, {
    label: 'levers',
    progress: flags.progress,
  });
  if (flags.json) io.json(result);
  else io.out(renderLevers(result));
  if (result.partial) process.exitCode = INTERRUPTED_EXIT_CODE;
}
