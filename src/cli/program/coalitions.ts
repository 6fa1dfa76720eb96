import type { Command } from 'commander';
import { DEFAULT_SEED } from '../../core/rng.ts';
import type { CoalitionsFlags } from '../commands/coalitions.ts';
import { parseDraws, parsePositiveInt, parseSeed } from './options.ts';

export function registerCoalitions(program: Command): void {
  program
    .command('coalitions')
    .description(
      'Blocs round by round (positions and EUM compromise relations) and, for a scenario with a coalition question, which coalitions are stable',
    )
    .argument(
      '[scenario]',
      'a scenario file or built-in id; default: the East Asia coalition scenario',
    )
    .option('-i, --issue <id>', 'issue for the blocs (default: the coalition question’s issue)')
    .option(
      '-k, --k <n>',
      'exactly this many position blocs (default: chosen by silhouette)',
      parsePositiveInt,
    )
    .option('--rounds <n>', 'EUM rounds (default 10)', parsePositiveInt)
    .option(
      '--draws <n>',
      'Monte Carlo draws over the scenario’s ranges (default 0)',
      parseDraws,
      0,
    )
    .option('--seed <n>', 'seed of the EUM and the draws', parseSeed, DEFAULT_SEED)
    .option('--json', 'print the result as JSON (docs/coalitions.md)')
    .addHelpText(
      'after',
      `
Examples:
  $ entente coalitions                                  # the built-in East Asia scenario
  $ entente coalitions --draws 2000 --seed 7            # how often each candidate joins
  $ entente coalitions scenarios/ec-car-emissions-1994.yaml --k 3 --json`,
    )
    .action(async (ref: string | undefined, flags: CoalitionsFlags) => {
      const { coalitionsCommand } = await import('../commands/coalitions.ts');
      coalitionsCommand(ref, flags);
    });
}
