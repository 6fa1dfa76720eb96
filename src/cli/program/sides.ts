import type { Command } from 'commander';
import { DEFAULT_SEED } from '../../core/rng.ts';
import type { SidesFlags } from '../commands/sides.ts';
import { parseDraws, parseSeed } from './options.ts';

export function registerSides(program: Command): void {
  program
    .command('sides')
    .description(
      'Choosing sides: whether each third party joins one side of a contest or stays out (Altfeld & Bueno de Mesquita 1979)',
    )
    .argument(
      '[scenario]',
      'a scenario file or built-in id; default: the East Asia coalition scenario',
    )
    .option('-i, --issue <id>', 'the contested issue (default: the coalition question’s issue)')
    .option(
      '--between <A,B>',
      'the two sides’ leaders (default: the coalition block’s lead and rival)',
    )
    .option(
      '--draws <n>',
      'Monte Carlo draws over the scenario’s ranges (default 0)',
      parseDraws,
      0,
    )
    .option('--seed <n>', 'seed of the draws', parseSeed, DEFAULT_SEED)
    .option('--json', 'print the result as JSON (docs/coalitions.md)')
    .addHelpText(
      'after',
      `
Examples:
  $ entente sides --issue coalition --between usa,china
  $ entente sides --draws 2000 --json > sides.json
  $ entente sides scenarios/ec-car-emissions-1994.yaml --between germany,uk`,
    )
    .action(async (ref: string | undefined, flags: SidesFlags) => {
      const { sidesCommand } = await import('../commands/sides.ts');
      sidesCommand(ref, flags);
    });
}
