import type { Command } from 'commander';
import { coalitionsResult } from '../../coalitions/coalitions-result.ts';
import { InputError } from '../../core/errors.ts';
import { DEFAULT_SEED } from '../../core/rng.ts';
import type { Scenario } from '../../core/scenario.ts';
import { io } from '../io.ts';
import { loadScenario } from '../load.ts';
import { renderCoalitions } from '../render/coalitions.ts';
import { parsePositiveInt, parseSeed } from './shared.ts';

/**
 * The issue a coalition command works on: `--issue`, else the coalition block's issue, else the
 * scenario's only issue; an unknown or missing issue is a usage error naming the choices.
 */
export function resolveIssue(s: Scenario, flag: string | undefined): string {
  const ids = s.issues.map((i) => i.id);
  if (flag !== undefined) {
    if (!ids.includes(flag)) {
      throw new InputError({
        path: '--issue',
        message: `unknown issue "${flag}"; issues: ${ids.join(', ')}`,
      });
    }
    return flag;
  }
  if (s.coalition) return s.coalition.issue;
  if (ids.length === 1) return ids[0]!;
  throw new InputError({
    path: '--issue',
    message: `required: the scenario has ${ids.length} issues and no coalition block; issues: ${ids.join(', ')}`,
  });
}

/** Parses a non-negative integer count of draws. */
export function parseDraws(value: string): number {
  return value === '0' ? 0 : parsePositiveInt(value);
}

interface CoalitionsFlags {
  issue?: string;
  k?: number;
  rounds?: number;
  draws: number;
  seed: number;
  json?: boolean;
}

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
    .action((ref: string | undefined, flags: CoalitionsFlags) => {
      const { scenario } = loadScenario(ref);
      const issue = resolveIssue(scenario, flags.issue);
      const result = coalitionsResult(scenario, {
        issue,
        seed: flags.seed,
        draws: flags.draws,
        ...(flags.rounds === undefined ? {} : { rounds: flags.rounds }),
        ...(flags.k === undefined ? {} : { blocs: { k: flags.k } }),
      });
      if (flags.json) io.json(result);
      else io.out(renderCoalitions(result));
    });
}
