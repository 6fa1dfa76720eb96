/**
 * Fitting the ensemble (src/models/ensemble.ts) by proposal-grouped nested cross-validation.
 *
 * - The ensemble's free parameters: the component weights (non-negative, summing to one, fitted
 *   by least absolute deviations, `convex-lad.ts`) and two hyper-parameters, the capability and
 *   salience exponents (α, β) of the actor weights c^α s^β, chosen from a small grid.
 * - Inner CV (on a training set only): for every grid point, out-of-fold MAE of weights fitted on
 *   the other inner folds; the grid point with the lowest inner MAE wins (ties: first in grid
 *   order); the weights are then refitted on the whole training set at that point.
 * - Outer CV: the whole inner procedure runs on each outer training set and forecasts the held-out
 *   outer fold, so the out-of-fold MAE is an honest estimate of the procedure on new proposals.
 * - The saved ensemble is the inner procedure run once on all the data.
 *
 * Folds are by proposal (`folds.ts`): issues of one proposal are never split. Pure and seeded.
 */
import type { NumericInput } from '../../core/numeric-input.ts';
import {
  ENSEMBLE_COMPONENTS,
  type EnsembleComponent,
  type EnsembleSpec,
  ensembleComponents,
} from '../../models/ensemble.ts';
import { fitConvexLad } from './convex-lad.ts';
import { groupFolds } from './folds.ts';
import { quantileSorted, sortedCopy } from './quantile.ts';

export interface Hyper {
  readonly capabilityExponent: number;
  readonly salienceExponent: number;
}

/** The default grid: α ∈ {0, ½, 1} × β ∈ {½, 1, 2}. Small on purpose (250 issues). */
export const DEFAULT_GRID: readonly Hyper[] = [0, 0.5, 1].flatMap((a) =>
  [0.5, 1, 2].map((b) => ({ capabilityExponent: a, salienceExponent: b })),
);

export interface StackingData {
  /** One single-issue input per scoreable issue. */
  readonly inputs: readonly NumericInput[];
  readonly outcomes: Float64Array;
  /** Proposal id of each issue (the CV groups). */
  readonly groups: readonly string[];
}

export interface StackingOptions {
  readonly grid?: readonly Hyper[];
  readonly outerFolds?: number;
  readonly innerFolds?: number;
  readonly seed: number;
  readonly institutions?: EnsembleSpec['institutions'];
  /** Components allowed a weight (default all). */
  readonly components?: readonly EnsembleComponent[];
}

/** Component forecasts of every issue at one grid point: n × |components|, row-major. */
export function componentMatrix(
  data: StackingData,
  hyper: Hyper,
  institutions: EnsembleSpec['institutions'],
  components: readonly EnsembleComponent[],
): Float64Array {
  const cols = components.map((c) => ENSEMBLE_COMPONENTS.indexOf(c));
  const X = new Float64Array(data.inputs.length * cols.length);
  data.inputs.forEach((input, i) => {
    const g = ensembleComponents(input, { ...hyper, institutions });
    cols.forEach((c, j) => (X[i * cols.length + j] = g[c]!));
  });
  return X;
}

interface Choice {
  readonly grid: number;
  readonly weights: Float64Array;
  /** Inner out-of-fold MAE of every grid point. */
  readonly innerMae: number[];
}

/** The inner procedure on `rows`: choose the grid point by inner CV, refit the weights on all rows. */
function innerChoice(
  matrices: readonly Float64Array[],
  y: Float64Array,
  m: number,
  rows: Int32Array,
  groups: readonly string[],
  innerFolds: number,
  seed: number,
): Choice {
  const folds = groupFolds(
    Array.from(rows, (r) => groups[r]!),
    innerFolds,
    seed,
  );
  const k = Math.max(...folds) + 1;
  const innerMae = matrices.map((X) => {
    let sum = 0;
    for (let f = 0; f < k; f++) {
      const train = rows.filter((_, i) => folds[i] !== f);
      const test = rows.filter((_, i) => folds[i] === f);
      const w = fitConvexLad(X, y, m, train).weights;
      for (const r of test) sum += Math.abs(y[r]! - dot(X, r, m, w));
    }
    return sum / rows.length;
  });
  let best = 0;
  innerMae.forEach((v, g) => {
    if (v < innerMae[best]! - 1e-12) best = g;
  });
  return { grid: best, weights: fitConvexLad(matrices[best]!, y, m, rows).weights, innerMae };
}

function dot(X: Float64Array, r: number, m: number, w: Float64Array): number {
  let f = 0;
  for (let j = 0; j < m; j++) f += X[r * m + j]! * w[j]!;
  return f;
}

