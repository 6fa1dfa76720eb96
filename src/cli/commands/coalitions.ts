/** `entente coalitions`: blocs round by round and stable coalitions (options: program/coalitions.ts). */
import { coalitionsResult } from '../../coalitions/coalitions-result.ts';
import { io } from '../io.ts';
import { loadScenario } from '../load.ts';
import { renderCoalitions } from '../render/coalitions.ts';
import { resolveIssue } from './issues.ts';

export interface CoalitionsFlags {
  issue?: string;
  k?: number;
  rounds?: number;
  draws: number;
  seed: number;
  json?: boolean;
}

export function coalitionsCommand(ref: string | undefined, flags: CoalitionsFlags): void {
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
}
