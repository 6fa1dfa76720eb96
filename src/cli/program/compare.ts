import type { Command } from 'commander';
import { DEFAULT_SEED } from '../../core/rng.ts';
import type { CompareFlags } from '../commands/compare.ts';
import { addModelFlags, collect, parseDraws, parseSeed } from './options.ts';

export function registerCompare(program: Command): void {
  const cmd = program
    .command('compare')
    .description(
      'A scenario and its variants side by side: each model’s forecast and P(≥ threshold) on each issue with a threshold, each candidate’s commitment level and P(commits), the members, and every difference from the base',
    )
    .argument(
      '[scenario]',
      'a scenario file with variants, or a built-in id; default: the East Asia coalition scenario',
    )
    .option(
      '--variants <ids>',
      'the variants to compare, comma-separated (repeatable); default: every variant of the scenario',
      collect,
      [],
    );
  addModelFlags(cmd)
    .option(
      '--draws <n>',
      'Monte Carlo draws of the bargaining models’ inputs for P(≥ threshold) (0: point forecasts only)',
      parseDraws,
      0,
    )
    .option(
      '--commitment-draws <n>',
      'draws of the commitment terms for P(commits) (0: levels only)',
      parseDraws,
      500,
    )
    .option('--seed <n>', 'seed of the models and the draws', parseSeed, DEFAULT_SEED)
    .option('--json', 'print the result as JSON (shape: docs/results.md, kind compare)')
    .addHelpText(
      'after',
      `
Examples:
  $ entente compare                                       # the built-in and its variants
  $ entente compare --variants us-credibility-shock,usfk-drawdown --model mean,median
  $ entente compare --draws 1000 --json > compare.json    # with P(≥ threshold)
  $ entente compare --set coalition.commitment.conflictRisk=0.2   # every column with that change`,
    )
    .action(async (ref: string | undefined, flags: CompareFlags) => {
      const { compareCommand } = await import('../commands/compare.ts');
      compareCommand(ref, flags);
    });
}
