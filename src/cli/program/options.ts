/**
 * Option parsers and the option sets several commands share. Light on purpose: the whole
 * program is built on every start (`entente --version` too), so this file and the rest of
 * `program/` import only commander, Node built-ins and a few constant-only modules. What a
 * command does when it runs lives in `commands/` and is imported by its action.
 */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { availableParallelism } from 'node:os';
import { DISTRIBUTIONS } from '../../analysis/uncertainty/distributions.ts';
import { InputError } from '../../core/errors.ts';
import { checkRuns } from '../../core/limits.ts';
import { DEFAULT_SEED } from '../../core/rng.ts';

/** Commander helper: repeatable option values collected into an array. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Splits `a,b , c` into ['a', 'b', 'c']. */
export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function parseSeed(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || Math.abs(n) >= 2 ** 32) {
    throw new InvalidArgumentError('expected an integer seed with |seed| < 2^32');
  }
  return n;
}

export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

/** Parses a non-negative integer count of draws, at most the runs limit (core/limits.ts). */
export function parseDraws(value: string): number {
  const n = value === '0' ? 0 : parsePositiveInt(value);
  checkRuns(n, '--draws');
  return n;
}

/** Parses a positive number of Monte Carlo runs, at most the runs limit (core/limits.ts). */
export function parseRunCount(value: string): number {
  const n = parsePositiveInt(value);
  checkRuns(n, '--runs');
  return n;
}

export function parseCorrelation(value: string): number {
  const x = Number(value);
  if (value.trim() === '' || !(x >= 0 && x <= 1)) {
    throw new InvalidArgumentError('expected a correlation ρ between 0 and 1');
  }
  return x;
}

/**
 * A model's `KEY=VALUE` option texts (`--option MODEL.KEY=VALUE` with the model taken off, or
 * `--<model>-option KEY=VALUE`) as `[key, value]` pairs for `models/options.ts#optionsFromText`,
 * which coerces and validates them; {@link optionFlagPath} names a problem by the flag.
 */
export function splitOptionPairs(pairs: readonly string[]): [string, string][] {
  return pairs.map((pair) => {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new InputError({ path: '--option', message: `"${pair}" is not KEY=VALUE` });
    return [pair.slice(0, eq).trim(), pair.slice(eq + 1).trim()];
  });
}

/** Where the CLI reports a problem with a model option: at the flag (`--option KEY`). */
export function optionFlagPath(key: string | undefined): string {
  return key === undefined ? '--option' : `--option ${key}`;
}

/**
 * The registered models (`src/models/registry.ts`) in order, and whether each has options: all
 * the flags and the help need, without loading the models. `program/options.test.ts` keeps it
 * equal to the registry.
 */
export const MODELS: readonly { readonly id: string; readonly hasOptions: boolean }[] = [
  { id: 'mean', hasOptions: false },
  { id: 'median', hasOptions: false },
  { id: 'nash', hasOptions: true },
  { id: 'eum', hasOptions: true },
  { id: 'smp', hasOptions: true },
  { id: 'ensemble', hasOptions: false },
];

/** Adds `--model`, `--option`, `--<model>-option` flags shared by commands that run models. */
export function addModelFlags(cmd: Command): Command {
  cmd
    .option(
      '-m, --model <ids>',
      `models to run, comma-separated (${MODELS.map((m) => m.id).join(', ')}); default all`,
      collect,
      [],
    )
    .option(
      '-o, --option <MODEL.KEY=VALUE>',
      'a model option, e.g. nash.exponent=1 (repeatable)',
      collect,
      [],
    );
  for (const model of MODELS) {
    if (!model.hasOptions) continue;
    cmd.option(
      `--${model.id}-option <KEY=VALUE>`,
      `an option of the ${model.id} model (repeatable)`,
      collect,
      [],
    );
  }
  return cmd;
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

export function distributionOption(): Option {
  return new Option(
    '-d, --distribution <name>',
    'distribution of each ranged input between its low and high',
  )
    .choices(DISTRIBUTIONS)
    .default('triangular');
}
