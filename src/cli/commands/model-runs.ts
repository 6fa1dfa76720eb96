/** Which models a command runs, with which options: `--model`, `--option`, `--<model>-option`. */
import type { ModelRun } from '../../analysis/forecast.ts';
import { InputError } from '../../core/errors.ts';
import { LIMITS, currentLimits } from '../../core/limits.ts';
import { io } from '../io.ts';
import { optionsFromText } from '../../models/options.ts';
import { defaultModelIds, getModel, listModels } from '../../models/registry.ts';
import { optionFlagPath, splitList, splitOptionPairs } from '../program/options.ts';

/**
 * Resolves `--model` and the `--option MODEL.KEY=VALUE` / `--<model>-option KEY=VALUE` flags.
 * With `actors` (the scenario's count) and no `--model`, the SMP is left out of the default
 * models, with a note, when the scenario has more actors than its limit (core/limits.ts); named
 * with `--model`, the SMP refuses such a scenario itself.
 */
export function resolveModelRuns(
  flags: {
    model: string[];
    option: string[];
    [k: string]: unknown;
  },
  actors?: number,
): ModelRun[] {
  let ids = flags.model.length ? flags.model.flatMap(splitList) : defaultModelIds();
  const smpLimit = currentLimits().smpActors;
  if (!flags.model.length && actors !== undefined && actors > smpLimit) {
    ids = ids.filter((id) => id !== 'smp');
    io.err(
      `note: the SMP is left out: ${actors.toLocaleString('en-US')} actors is more than its limit of ${smpLimit.toLocaleString('en-US')} (its work grows as actors³ per turn; raise the limit with ${LIMITS.smpActors.env}=N)`,
    );
  }
  const runs = [...new Set(ids)].map((id) => ({
    model: getModel(id, '--model'),
    pairs: [] as string[],
  }));
  for (const opt of flags.option) {
    const dot = opt.indexOf('.');
    const eq = opt.indexOf('=');
    if (dot <= 0 || (eq >= 0 && eq < dot)) {
      throw new InputError({
        path: '--option',
        message: `"${opt}" is not MODEL.KEY=VALUE (e.g. eum.rounds=20)`,
      });
    }
    const id = opt.slice(0, dot);
    const run = runs.find((r) => r.model.id === id);
    if (!run)
      throw new InputError({
        path: '--option',
        message: `"${opt}" names model "${id}", which is not being run (--model)`,
      });
    run.pairs.push(opt.slice(dot + 1));
  }
  for (const model of listModels()) {
    const pairs = flags[`${camel(model.id)}Option`] as string[] | undefined;
    if (!pairs?.length) continue;
    const run = runs.find((r) => r.model.id === model.id);
    if (!run)
      throw new InputError({
        path: `--${model.id}-option`,
        message: `model "${model.id}" is not being run (--model)`,
      });
    run.pairs.push(...pairs);
  }
  return runs.map((r) => ({
    model: r.model,
    options: optionsFromText(r.model, splitOptionPairs(r.pairs), optionFlagPath),
  }));
}

function camel(id: string): string {
  return id.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
