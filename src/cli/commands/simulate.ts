/**
 * `entente simulate`: Monte Carlo over the ranges of a scenario's inputs. Draws every ranged
 * input, runs the models on each draw (in chunks, on a worker pool by default) and reports the
 * distribution of outcomes: mean, quantiles, a histogram and P(outcome ≥ threshold).
 */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { availableParallelism } from 'node:os';
import { prepareMonteCarlo } from '../../analysis/monte-carlo/job.ts';
import { runMonteCarlo } from '../../analysis/monte-carlo/run.ts';
import { summarizeMonteCarlo } from '../../analysis/monte-carlo/summarize.ts';
import { DISTRIBUTIONS, type DistributionName } from '../../analysis/uncertainty/distributions.ts';
import { InputError } from '../../core/errors.ts';
import { DEFAULT_SEED } from '../../core/rng.ts';
import type { Scenario } from '../../core/scenario.ts';
import { createExecutor, executorSpec } from '../../executors/create.ts';
import type { Executor } from '../../executors/executor.ts';
import { io } from '../io.ts';
import { loadScenario } from '../load.ts';
import {
  INTERRUPTED_EXIT_CODE,
  createProgress,
  onInterrupt,
  progressEnabled,
} from '../progress.ts';
import { renderSimulation } from '../render/uncertainty.ts';
import { addModelFlags, resolveModelRuns } from './forecast.ts';
import { collect, parsePositiveInt, parseSeed, splitList } from './shared.ts';

export function parseCorrelation(value: string): number {
  const x = Number(value);
  if (value.trim() === '' || !(x >= 0 && x <= 1)) {
    throw new InvalidArgumentError('expected a correlation ρ between 0 and 1');
  }
  return x;
}

/** Checks `--issue` ids against the scenario; returns them (undefined for all issues). */
export function resolveIssues(scenario: Scenario, flags: string[]): string[] | undefined {
  const ids = flags.flatMap(splitList);
  for (const id of ids) {
    if (!scenario.issues.some((i) => i.id === id)) {
      throw new InputError({
        path: '--issue',
        message: `unknown issue "${id}"; issues: ${scenario.issues.map((i) => i.id).join(', ')}`,
      });
    }
  }
  return ids.length ? ids : undefined;
}

/** Flags shared by the commands that run many models: seed, workers, issues, JSON, progress. */
export function addJobFlags(
  cmd: Command,
  opts: { issue?: boolean; workers?: string } = {},
): Command {
  if (opts.issue !== false) {
    cmd.option('-i, --issue <ids>', 'only these issues, comma-separated', collect, []);
  }
  return cmd
    .option(
      '--seed <n>',
      'seed of the random draws (results are reproducible)',
      parseSeed,
      DEFAULT_SEED,
    )
    .option(
      '-w, --workers <n>',
      opts.workers ??
        `worker threads (default: one per core, here ${availableParallelism()}); 1 runs inline. Results do not depend on it`,
      parsePositiveInt,
    )
    .addOption(executorOption())
    .option('--json', 'print the result as JSON on stdout (shape: docs/uncertainty.md)')
    .option('--no-progress', 'no progress bar on stderr');
}

/** `--executor <spec>`, as every command that runs chunks takes it. */
export function executorOption(): Option {
  return new Option(
    '--executor <spec>',
    'where chunks run: inline, pool, or redis://host:6379 for `entente worker`s on any number of hosts (default $ENTENTE_EXECUTOR; docs/distributed.md). Results do not depend on it',
  );
}

/**
 * `--workers` for a short job that runs inline unless asked otherwise: `--workers N`, else one
 * per core when an executor is named (`--executor pool`), else 1 (inline, no thread start-up).
 */
export function inlineByDefault(flags: {
  workers?: number;
  executor?: string;
}): number | undefined {
  if (flags.workers !== undefined) return flags.workers;
  return executorSpec(flags.executor) === undefined ? 1 : undefined;
}

