/**
 * The Variants view's engine: a Web Worker of its own (so the what-if never waits for it) that
 * applies the draft's variants and compares them with the base through the CLI's code —
 * `compareInputs` and `compareScenarios` (src/analysis/compare*.ts) with `entente compare`'s
 * defaults (every default model, the default seed, P(commits) over 500 draws of the commitment
 * terms, no draws of the bargaining inputs) — so the numbers on screen are `entente compare`'s.
 * Only the latest request matters: older ones still queued are answered as superseded.
 */
import { compareScenarios } from '../../src/analysis/compare.ts';
import { compareInputs } from '../../src/analysis/compare-inputs.ts';
import { COALITION_DRAWS } from '../../src/analysis/forecast.ts';
import { InputError, ModelError } from '../../src/core/errors.ts';
import { DEFAULT_SEED } from '../../src/core/rng.ts';
import { defaultModelIds, getModel } from '../../src/models/registry.ts';
import { serveLatest } from './serve-latest.ts';
import type { CompareReply, CompareRequest } from './compare-types.ts';
import { checkScenario } from './validate-object.ts';

serveLatest(handle, (id) => reply({ id, kind: 'superseded' }));

function reply(r: CompareReply): void {
  (self as unknown as Worker).postMessage(r);
}

function handle(req: CompareRequest): void {
  const t0 = performance.now();
  const checked = checkScenario(req.scenario);
  if (!checked.ok)
    return reply({
      id: req.id,
      kind: 'error',
      message: `the scenario has problems (see the Editor): ${checked.problems
        .slice(0, 3)
        .map((p) => `${p.path}: ${p.message}`)
        .join('; ')}`,
      ms: performance.now() - t0,
    });
  try {
    const inputs = compareInputs(checked.scenario, { variants: req.variants });
    const result = compareScenarios(inputs, {
      models: defaultModelIds().map((id) => {
        const model = getModel(id);
        return { model, options: { ...(model.defaults as Record<string, unknown>) } };
      }),
      seed: req.seed ?? DEFAULT_SEED,
      draws: 0,
      commitmentDraws: COALITION_DRAWS,
    });
    reply({ id: req.id, kind: 'result', result, ms: performance.now() - t0 });
  } catch (err) {
    const message =
      err instanceof InputError
        ? err.problems.map((p) => `${p.path}: ${p.message}`).join('; ')
        : err instanceof ModelError
          ? `model error: ${err.message}`
          : String((err as Error).message ?? err);
    reply({ id: req.id, kind: 'error', message, ms: performance.now() - t0 });
  }
}
