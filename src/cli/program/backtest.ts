import { type Command, InvalidArgumentError } from 'commander';
import { availableParallelism } from 'node:os';
import { DEFAULT_SEED } from '../../core/rng.ts';
import { CAPABILITY_RULES, type CapabilityRule } from '../../formats/deu-cases.ts';
import type { BacktestFlags } from '../commands/backtest.ts';
import type { BacktestJoinsFlags } from '../commands/backtest-joins.ts';
import { addModelFlags, executorOption, parsePositiveInt, parseSeed } from './options.ts';

function parseCapability(value: string): CapabilityRule {
  if (!(CAPABILITY_RULES as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`expected one of ${CAPABILITY_RULES.join(', ')}`);
  }
  return value as CapabilityRule;
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected an integer ≥ 0');
  return n;
}

export function registerBacktest(program: Command): void {
  const cmd = program
    .command('backtest')
    .description(
      'Score every model against real outcomes in a DEU-format file (EU decisions), beside the baselines',
    )
    .argument(
      '<data>',
      'a CSV in the DEU long format (issue_id, actor, position, salience, outcome, …)',
    );
  addModelFlags(cmd)
    .option(
      '--capability <rule>',
      `actors' capabilities: ${CAPABILITY_RULES.join(' | ')} (docs/backtest.md)`,
      parseCapability,
      'equal',
    )
    .option('--votes <file>', 'Council votes table for council-votes (default: the shipped one)')
    .option('--ensemble <file>', 'evaluate this saved ensemble JSON instead of the shipped one')
    .option('--fit', 'fit the ensemble by nested CV on this file, save it, report out-of-fold MAE')
    .option('--out <file>', 'where --fit saves the ensemble (default: the shipped ensemble.json)')
    .option('--folds <n>', 'outer CV folds (by proposal) for --fit', parsePositiveInt, 10)
    .option('--inner-folds <n>', 'inner CV folds for --fit', parsePositiveInt, 5)
    .option(
      '--repeats <n>',
      'for --fit: repeat the outer CV with n more fold seeds and report the spread',
      parseCount,
      4,
    )
    .option('--seed <n>', 'seed for the folds and stochastic models', parseSeed, DEFAULT_SEED)
    .option(
      '-w, --workers <n>',
      `worker threads for the models (default 1: inline, the DEU training file takes seconds; with --executor pool one per core, here ${availableParallelism()}). Results do not depend on it`,
      parsePositiveInt,
    )
    .addOption(executorOption())
    .option('--no-progress', 'no progress bar on stderr')
    .option('--json', 'print the result as JSON')
    .option('--csv <file>', 'write every forecast as CSV (one row per issue and forecaster)')
    .option('--report <file>', 'write a self-contained HTML report with charts')
    .addHelpText(
      'after',
      `
Examples:
  $ entente backtest deu3_train.csv                          # every model beside the baselines
  $ entente backtest deu3_train.csv --capability council-votes --model mean,nash
  $ entente backtest deu3_train.csv --fit                     # nested CV; saves the ensemble
  $ entente backtest --model ensemble other.csv               # the saved ensemble on new data
  $ entente backtest deu3_train.csv --json --csv f.csv --report backtest.html
  $ entente backtest big.csv --workers 4                      # models on 4 threads, same result
  $ entente backtest big.csv --executor redis://10.0.0.5:6379 # on \`entente worker\`s (docs/distributed.md)

Ctrl-C stops after the chunks in progress and prints nothing (exit 130); with Redis, the same
command resumes.`,
    )
    .action(async (file: string, flags: BacktestFlags) => {
      const { backtestCommand } = await import('../commands/backtest.ts');
      await backtestCommand(file, flags);
    });
  registerBacktestJoins(cmd);
}

/** `entente backtest joins DATA.csv`: who joins which side of a war (docs/backtest-joins.md). */
function registerBacktestJoins(backtest: Command): void {
  backtest
    .command('joins')
    .description(
      'Score three forecasters of who joins which side of a war (base-rate, logistic, commitment) on a warjoin candidates CSV',
    )
    .argument('<data>', 'a warjoin candidates CSV (one row per war and candidate state)')
    .option('--fit', 'refit all three by grouped K-fold CV by war; print out-of-fold scores')
    .option(
      '--out <file>',
      'where --fit saves the full-data fit (default: the shipped src/analysis/joins/fitted.json)',
    )
    .option('--folds <n>', 'CV folds (by war) for --fit', parsePositiveInt, 10)
    .option('--seed <n>', 'seed for the folds and the bootstrap', parseSeed, DEFAULT_SEED)
    .option('--params <file>', 'score this saved parameter file instead of the shipped one')
    .option('--json', 'print the result as JSON')
    .option('--report <file>', 'write a self-contained HTML report with a calibration chart')
    .addHelpText(
      'after',
      `
Examples:
  $ entente backtest joins src/analysis/joins/data/warjoin_candidates_train.csv --fit --out f.json
  $ entente backtest joins heldout.csv                      # the shipped parameters, not refitted
  $ entente backtest joins heldout.csv --params f.json --json --report joins.html`,
    )
    .action(async (file: string, _flags: BacktestJoinsFlags, joins: Command) => {
      const flags = joinsFlags(joins);
      const { backtestJoinsCommand } = await import('../commands/backtest-joins.ts');
      backtestJoinsCommand(file, flags);
    });
}

/**
 * The options of `backtest joins`. Commander parses `backtest`'s options before dispatching to
 * `joins`, and `backtest` has most of the same flags (--json, --fit, --out, --folds, --seed,
 * --report), so a flag given after `joins` may have been taken by `backtest`: each option comes
 * from whichever command got it on the command line, else `joins`' default. A `backtest`-only
 * option (--model, --csv, …) is a usage error, not silently ignored.
 */
function joinsFlags(joins: Command): BacktestJoinsFlags {
  const parent = joins.parent!;
  const own = new Set(joins.options.map((o) => o.attributeName()));
  for (const o of parent.options) {
    const key = o.attributeName();
    if (!own.has(key) && parent.getOptionValueSource(key) === 'cli') {
      joins.error(
        `error: ${o.long ?? o.flags} is an option of \`backtest\`, not of \`backtest joins\``,
      );
    }
  }
  const flags: Record<string, unknown> = {};
  for (const key of own) {
    const fromJoins = joins.getOptionValueSource(key) === 'cli';
    const fromParent = parent.getOptionValueSource(key) === 'cli';
    flags[key] = !fromJoins && fromParent ? parent.getOptionValue(key) : joins.getOptionValue(key);
  }
  return flags as unknown as BacktestJoinsFlags;
}
