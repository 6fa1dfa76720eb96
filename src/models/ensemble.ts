/**
 * The ensemble: a stacked forecaster fitted on real EU decisions (DEU III training file) by
 * proposal-grouped nested cross-validation (`src/analysis/backtest/stacking.ts`,
 * `docs/backtest.md`). Its forecast on an issue is a convex combination of a few simple
 * component forecasts,
 *
 *   f = Σ_j w_j g_j,  w_j ≥ 0, Σ_j w_j = 1  (stacking with non-negative weights; Breiman 1996),
 *
 * whose components all use the actor weights v_i = c_i^α s_i^β (α, β chosen by the inner CV):
 * - `mean` — Σ v_i x_i / Σ v_i (the compromise model of Achen 2006 with exponents);
 * - `median` — the v-weighted median (lowest on ties);
 * - `nash` — the asymmetric Nash bargaining solution with bargaining weights c_i^α, disagreement
 *   at the reference point when there is one (`nash.ts`);
 * - `commission`, `parliament` — the position of the actor whose id is the spec's Commission
 *   (`com`) or Parliament (`ep`) id, when it takes part with v > 0; otherwise `mean` (so the
 *   component is inert in scenarios without those actors);
 * - `reference` — the issue's reference point (status quo), `mean` when it has none;
 * - `midpoint` — the middle of the scale (shrinkage towards it).
 *
 * A convex combination of forecasts within the scale is within the scale; every component is
 * invariant to actor order and to scaling all capabilities (c^α rescales v uniformly; an actor
 * with c = 0 or s = 0 has v = 0 even when α or β is 0), so the ensemble meets the whole model
 * contract. The fitted spec is a small versioned JSON (`src/analysis/backtest/ensemble.json`).
 */
import { z } from 'zod';
import shipped from '../analysis/backtest/ensemble.json' with { type: 'json' };
import { ModelError } from '../core/errors.ts';
import { type IssueView, type NumericInput, makeNumericInput } from '../core/numeric-input.ts';
import { createRng } from '../core/rng.ts';
import { weightedMedian } from '../core/weighted-median.ts';
import { type Model, defineModel } from './model.ts';
import { NASH_DEFAULTS, nash } from './nash.ts';
import { runPerIssue } from './per-issue.ts';

export const ENSEMBLE_COMPONENTS = [
  'mean',
  'median',
  'nash',
  'commission',
  'parliament',
  'reference',
  'midpoint',
] as const;
export type EnsembleComponent = (typeof ENSEMBLE_COMPONENTS)[number];

/** The saved, fitted ensemble. `version` changes whenever the meaning of a field changes. */
export interface EnsembleSpec {
  readonly format: 'entente-ensemble';
  readonly version: 1;
  /** Component → weight (non-negative, summing to 1). Components left out weigh 0. */
  readonly weights: Readonly<Partial<Record<EnsembleComponent, number>>>;
  /** α in v = c^α s^β (0: capabilities ignored). */
  readonly capabilityExponent: number;
  /** β in v = c^α s^β (0: saliences ignored except that s = 0 stays inert). */
  readonly salienceExponent: number;
  /** Actor ids of the Commission and the Parliament (DEU: `com`, `ep`). */
  readonly institutions: { readonly commission: string; readonly parliament: string };
  /** Capability rule the DEU inputs were built with when fitting (the backtest uses it too). */
  readonly capability: 'equal' | 'council-votes' | 'none';
  /**
   * Quantiles (0%, 5%, …, 100%) of the out-of-fold residuals outcome − forecast: the forecast plus
   * these, clamped to the scale, is the ensemble's predictive distribution (for CRPS and intervals).
   */
  readonly residualQuantiles: readonly number[];
  /** How, and on what, it was fitted (provenance only; not read by the model). */
  readonly fit: Readonly<Record<string, unknown>>;
}

/** Checks a parsed JSON value is a usable spec; returns the problems (empty when fine). */
export function ensembleSpecProblems(value: unknown): string[] {
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null) return ['expected a JSON object'];
  const v = value as Record<string, unknown>;
  if (v.format !== 'entente-ensemble') problems.push('format: expected "entente-ensemble"');
  if (v.version !== 1) problems.push(`version: ${String(v.version)} is not supported (expected 1)`);
  const weights = v.weights as Record<string, unknown> | undefined;
  if (typeof weights !== 'object' || weights === null) problems.push('weights: expected an object');
  else {
    let sum = 0;
    for (const [k, w] of Object.entries(weights)) {
      if (!(ENSEMBLE_COMPONENTS as readonly string[]).includes(k)) {
        problems.push(`weights.${k}: unknown component (${ENSEMBLE_COMPONENTS.join(', ')})`);
      } else if (typeof w !== 'number' || !(w >= 0)) {
        problems.push(`weights.${k}: expected a number ≥ 0`);
      } else sum += w;
    }
    if (Math.abs(sum - 1) > 1e-6) problems.push(`weights: sum to ${sum}, expected 1`);
  }
  for (const key of ['capabilityExponent', 'salienceExponent'] as const) {
    const x = v[key];
    if (typeof x !== 'number' || !(x >= 0) || x > 4) problems.push(`${key}: expected 0..4`);
  }
  const inst = v.institutions as Record<string, unknown> | undefined;
  if (typeof inst?.commission !== 'string' || typeof inst.parliament !== 'string') {
    problems.push('institutions: expected { commission, parliament } actor ids');
  }
  if (!['equal', 'council-votes', 'none'].includes(v.capability as string)) {
    problems.push('capability: expected equal, council-votes or none');
  }
  const q = v.residualQuantiles;
  if (!Array.isArray(q) || q.length < 2 || !q.every((x) => typeof x === 'number')) {
    problems.push('residualQuantiles: expected an array of numbers');
  }
  return problems;
}

