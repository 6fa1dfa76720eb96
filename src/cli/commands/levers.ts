/**
 * `entente levers`: what would it take to reach a target — the smallest changes to single inputs
 * and to pairs that make a model meet it, each verified by re-running the model.
 */
import { type Command, Option } from 'commander';
import { runLevers } from '../../analysis/levers/levers.ts';
import { TARGET_SYNTAX, parseTarget } from '../../analysis/levers/target.ts';
import { InputError } from '../../core/errors.ts';
import { listModels } from '../../models/registry.ts';
import { io } from '../io.ts';
import { loadScenario } from '../load.ts';
import {
  INTERRUPTED_EXIT_CODE,
  createProgress,
  onInterrupt,
  progressEnabled,
} from '../progress.ts';
import { renderLevers } from '../render/uncertainty.ts';
import { addModelFlags, resolveModelRuns } from './forecast.ts';
import { splitList } from './shared.ts';
import { addJobFlags, executorFor } from './simulate.ts';

interface LeversFlags {
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

/** The model levers use when none is named: the EUM when registered, else the weighted mean. */
export function defaultLeverModel(): string {
  return listModels().some((m) => m.id === 'eum') ? 'eum' : 'mean';
}

function parsePairs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new InputError({ path: '--pairs', message: `"${value}" is not a whole number ≥ 0` });
  return n;
}

export function registerLevers(program: Command): void {
  const cmd = program
    .command('levers')
    .description(
      'What would it take: the smallest single and paired input changes that reach a target',
    )
    .argument(
      '[scenario]',
      'a scenario file (YAML/JSON) or a built-in id; default: the East Asia coalition scenario',
    )
    .option('-t, --target <target>', `what to reach: ${TARGET_SYNTAX}`);
  addModelFlags(cmd)
    .addOption(
      new Option(
        '--within <where>',
        'search each input over its whole scale, or only its stated low–high range',
      )
        .choices(['scale', 'range'])
        .default('scale'),
    )
    .option('--pairs <k>', 'pair the k most promising inputs (0: no pairs)', parsePairs, 8);
  addJobFlags(cmd, { issue: false })
    .addHelpText(
      'after',
      `
Targets:
  coalition>=75                  the model's outcome on issue "coalition" at least 75
  actor:korea-gov:coalition>=50  the final position of actor "korea-gov" on "coalition" at least 50
  Operators: >=, >, <=, <. When the target already holds, levers show what would undo it.

One model at a time (default: ${defaultLeverModel()}).

Examples:
  $ entente levers --target 'coalition>=75'
  $ entente levers --target 'actor:korea-gov:coalition>=50' --model eum --within range
  $ entente levers my.yaml --target 'budget<=40' --model mean --json`,
    )
    .action(async (ref: string | undefined, flags: LeversFlags) => {
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
      const interrupt = onInterrupt();
      const progress = createProgress({
        label: 'levers',
        unit: 'searches',
        total: 1,
        enabled: progressEnabled(flags.progress),
      });
      try {
        const result = await runLevers(executor, scenario, runs[0]!, target, {
          seed: flags.seed,
          within: flags.within,
          pairCandidates: flags.pairs,
          signal: interrupt.signal,
          onProgress: (done, total) => progress.update(done, total),
        });
        progress.stop();
        if (flags.json) io.json(result);
        else io.out(renderLevers(result));
        if (result.partial) process.exitCode = INTERRUPTED_EXIT_CODE;
      } finally {
        progress.stop();
        interrupt.dispose();
        await executor.close();
      }
    });
}
