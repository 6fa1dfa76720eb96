/**
 * `models: [{ id, options }]` from a request → the runs `runForecast` takes, through the same
 * option parser as the CLI's `--option`, with problems pointing at the request's field.
 */
import { assertBargained } from '../core/compile.ts';
import type { ModelRun } from '../analysis/forecast.ts';
import { InputError } from '../core/errors.ts';
import type { Scenario } from '../core/scenario.ts';
import { parseModelOptions } from '../models/options.ts';
import { defaultModelIds, getModel } from '../models/registry.ts';

export interface ModelRequest {
  readonly id: string;
  readonly options?: Record<string, string | number | boolean | null> | undefined;
}

export function modelRunsFromRequest(models: readonly ModelRequest[] | undefined): ModelRun[] {
  const list: readonly ModelRequest[] = models?.length
    ? models
    : defaultModelIds().map((id) => ({ id }));
  const seen = new Set<string>();
  return list.map((m, i) => {
    const where = `models[${i}]`;
    if (seen.has(m.id))
      throw new InputError({ path: `${where}.id`, message: `model "${m.id}" is listed twice` });
    seen.add(m.id);
    try {
      const model = getModel(m.id);
      const pairs = Object.entries(m.options ?? {}).map(
        ([k, v]) => `${k}=${v === null ? 'null' : String(v)}`,
      );
      return { model, options: parseModelOptions(model, pairs) };
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      throw new InputError(
        err.problems.map((p) => ({
          path:
            p.path === '--model'
              ? `${where}.id`
              : `${where}.options${p.path.replace(/^--option ?/, '.').replace(/\.$/, '')}`,
          message: p.message,
        })),
      );
    }
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