/** Actor weights v_i = c_i^α s_i^β, zero whenever c_i or s_i is zero. */
function actorWeights(v: IssueView, alpha: number, beta: number, out: Float64Array): number {
  let total = 0;
  for (let j = 0; j < v.m; j++) {
    const c = v.capability[j]!;
    const s = v.salience[j]!;
    const w = c > 0 && s > 0 ? Math.pow(c, alpha) * Math.pow(s, beta) : 0;
    out[j] = w;
    total += w;
  }
  return total;
}

/**
 * Every component's forecast on every issue of `input`, row-major d × components (in
 * {@link ENSEMBLE_COMPONENTS} order). Throws a ModelError when an issue has no weight at all.
 */
export function ensembleComponents(
  input: NumericInput,
  spec: Pick<EnsembleSpec, 'capabilityExponent' | 'salienceExponent' | 'institutions'>,
): Float64Array {
  const M = ENSEMBLE_COMPONENTS.length;
  const out = new Float64Array(input.d * M);
  const alpha = spec.capabilityExponent;
  const beta = spec.salienceExponent;
  // Nash with bargaining weights c^α (0 stays 0), run once over all issues.
  const nashInput = makeNumericInput({
    ...input,
    capability: input.capability.map((c) => (c > 0 ? Math.pow(c, alpha) : 0)),
  });
  let nashForecast: Float64Array;
  try {
    // Nash is deterministic; the generator is never drawn from.
    nashForecast = nash.run(nashInput, NASH_DEFAULTS, { rng: createRng(0), trace: false }).forecast;
  } catch (err) {
    if (err instanceof ModelError) throw new ModelError(err.message, 'ensemble');
    throw err;
  }
  const idOf = input.actorIds;
  runPerIssue('ensemble', input, (v, _warnings, issueId) => {
    const w = new Float64Array(v.m);
    const total = actorWeights(v, alpha, beta, w);
    if (!(total > 0)) {
      throw new ModelError(`every actor on issue "${issueId}" has zero weight`, 'ensemble');
    }
    let num = 0;
    let com = NaN;
    let ep = NaN;
    for (let j = 0; j < v.m; j++) {
      num += w[j]! * v.position[j]!;
      if (w[j]! > 0) {
        const id = idOf[v.index[j]!];
        if (id === spec.institutions.commission) com = v.position[j]!;
        else if (id === spec.institutions.parliament) ep = v.position[j]!;
      }
    }
    const mean = num / total;
    const row = v.k * M;
    out[row] = mean;
    out[row + 1] = weightedMedian(v.position, w, v.m);
    out[row + 2] = nashForecast[v.k]!;
    out[row + 3] = Number.isNaN(com) ? mean : com;
    out[row + 4] = Number.isNaN(ep) ? mean : ep;
    out[row + 5] = Number.isNaN(v.reference) ? mean : v.reference;
    out[row + 6] = (v.min + v.max) / 2;
    return mean;
  });
  return out;
}

/** A registry model from a spec (the shipped one, or one read with `--ensemble FILE`). */
export function createEnsembleModel(spec: EnsembleSpec): Model<Record<string, never>> & {
  readonly spec: EnsembleSpec;
} {
  const problems = ensembleSpecProblems(spec);
  const weights = Float64Array.from(ENSEMBLE_COMPONENTS, (c) => spec.weights[c] ?? 0);
  const alpha = spec.capabilityExponent;
  const beta = spec.salienceExponent;
  const shown = ENSEMBLE_COMPONENTS.flatMap((c, j) =>
    weights[j]! > 0 ? [`${(weights[j]! * 100).toFixed(0)}% ${c}`] : [],
  ).join(' + ');
  return {
    ...defineModel({
      id: 'ensemble',
      name: 'Ensemble (stacked, fitted on DEU III)',
      summary: `A convex combination of simple forecasts fitted out of sample on EU decisions: ${shown} (actor weights c^${alpha}·s^${beta}).`,
      citation:
        'Breiman (1996), "Stacked regressions"; fitted on DEU III (Arregui & Perarnaud 2021) training proposals; components after Achen (2006) and Thomson et al. (2006).',
      multiIssue: false,
      optionsSchema: z.object({}).strict(),
      run(input) {
        if (problems.length) {
          throw new ModelError(`the ensemble spec is unusable: ${problems.join('; ')}`, 'ensemble');
        }
        const M = ENSEMBLE_COMPONENTS.length;
        const g = ensembleComponents(input, spec);
        const forecast = new Float64Array(input.d);
        for (let k = 0; k < input.d; k++) {
          let f = 0;
          for (let j = 0; j < M; j++) f += weights[j]! * g[k * M + j]!;
          forecast[k] = Math.min(input.scaleMax[k]!, Math.max(input.scaleMin[k]!, f));
        }
        return {
          forecast,
          finalPositions: input.position.slice(),
          rounds: 0,
          converged: true,
          warnings: [],
        };
      },
    }),
    spec,
  };
}

/** The ensemble shipped with Entente (fitted by `entente backtest --fit` on deu3_train.csv). */
export const ensemble = createEnsembleModel(shipped as unknown as EnsembleSpec);
