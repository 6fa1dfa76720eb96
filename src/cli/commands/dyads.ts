import type { Command } from 'commander';
import { runForecast } from '../../analysis/forecast.ts';
import { InputError } from '../../core/errors.ts';
import { DEFAULT_SEED } from '../../core/rng.ts';
import type { EumDetail, EumIssueDetail } from '../../models/eum/detail.ts';
import { io } from '../io.ts';
import { loadScenario } from '../load.ts';
import { renderDyadTable, renderStrongestDyads } from '../render/eum.ts';
import { resolveModelRuns } from './forecast.ts';
import { collect, parsePositiveInt } from './shared.ts';

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
    .action(
      (
        ref: string | undefined,
        flags: { issue: string; round: number; option: string[]; json?: boolean },
      ) => {
        const { scenario } = loadScenario(ref);
        if (!scenario.issues.some((i) => i.id === flags.issue)) {
          throw new InputError({
            path: '--issue',
            message: `unknown issue "${flags.issue}"; issues: ${scenario.issues.map((i) => i.id).join(', ')}`,
          });
        }
        const runs = resolveModelRuns({
          model: ['eum'],
          option: flags.option.map((o) => `eum.${o}`),
        });
        const result = runForecast(scenario, runs, {
          seed: DEFAULT_SEED,
          issueIds: [flags.issue],
          trace: true,
        });
        const detail = (result.models[0]!.detail as EumDetail).issues[0] as EumIssueDetail;
        if (flags.json) {
          io.json({
            entente: result.entente,
            scenario: result.scenario,
            options: result.models[0]!.options,
            issue: detail,
          });
          return;
        }
        const names = scenario.actors.map((a) => a.name);
        io.out(
          [
            `${scenario.title} — issue ${flags.issue}, EUM round ${flags.round} of ${detail.rounds.length}`,
            '',
            renderStrongestDyads(detail, names, flags.round, 8),
            '',
            renderDyadTable(detail, names, flags.round),
          ].join('\n'),
        );
      },
    );
}
