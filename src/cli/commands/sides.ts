/** `entente sides`: who joins which side of a contest (options: program/sides.ts). */
import { sidesResult } from '../../coalitions/sides/sides-result.ts';
import { InputError } from '../../core/errors.ts';
import type { Scenario } from '../../core/scenario.ts';
import { io } from '../io.ts';
import { loadScenario } from '../load.ts';
import { renderSides } from '../render/coalitions.ts';
import { splitList } from '../program/options.ts';
import { resolveIssue } from './issues.ts';

export interface SidesFlags {
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

export function sidesCommand(ref: string | undefined, flags: SidesFlags): void {
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
}
