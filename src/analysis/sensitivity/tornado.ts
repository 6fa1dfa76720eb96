/**
 * One-at-a-time sensitivity ("tornado"): each ranged input is set to its low and then its high
 * value, every other input at its point value, and each model is re-run. The bar of an input is
 * the outcome at low and at high; bars are sorted by their length (the swing). Cheap (2k + 1 runs
 * per model) and easy to read, but blind to interactions — Sobol's total indices see those.
 */
import { compileScenario } from '../../core/compile.ts';
import type { Scenario } from '../../core/scenario.ts';
import type { ModelRun } from '../forecast.ts';
import { modelRng } from '../monte-carlo/model-rng.ts';
import { type ResultModel, type ScenarioRef, scenarioRef } from '../monte-carlo/summarize.ts';
import { applyValue, bindInputs, cloneInput } from '../uncertainty/input-space.ts';
import { type UncertainInput, uncertainInputs } from '../uncertainty/inputs.ts';
import { VERSION } from '../../version.ts';
import { type Evaluator, evaluate, outputCount } from './evaluate.ts';

export interface TornadoBar {
  /** Input label, e.g. `korea-gov.coalition.salience`. */
  readonly input: string;
  /** The input's low and high values (file units). */
  readonly low: number;
  readonly high: number;
  /** The outcome with the input at low / at high (null if the model failed there). */
  readonly atLow: number | null;
  readonly atHigh: number | null;
  /** |atHigh − atLow|. */
  readonly swing: number;
  /** True when moving the input across its range moves the outcome across the threshold. */
  readonly crossesThreshold: boolean;
}

export interface TornadoResult {
  readonly entente: string;
  readonly kind: 'sensitivity';
  readonly method: 'tornado';
  readonly scenario: ScenarioRef;
  readonly seed: number;
  /** Model runs per model: 1 + 2 × inputs. */
  readonly runs: number;
  readonly models: (ResultModel & { firstError: string | null })[];
  readonly inputs: readonly UncertainInput[];
  readonly issues: {
    id: string;
    name: string;
    scale: { min: number; max: number };
    threshold: { value: number; label: string } | null;
    /** Model id → the outcome at the point values and the bars, longest first. */
    models: Record<string, { base: number | null; bars: TornadoBar[] }>;
  }[];
}

export function runTornado(
  scenario: Scenario,
  runs: readonly ModelRun[],
  opts: { seed: number; issueIds?: readonly string[] },
): TornadoResult {
  const input = compileScenario(scenario, opts.issueIds);
  const inputs = uncertainInputs(scenario, opts.issueIds);
  const space = bindInputs(inputs, input);
  const { d } = input;
  const M = runs.length;
  const O = outputCount(M, d);
  const ev: Evaluator = {
    models: runs.map((r) => r.model),
    options: runs.map((r) => r.options),
    contexts: runs.map((r) => ({ rng: modelRng(opts.seed, r.model.id, 0), trace: false })),
    errors: runs.map(() => ''),
  };
  const work = cloneInput(input);
  const base = new Float64Array(O);
  const valid = new Uint8Array(O).fill(1);
  evaluate(ev, work, base, valid);
  const lows = inputs.map(() => new Float64Array(O));
  const highs = inputs.map(() => new Float64Array(O));
  inputs.forEach((x, j) => {
    applyValue(work, space, j, x.low);
    evaluate(ev, work, lows[j]!, valid);
    applyValue(work, space, j, x.high);
    evaluate(ev, work, highs[j]!, valid);
    applyValue(work, space, j, x.mode);
  });
  const num = (v: number) => (Number.isNaN(v) ? null : v);
  const issues = input.issueIds.map((id) => scenario.issues.find((i) => i.id === id)!);
  return {
    entente: VERSION,
    kind: 'sensitivity',
    method: 'tornado',
    scenario: scenarioRef(scenario),
    seed: opts.seed,
    runs: 1 + 2 * inputs.length,
    models: runs.map((r, m) => ({
      id: r.model.id,
      name: r.model.name,
      options: r.options,
      firstError: ev.errors[m] || null,
    })),
    inputs,
    issues: issues.map((issue, k) => {
      const models: Record<string, { base: number | null; bars: TornadoBar[] }> = {};
      runs.forEach((r, m) => {
        const o = (m * d + k) * 2;
        const t = issue.threshold?.value;
        const bars = inputs.map((x, j): TornadoBar => {
          const lo = lows[j]![o]!;
          const hi = highs[j]![o]!;
          const b = base[o]!;
          const side = (v: number) => (t === undefined || Number.isNaN(v) ? 0 : v >= t ? 1 : -1);
          const sides = new Set([side(lo), side(hi), side(b)].filter((s) => s !== 0));
          return {
            input: x.id,
            low: x.low,
            high: x.high,
            atLow: num(lo),
            atHigh: num(hi),
            swing: Number.isNaN(lo) || Number.isNaN(hi) ? 0 : Math.abs(hi - lo),
            crossesThreshold: sides.size > 1,
          };
        });
        // Longest first; ties keep the inputs' order (Array.prototype.sort is stable).
        bars.sort((a, b) => b.swing - a.swing);
        models[r.model.id] = { base: num(base[o]!), bars };
      });
      return {
        id: issue.id,
        name: issue.name,
        scale: { min: issue.scale.min, max: issue.scale.max },
        threshold: issue.threshold ?? null,
        models,
      };
    }),
  };
}
