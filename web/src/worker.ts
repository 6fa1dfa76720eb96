/**
 * The what-if engine: a Web Worker that validates the edited scenario and runs every point model
 * on it with the same code as the CLI (src/analysis/forecast.ts, src/models/*), with the
 * coalition answer (the commitment model, over a few draws of its terms) and the headline
 * (src/analysis/headline.ts). Values outside their evidence range are warnings, never a wall.
 * Only the latest request matters: older ones still queued are answered as superseded.
 */
import { COALITION_DRAWS, runForecast } from '../../src/analysis/forecast.ts';
import { forecastHeadline } from '../../src/analysis/headline.ts';
import { ModelError } from '../../src/core/errors.ts';
import { DEFAULT_SEED } from '../../src/core/rng.ts';
import { listModels } from '../../src/models/registry.ts';
import { checkScenario } from './validate-object.ts';
import { serveLatest } from './serve-latest.ts';
import type { WhatIfReply, WhatIfRequest } from './whatif-types.ts';

/**
 * Draws behind the live coalition answer: the CLI's and the server's number, so the what-if's
 * P(commit) is theirs (≈ 15 ms on the built-in: the models dominate).
 */
const WHATIF_COALITION_DRAWS = COALITION_DRAWS;

serveLatest(handle, (id) => reply({ id, kind: 'superseded' }));

function reply(r: WhatIfReply): void {
  (self as unknown as Worker).postMessage(r);
}

function handle(req: WhatIfRequest): void {
  const t0 = performance.now();
  const checked = checkScenario(req.scenario);
  if (!checked.ok)
    return reply({
      id: req.id,
      kind: 'invalid',
      problems: checked.problems,
      ms: performance.now() - t0,
    });
  const models = listModels().filter((m) => !req.models || req.models.includes(m.id));
  try {
    const result = runForecast(
      checked.scenario,
      models.map((m) => ({ model: m, options: { ...(m.defaults as Record<string, unknown>) } })),
      {
        seed: req.seed ?? DEFAULT_SEED,
        trace: true,
        coalitionDraws: req.coalitionDraws ?? WHATIF_COALITION_DRAWS,
      },
    );
    reply({
      id: req.id,
      kind: 'result',
      result,
      headline: forecastHeadline(result),
      warnings: checked.warnings,
      ms: performance.now() - t0,
    });
  } catch (err) {
    const message =
      err instanceof ModelError
        ? `model error: ${err.message}`
        : String((err as Error).message ?? err);
    reply({
      id: req.id,
      kind: 'error',
      message,
      warnings: checked.warnings,
      ms: performance.now() - t0,
    });
  }
}
