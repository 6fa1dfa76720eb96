/**
 * Runs every model of a job once on the current input and writes the outputs a sensitivity
 * analysis looks at: per model m and issue k, the outcome (o = (m·d + k)·2) and whether it reaches
 * the threshold (o + 1: 1 or 0; 0 when the issue has none). A model error marks the
 * model's outputs invalid instead of stopping the analysis.
 */
import { ModelError } from '../../core/errors.ts';
import type { NumericInput } from '../../core/numeric-input.ts';
import type { Rng } from '../../core/rng.ts';
import type { AnyModel } from '../../models/model.ts';

export interface Evaluator {
  readonly models: readonly AnyModel[];
  readonly options: readonly Record<string, unknown>[];
  readonly contexts: readonly { rng: Rng; trace: false }[];
  /** First model error per model, '' if none. */
  readonly errors: string[];
}

/** Outputs per evaluation: M · d · 2. */
export function outputCount(models: number, d: number): number {
  return models * d * 2;
}

/** Evaluates into `out` (length M·d·2); sets `valid[o]` to 0 for outputs of failed models. */
export function evaluate(
  ev: Evaluator,
  input: NumericInput,
  out: Float64Array,
  valid: Uint8Array,
): void {
  const d = input.d;
  for (let m = 0; m < ev.models.length; m++) {
    let forecast: Float64Array;
    try {
      forecast = ev.models[m]!.run(input, ev.options[m]!, ev.contexts[m]!).forecast;
    } catch (err) {
      if (!(err instanceof ModelError)) throw err;
      if (!ev.errors[m]) ev.errors[m] = err.message;
      for (let o = m * d * 2; o < (m + 1) * d * 2; o++) {
        out[o] = NaN;
        valid[o] = 0;
      }
      continue;
    }
    for (let k = 0; k < d; k++) {
      const o = (m * d + k) * 2;
      const x = forecast[k]!;
      out[o] = x;
      out[o + 1] = x >= input.threshold[k]! ? 1 : 0;
      if (Number.isNaN(x)) valid[o] = valid[o + 1] = 0;
    }
  }
}
