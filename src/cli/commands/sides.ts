import type { Command } from 'commander';
import { sidesResult } from '../../coalitions/sides/sides-result.ts';
import { InputError } from '../../core/errors.ts';
import { DEFAULT_SEED } from '../../core/rng.ts';
import type { Scenario } from '../../core/scenario.ts';
import { io } from '../io.ts';
import { loadScenario } from '../load.ts';
import { renderSides } from '../render/coalitions.ts';
import { parseDraws, resolveIssue } from './coalitions.ts';
import { parseSeed, splitList } from './shared.ts';

interface SidesFlags {
  issue?: string;
  between?: string;
  draws: number;
  seed: number;
  json?: boolean;
}

/** The two sides: `--between A,B`, else the coalition block's lead and rival. */
function resolveBetween(s: Scenario, issue: string, flag: string | undefined): [string, string] {
  let pair: string[];
  if (flag !== undefined) pair = splitList(flag);
  else if (s.coalition) pair = [s.coalition.lead, s.coalition.rival];
  else {
    throw new InputError({
      path: '--between',
      message:
        'required: the scenario has no coalition block; give two actor ids, e.g. --between usa,china',
    });
  }
  if (pair.length !== 2) {
    throw new InputError({
      path: '--between',
      message: `expected two actor ids separated by a comma, got "${flag}"`,
    });
  }
  const ids = s.actors.map((a) => a.id);
  for (const id of pair) {
    const actor = s.actors.find((a) => a.id === id);
    if (!actor) {
      throw new InputError({
        path: '--between',
        message: `unknown actor "${id}"; actors: ${ids.join(', ')}`,
      });
    }
    if (!actor.stances[issue]) {
      throw new InputError({
        path: '--between',
        message: `actor "${id}" has no stance on issue "${issue}"`,
      });
    }
  }
  if (pair[0] === pair[1]) {
    throw new InputError({
      path: '--between',
      message: `expected two different actors, got "${pair[0]}" twice`,
    });
  }
  return [pair[0]!, pair[1]!];
}

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
    .action((ref: string | undefined, flags: SidesFlags) => {
      const { scenario } = loadScenario(ref);
      const issue = resolveIssue(scenario, flags.issue);
      const [lead, rival] = resolveBetween(scenario, issue, flags.between);
      const result = sidesResult(
        scenario,
        { issue, lead, rival },
        { draws: flags.draws, seed: flags.seed },
      );
      if (flags.json) io.json(result);
      else io.out(renderSides(result));
    });
}
