import type { Command } from 'commander';
import type { DyadsFlags } from '../commands/dyads.ts';
import { collect, parsePositiveInt } from './options.ts';

export function registerDyads(program: Command): void {
  program
    .command('dyads')
    .description('Who pressures whom: the EUM’s full dyad table for one issue and round')
    .argument('[scenario]', 'scenario file or built-in id (default: the East Asia scenario)')
    .requiredOption('-i, --issue <id>', 'the issue')
    .option('-r, --round <n>', 'the round (default 1)', parsePositiveInt, 1)
    .option(
      '-o, --option <KEY=VALUE>',
      'an EUM option, e.g. variant=printed (repeatable)',
      collect,
      [],
    )
    .option('--json', 'print the issue’s whole EUM detail (every round) as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ entente dyads --issue coalition
  $ entente dyads scenarios/ec-car-emissions-1994.yaml --issue delay --round 2
  $ entente dyads --issue usfk-flexibility --json > dyads.json

Each row is read by the receiver i: a = E(U_ij), b = E(U_ji), P_ij, the octant
(conflict, compromise, compel, stalemate) and j's offer to i ("*" where i took it).`,
    )
    .action(async (ref: string | undefined, flags: DyadsFlags) => {
      const { dyadsCommand } = await import('../commands/dyads.ts');
      dyadsCommand(ref, flags);
    });
}