export interface OuterFold {
  readonly fold: number;
  readonly issues: number;
  readonly hyper: Hyper;
  readonly weights: Partial<Record<EnsembleComponent, number>>;
  readonly innerMae: number[];
}

export interface NestedCvResult {
  /** Out-of-fold forecast of every issue (by the model fitted without its fold). */
  readonly oof: Float64Array;
  /** Outer fold of every issue. */
  readonly folds: Int32Array;
  readonly outer: readonly OuterFold[];
  /** MAE of the out-of-fold forecasts. */
  readonly oofMae: number;
}

export interface FittedEnsemble {
  readonly hyper: Hyper;
  readonly weights: Partial<Record<EnsembleComponent, number>>;
  readonly innerMae: number[];
}

function resolved(opts: StackingOptions) {
  return {
    grid: opts.grid ?? DEFAULT_GRID,
    outerFolds: opts.outerFolds ?? 10,
    innerFolds: opts.innerFolds ?? 5,
    seed: opts.seed,
    institutions: opts.institutions ?? { commission: 'com', parliament: 'ep' },
    components: opts.components ?? ENSEMBLE_COMPONENTS,
  };
}

function weightRecord(components: readonly EnsembleComponent[], w: Float64Array) {
  const out: Partial<Record<EnsembleComponent, number>> = {};
  components.forEach((c, j) => {
    // Rounded to 1e-6 for a readable JSON; renormalised so the weights still sum to one.
    if (w[j]! > 5e-7) out[c] = w[j]!;
  });
  const sum = Object.values(out).reduce((a, b) => a + b, 0);
  for (const c of Object.keys(out) as EnsembleComponent[]) out[c] = round6(out[c]! / sum);
  return out;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/**
 * Nested CV: outer folds by proposal; within each outer training set the inner procedure chooses
 * (α, β) and fits the weights; the held-out fold is forecast. Returns the out-of-fold forecasts.
 */
export function nestedCv(data: StackingData, options: StackingOptions): NestedCvResult {
  const o = resolved(options);
  const m = o.components.length;
  const matrices = o.grid.map((h) => componentMatrix(data, h, o.institutions, o.components));
  const n = data.outcomes.length;
  const folds = groupFolds(data.groups, o.outerFolds, o.seed);
  const k = Math.max(...folds) + 1;
  const oof = new Float64Array(n);
  const outer: OuterFold[] = [];
  const all = Int32Array.from({ length: n }, (_, i) => i);
  for (let f = 0; f < k; f++) {
    const train = all.filter((i) => folds[i] !== f);
    const test = all.filter((i) => folds[i] === f);
    const choice = innerChoice(
      matrices,
      data.outcomes,
      m,
      train,
      data.groups,
      o.innerFolds,
      o.seed + 1 + f,
    );
    const X = matrices[choice.grid]!;
    for (const r of test) oof[r] = dot(X, r, m, choice.weights);
    outer.push({
      fold: f,
      issues: test.length,
      hyper: o.grid[choice.grid]!,
      weights: weightRecord(o.components, choice.weights),
      innerMae: choice.innerMae,
    });
  }
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.abs(data.outcomes[i]! - oof[i]!);
  return { oof, folds, outer, oofMae: sum / n };
}

/** The inner procedure on all the data: the ensemble that is saved. */
export function fitStack(data: StackingData, options: StackingOptions): FittedEnsemble {
  const o = resolved(options);
  const matrices = o.grid.map((h) => componentMatrix(data, h, o.institutions, o.components));
  const all = Int32Array.from({ length: data.outcomes.length }, (_, i) => i);
  const choice = innerChoice(
    matrices,
    data.outcomes,
    o.components.length,
    all,
    data.groups,
    o.innerFolds,
    o.seed,
  );
  return {
    hyper: o.grid[choice.grid]!,
    weights: weightRecord(o.components, choice.weights),
    innerMae: choice.innerMae,
  };
}

/** 21 quantiles (0%, 5%, …, 100%) of the residuals outcome − forecast, rounded to 1e-3. */
export function residualQuantiles(
  outcomes: ArrayLike<number>,
  forecasts: ArrayLike<number>,
): number[] {
  const r = sortedCopy(Array.from(outcomes, (y, i) => y - forecasts[i]!));
  return Array.from({ length: 21 }, (_, q) => Math.round(quantileSorted(r, q / 20) * 1000) / 1000);
}

/** Samples of the ensemble's predictive distribution: forecast + residual quantiles, clamped. */
export function predictiveSamples(
  forecast: number,
  quantiles: readonly number[],
  min = 0,
  max = 100,
): Float64Array {
  return Float64Array.from(quantiles, (q) => Math.min(max, Math.max(min, forecast + q)));
}
