/** `entente forecast`: runs the models on a scenario and prints their forecasts (options: program/forecast.ts). */
import { forecastHeadline } from '../../analysis/headline.ts';
import { explainForecast } from '../../analysis/explain/index.ts';
import { runForecast } from '../../analysis/forecast.ts';
import { InputError } from '../../core/errors.ts';
import { io } from '../io.ts';
import { loadScenario } from '../load.ts';
import { renderOverlayLine } from '../render/compare.ts';
import { splitList } from '../program/options.ts';
import { renderForecast } from '../render/forecast.ts';
import { renderWhoJoins } from '../render/coalitions.ts';
import { renderExplanation, renderIssueExplanations } from '../render/explanations.ts';
import { modelExtras } from '../render/model-extras.ts';
import { resolveModelRuns } from './model-runs.ts';

/** Also exported here, where it used to live (test/uncertainty.test.ts imports it from here). */
export { resolveModelRuns };

export interface ForecastFlags {
  model: string[];
  issue: string[];
  option: string[];
  json?: boolean;
  seed: number;
  /** `--<model>-option` values arrive as `<model>Option`. */
  [perModelOption: string]: unknown;
}

export function forecastCommand(ref: string | undefined, flags: ForecastFlags): void {
  const { scenario, overlay } = loadScenario(ref);
  const issueIds = flags.issue.flatMap(splitList);
  for (const id of issueIds) {
    if (!scenario.issues.some((i) => i.id === id)) {
      throw new InputError({
        path: '--issue',
        message: `unknown issue "${id}"; issues: ${scenario.issues.map((i) => i.id).join(', ')}`,
      });
    }
  }
  const runs = resolveModelRuns(flags, scenario.actors.length);
  const result = runForecast(scenario, runs, {
    seed: flags.seed,
    ...(issueIds.length ? { issueIds } : {}),
    trace: true,
  });
  const explanations = explainForecast(result, scenario.actors);
  if (flags.json)
    io.json({
      ...result,
      ...(overlay ? { overlay } : {}),
      headline: forecastHeadline(result),
      explanations,
    });
  else {
    if (overlay) io.out(renderOverlayLine(overlay));
    // Each glossary term is pointed to once in the whole output.
    const seen = new Set<string>();
    const modelNames = new Map(result.models.map((m) => [m.id, m.name]));
    io.out(
      renderForecast(result, (issueId) => [
        ...modelExtras(result, scenario, issueId),
        ...renderIssueExplanations(explanations, issueId, modelNames, seen),
      ]),
    );
    const whoJoins = renderWhoJoins(scenario, { seed: flags.seed, commitment: result.coalition });
    if (whoJoins.length) io.out(['', ...whoJoins].join('\n'));
    const commitment = explanations.find((e) => e.model === 'commitment');
    if (commitment)
      io.out(['', renderExplanation(commitment, 'commitment model', seen)].join('\n'));
  }
}
