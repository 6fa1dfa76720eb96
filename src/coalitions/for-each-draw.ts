/**
 * Draws over a scenario's ranges for the coalition analyses, with the project's Monte Carlo
 * sampler (src/analysis/uncertainty: triangular by default, uniform or PERT, optional correlation
 * within an actor): compile the issue and the coalition once; per draw, draw the scenario's inputs
 * into the numeric input in place, then the coalition block's ranged numbers (measure-slots.ts), and
 * hand the same typed arrays to `visit`. One stream of `seed`, so results are reproducible. The
 * analyses are pure functions of (NumericInput, CoalitionInput), so they could equally run inside
 * the Monte Carlo's chunks.
 */
import { applyValues, bindInputs } from '../analysis/uncertainty/input-space.ts';
import { scenarioInputs } from '../analysis/uncertainty/inputs.ts';
import {
  SAMPLING_DEFAULTS,
  Sampler,
  type SamplingOptions,
} from '../analysis/uncertainty/sampler.ts';
import { compileScenario } from '../core/compile.ts';
import type { NumericInput } from '../core/numeric-input.ts';
import { createRng } from '../core/rng.ts';
import type { Scenario } from '../core/scenario.ts';
import { type CoalitionInput, type CoalitionSpec, compileCoalition } from './coalition-input.ts';
import { slotSpace } from './measure-slots.ts';

export interface DrawOptions {
  readonly draws: number;
  readonly seed: number;
  /** Distribution and within-actor correlation (default: triangular, 0). */
  readonly sampling?: SamplingOptions;
}

/** Runs `visit` on `draws` draws; returns the number of ranged inputs drawn. */
export function forEachDraw(
  s: Scenario,
  spec: CoalitionSpec,
  opts: DrawOptions,
  visit: (input: NumericInput, coalition: CoalitionInput) => void,
): number {
  const input = compileScenario(s, [spec.issue]);
  const { coalition, slots } = compileCoalition(s, input, spec);
  const sampling = opts.sampling ?? SAMPLING_DEFAULTS;
  const space = bindInputs(scenarioInputs(s, [spec.issue]), input);
  const inputs = new Sampler(space, sampling);
  const values = new Float64Array(space.k);
  const extra = slotSpace(slots);
  const extras = new Sampler(extra, { ...sampling, correlation: 0 });
  const extraValues = new Float64Array(extra.k);
  const rng = createRng(opts.seed, 0);
  for (let t = 0; t < opts.draws; t++) {
    inputs.draw(rng, values);
    applyValues(input, space, values);
    extras.draw(rng, extraValues);
    slots.forEach((slot, j) => slot.write(extraValues[j]!));
    visit(input, coalition);
  }
  let ranged = 0;
  for (const sp of [space, extra])
    for (let j = 0; j < sp.k; j++) if (sp.high[j]! > sp.low[j]!) ranged++;
  return ranged;
}
