/** `entente dyads`: the EUM's dyad table for one issue and round (options: program/dyads.ts). */
import { runForecast } from '../../analysis/forecast.ts';
import { InputError } from '../../core/errors.ts';
import { DEFAULT_SEED } from '../../core/rng.ts';
import { eumDetail } from '../../models/detail.ts';
import { io } from '../io.ts';
import { loadScenario } from '../load.ts';
import { renderDyadTable, renderStrongestDyads } from '../render/eum.ts';
import { resolveModelRuns } from './model-runs.ts';

export interface DyadsFlags {
  issue: string;
  round: number;
  option: string[];
  json?: boolean;
}

export function dyadsCommand(ref: string | undefined, flags: DyadsFlags): void {
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
    // The dyad table shows every pair, whatever the number of actors.
    fullDetail: true,
  });
  const detail = eumDetail(result.models[0]!.detail)?.issues[0];
  // A traced EUM run on one issue records that issue's rounds (eum.ts).
  if (!detail) throw new Error(`dyads: the EUM recorded no rounds for issue "${flags.issue}"`);
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
}
