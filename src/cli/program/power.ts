import type { Command } from 'commander';
import { DEFAULT_RESOLUTION } from '../../coalitions/power/integer-weights.ts';
import type { PowerFlags } from '../commands/power.ts';

export function registerPower(program: Command): void {
  program
    .command('power')
    .description(
      'Shapley–Shubik and Banzhaf power indices, exactly: of an explicit weighted game, or of the game an issue induces (weights c·s)',
    )
    .argument(
      '[scenario]',
      'a scenario file or built-in id (not with --weights); default: the East Asia coalition scenario',
    )
    .option('--weights <list>', 'an explicit game: integer weights, e.g. 4,4,4,2,2,1')
    .option(
      '--quota <n>',
      'with --weights: the integer quota (a coalition wins with weight >= quota)',
    )
    .option('--names <list>', 'with --weights: player names, comma-separated')
    .option('-i, --issue <id>', 'scenario: the issue (default: the coalition question’s issue)')
    .option(
      '--quota-fraction <f>',
      'scenario: a coalition wins with more than this share of the weight (default 0.5)',
    )
    .option(
      '--resolution <n>',
      `scenario: integer weights sum to about this (default ${DEFAULT_RESOLUTION})`,
    )
    .option('--json', 'print the result as JSON (docs/coalitions.md)')
    .addHelpText(
      'after',
      `
Examples:
  $ entente power --weights 4,4,4,2,2,1 --quota 12       # EEC Council of Ministers, 1958
  $ entente power --weights 4,4,4,2,2,1 --quota 12 --names FR,DE,IT,BE,NL,LU --json
  $ entente power --issue coalition                      # the built-in East Asia scenario
  $ entente power my.yaml --issue budget --quota-fraction 0.667`,
    )
    .action(async (ref: string | undefined, flags: PowerFlags) => {
      const { powerCommand } = await import('../commands/power.ts');
      powerCommand(ref, flags);
    });
}
