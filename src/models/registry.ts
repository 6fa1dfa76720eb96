/**
 * Every model Entente can run, by id. Shells look models up here; the contract suite runs over
 * all of them.
 */
import { InputError } from '../core/errors.ts';
import { compromise } from './compromise.ts';
import { ensemble } from './ensemble.ts';
import { eum } from './eum/eum.ts';
import { median } from './median.ts';
import type { AnyModel } from './model.ts';
import { nash } from './nash.ts';
import { smp } from './smp/smp.ts';

const MODELS: readonly AnyModel[] = [compromise, median, nash, eum, smp, ensemble];

export function listModels(): readonly AnyModel[] {
  return MODELS;
}

/** The models run when none is named: every registered model. */
export function defaultModelIds(): string[] {
  return MODELS.map((m) => m.id);
}

/**
 * The model with this id, or an {@link InputError} at `path` (where the caller took the id from:
 * the CLI says `--model`, the server `models[i].id`) listing the models.
 */
export function getModel(id: string, path = 'model'): AnyModel {
  const model = MODELS.find((m) => m.id === id);
  if (!model) {
    throw new InputError({
      path,
      message: `unknown model "${id}"; models: ${MODELS.map((m) => m.id).join(', ')}`,
    });
  }
  return model;
}