export function distributionOption(): Option {
  return new Option(
    '-d, --distribution <name>',
    'distribution of each ranged input between its low and high',
  )
    .choices(DISTRIBUTIONS)
    .default('triangular');
}

/**
 * The executor for `--executor` / `ENTENTE_EXECUTOR`, else for `--workers` (default: one per
 * core, never more than there are chunks). A Redis executor notes on stderr when the job resumes,
 * workers join and chunks are retried (unless `--no-progress`).
 */
export function executorFor(
  workers: number | undefined,
  chunks: number,
  flags: { executor?: string; progress?: boolean } = {},
): Executor {
  const quiet = flags.progress === false || process.env.ENTENTE_PROGRESS === 'never';
  return createExecutor(Math.min(workers ?? availableParallelism(), Math.max(1, chunks)), {
    spec: executorSpec(flags.executor),
    redis: {
      onStatus: (s) => {
        if (!s.event || quiet) return;
        const clear = process.stderr.isTTY ? '\r\x1b[2K' : '';
        io.err(
          `${clear}redis: ${s.event} · ${s.chunksDone}/${s.chunks} chunks done · ${s.workersOnline} worker(s) online`,
        );
      },
    },
  });
}

interface SimulateFlags {
  model: string[];
  option: string[];
  issue: string[];
  seed: number;
  runs: number;
  workers?: number;
  executor?: string;
  distribution: DistributionName;
  correlation: number;
  json?: boolean;
  progress: boolean;
  [perModelOption: string]: unknown;
}

export function registerSimulate(program: Command): void {
  const cmd = program
    .command('simulate')
    .description(
      'Monte Carlo: draw every ranged input, run the models, report the distribution of outcomes and P(≥ threshold)',
    )
    .argument(
      '[scenario]',
      'a scenario file (YAML/JSON) or a built-in id; default: the East Asia coalition scenario',
    );
  addModelFlags(cmd)
    .option('-n, --runs <n>', 'number of runs (draws)', parsePositiveInt, 10_000)
    .addOption(distributionOption())
    .option(
      '-c, --correlation <rho>',
      'correlation ρ (0–1) between the inputs of one actor (Gaussian copula); default 0',
      parseCorrelation,
      0,
    );
  addJobFlags(cmd)
    .addHelpText(
      'after',
      `
Ctrl-C stops after the chunks in progress and prints the runs done, marked partial (exit 130).

Examples:
  $ entente simulate                                   # built-in scenario, every model, 10,000 runs
  $ entente simulate --model eum --runs 100000 --workers 2
  $ entente simulate my.yaml --distribution pert --correlation 0.5 --seed 7 --json > mc.json`,
    )
    .action(async (ref: string | undefined, flags: SimulateFlags) => {
      const { scenario } = loadScenario(ref);
      const issueIds = resolveIssues(scenario, flags.issue);
      const runs = resolveModelRuns(flags);
      const prepared = prepareMonteCarlo(scenario, runs, {
        runs: flags.runs,
        seed: flags.seed,
        sampling: { distribution: flags.distribution, correlation: flags.correlation },
        ...(issueIds ? { issueIds } : {}),
      });
      const executor = executorFor(flags.workers, prepared.chunks, flags);
      const interrupt = onInterrupt();
      const progress = createProgress({
        label: 'simulate',
        unit: 'runs',
        total: flags.runs,
        enabled: progressEnabled(flags.progress),
      });
      try {
        const outcome = await runMonteCarlo(executor, prepared, {
          signal: interrupt.signal,
          onProgress: (done) => progress.update(done),
        });
        progress.stop();
        const result = summarizeMonteCarlo(scenario, prepared, outcome);
        if (flags.json) io.json(result);
        else io.out(renderSimulation(result));
        if (outcome.partial) process.exitCode = INTERRUPTED_EXIT_CODE;
      } finally {
        progress.stop();
        interrupt.dispose();
        await executor.close();
      }
    });
}
