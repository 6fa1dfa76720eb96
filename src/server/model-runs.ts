/**
 * `models: [{ id, options }]` from a request → the runs `runForecast` takes: each model's JSON
 * options validated by its own schema (`models/options.ts`), problems at the request's field
 * (`models[i].id`, `models[i].options.KEY`).
 */
import { assertBargained } from '../core/compile.ts';
import type { ModelRun } from '../analysis/forecast.ts';
import { InputError } from '../core/errors.ts';
import type { Scenario } from '../core/scenario.ts';
import { resolveOptions } from '../models/options.ts';
import { defaultModelIds, getModel } from '../models/registry.ts';
import { smpOverLimit } from '../models/smp/index.ts';

export interface ModelRequest {
  readonly id: string;
  readonly options?: Record<string, unknown> | undefined;
}

export function modelRunsFromRequest(
  models: readonly ModelRequest[] | undefined,
  /** With the scenario, a model over its actor limit is refused here, before any model runs. */
  scenario?: Scenario,
): ModelRun[] {
  const list: readonly ModelRequest[] = models?.length
    ? models
    : defaultModelIds().map((id) => ({ id }));
  const seen = new Set<string>();
  return list.map((m, i) => {
    const where = `models[${i}]`;
    if (seen.has(m.id))
      throw new InputError({ path: `${where}.id`, message: `model "${m.id}" is listed twice` });
    seen.add(m.id);
    const model = getModel(m.id, `${where}.id`);
    // The SMP checks its limit itself, but only once the models before it have run (seconds
    // of a worker for a request that will be refused): the same refusal, before any work.
    const over = model.id === 'smp' && scenario ? smpOverLimit(scenario.actors.length) : undefined;
    if (over)
      throw new InputError({
        path: models?.length ? `${where}.id` : 'models',
        message: `${over}${models?.length ? '' : ' (it is one of the default models: name the models to run)'}`,
      });
    const options = resolveOptions(model, m.options ?? {}, (key) =>
      key === undefined ? `${where}.options` : `${where}.options.${key}`,
    );
    return { model, options };
  });
}

/** Checks `issues` against the scenario; returns them (or undefined for all). */
export function checkIssueIds(
  scenario: Scenario,
  issues: readonly string[] | undefined,
): string[] | undefined {
  if (!issues?.length) return undefined;
  const known = scenario.issues.map((i) => i.id);
  const problems = issues.flatMap((id, i) =>
    known.includes(id)
      ? []
      : [{ path: `issues[${i}]`, message: `unknown issue "${id}"; issues: ${known.join(', ')}` }],
  );
  if (problems.length) throw new InputError(problems);
  assertBargained(
    scenario,
    issues.map((id) => scenario.issues.find((i) => i.id === id)!),
  );
  return [...issues];
}
