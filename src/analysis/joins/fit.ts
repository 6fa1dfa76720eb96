/**
 * Fitting the three forecasters: λ of `logistic` and `commitment` chosen by grouped (by war) inner
 * cross-validation on the pairs' log loss; the full-data fit with a bootstrap-over-wars spread of
 * each structural weight; and the outer grouped K-fold CV whose out-of-fold forecasts `--fit`
 * scores.
 */
import type { WarJoinRow } from '../../formats/warjoin.ts';
import { createRng } from '../../core/rng.ts';
import { quantileSorted } from '../backtest/quantile.ts';
import { warFolds } from './folds.ts';
import {
  type BaseRateParams,
  type CommitmentParams,
  type ForecasterId,
  type LogisticParams,
  type WeightSpread,
  baseRate,
  commitment,
  logistic,
} from './forecasters.ts';
import { pairOutcomes } from './pairs.ts';
import { logLoss } from './scoring.ts';

/** Terms of the shipped commitment model (docs/backtest-joins.md says why these). */
export const DEFAULT_TERMS: readonly string[] = [
  'cost',
  'security',
  'prevail',
  'influence',
  'capabilityMissing',
  'coercion',
  'coercionMissing',
  'threat',
  'proximity',
  'reach',
  'domestic',
  'domesticMissing',
];

/**
 * Features of the shipped logistic forecaster: ATOP ties as the ordinal tie strength (measured
 * better out of sample than one indicator per provision type; docs/backtest-joins.md).
 */
export const DEFAULT_FEATURES: readonly string[] = [
  'allyS',
  'allyO',
  'contigS',
  'contigO',
  'majorPower',
  'cinc',
  'cincMissing',
  'capShareS',
  'tradeS',
  'tradeSMissing',
  'tradeO',
  'tradeOMissing',
  'polyarchy',
  'polyarchyMissing',
];

/** λ grids, searched from the largest down with warm starts. */
export const LOGISTIC_LAMBDAS = [300, 100, 30, 10, 3, 1, 0.3, 0.1] as const;
export const COMMITMENT_LAMBDAS = [100, 30, 10, 3, 1, 0.3, 0.1, 0.03] as const;

export interface FitOptions {
  readonly seed: number;
  /** Inner folds for λ (default 5). */
  readonly innerFolds?: number;
  readonly terms?: readonly string[];
  readonly features?: readonly string[];
  /** Bootstrap replicates (over wars) for the spread of the structural weights; 0 skips it. */
  readonly spreadReplicates?: number;
}

export interface FittedSet {
  readonly 'base-rate': BaseRateParams;
  readonly logistic: LogisticParams;
  readonly commitment: CommitmentParams;
}

type Fitter<P> = (rows: readonly WarJoinRow[], lambda: number, start?: P) => P;
type Predictor<P> = (params: P, rows: readonly WarJoinRow[]) => Float64Array;

/**
 * The λ of `grid` with the lowest pooled out-of-fold log loss over `k` folds by war (ties go to
 * the larger λ, the simpler model). Returns the λ and the loss of every λ.
 */
export function chooseLambda<P>(
  rows: readonly WarJoinRow[],
  grid: readonly number[],
  k: number,
  seed: number,
  fit: Fitter<P>,
  predict: Predictor<P>,
): { lambda: number; losses: number[] } {
  const folds = warFolds(rows, k, seed);
  const kk = Math.max(...folds) + 1;
  const oof = grid.map(() => new Float64Array(rows.length * 2));
  for (let f = 0; f < kk; f++) {
    const train = rows.filter((_, i) => folds[i] !== f);
    const testIdx = rows.flatMap((_, i) => (folds[i] === f ? [i] : []));
    const test = testIdx.map((i) => rows[i]!);
    let warm: P | undefined;
    grid.forEach((lambda, g) => {
      warm = fit(train, lambda, warm);
      const p = predict(warm, test);
      testIdx.forEach((i, t) => {
        oof[g]![2 * i] = p[2 * t]!;
        oof[g]![2 * i + 1] = p[2 * t + 1]!;
      });
    });
  }
  const y = pairOutcomes(rows);
  const losses = oof.map((p) => logLoss(p, y));
  let best = 0;
  losses.forEach((l, g) => {
    if (l < losses[best]! - 1e-12) best = g;
  });
  return { lambda: grid[best]!, losses };
}

function withTerms(terms: readonly string[]): Fitter<CommitmentParams> {
  return (rows, lambda, start) => commitment.fit(rows, terms, lambda, start);
}
function withFeatures(features: readonly string[]): Fitter<LogisticParams> {
  return (rows, lambda, start) => logistic.fit(rows, features, lambda, start);
}

/** Bootstrap over wars of the structural weights at a fixed λ: SD and 95% percentile interval. */
export function weightSpread(
  rows: readonly WarJoinRow[],
  terms: readonly string[],
  lambda: number,
  replicates: number,
  seed: number,
): Record<string, WeightSpread> {
  const byWar = new Map<number, WarJoinRow[]>();
  for (const r of rows) byWar.set(r.warnum, [...(byWar.get(r.warnum) ?? []), r]);
  const wars = [...byWar.keys()].sort((a, b) => a - b);
  const rng = createRng(seed);
  const draws = terms.map(() => new Float64Array(replicates));
  const full = commitment.fit(rows, terms, lambda);
  for (let b = 0; b < replicates; b++) {
    const sample: WarJoinRow[] = [];
    for (let j = 0; j < wars.length; j++) {
      sample.push(...byWar.get(wars[Math.floor(rng.next() * wars.length)]!)!);
    }
    const w = commitment.fit(sample, terms, lambda, full);
    terms.forEach((t, k) => (draws[k]![b] = w.weights[t]!));
  }
  return Object.fromEntries(
    terms.map((t, k) => {
      const d = draws[k]!.sort();
      const m = d.reduce((a, v) => a + v, 0) / replicates;
      const sd = Math.sqrt(d.reduce((a, v) => a + (v - m) ** 2, 0) / Math.max(1, replicates - 1));
      return [t, { sd, lo: quantileSorted(d, 0.025), hi: quantileSorted(d, 0.975) }];
    }),
  );
}

/** All three forecasters fitted on `rows`, λ by inner CV on the same rows. */
export function fitAll(rows: readonly WarJoinRow[], opts: FitOptions): FittedSet {
  const k = opts.innerFolds ?? 5;
  const terms = opts.terms ?? DEFAULT_TERMS;
  const features = opts.features ?? DEFAULT_FEATURES;
  const lf = withFeatures(features);
  const cf = withTerms(terms);
  const lLogistic = chooseLambda(rows, LOGISTIC_LAMBDAS, k, opts.seed, lf, (p, r) =>
    logistic.predict(p, r),
  );
  const lCommit = chooseLambda(rows, COMMITMENT_LAMBDAS, k, opts.seed, cf, (p, r) =>
    commitment.predict(p, r),
  );
  const c = commitment.fit(rows, terms, lCommit.lambda);
  const reps = opts.spreadReplicates ?? 0;
  return {
    'base-rate': baseRate.fit(rows),
    logistic: lf(rows, lLogistic.lambda),
    commitment: reps ? { ...c, spread: weightSpread(rows, terms, c.lambda, reps, opts.seed) } : c,
  };
}

/** Predictions of every forecaster for every pair (index 2r + s). */
export function predictAll(
  params: FittedSet,
  rows: readonly WarJoinRow[],
): Record<ForecasterId, Float64Array> {
  return {
    'base-rate': baseRate.predict(params['base-rate'], rows),
    logistic: logistic.predict(params.logistic, rows),
    commitment: commitment.predict(params.commitment, rows),
  };
}

export interface OuterFold {
  readonly fold: number;
  readonly wars: number;
  readonly pairs: number;
  readonly lambda: { readonly logistic: number; readonly commitment: number };
  readonly weights: Readonly<Record<string, number>>;
}

export interface CrossValidation {
  readonly folds: number;
  readonly innerFolds: number;
  readonly seed: number;
  /** Out-of-fold forecasts of every pair, per forecaster. */
  readonly oof: Record<ForecasterId, Float64Array>;
  readonly outer: OuterFold[];
}

/**
 * Grouped K-fold CV by war: each forecaster (λ by inner CV inside the training folds) is fitted
 * without the fold's wars and forecasts them.
 */
export function crossValidate(
  rows: readonly WarJoinRow[],
  opts: FitOptions & { folds: number },
): CrossValidation {
  const folds = warFolds(rows, opts.folds, opts.seed);
  const k = Math.max(...folds) + 1;
  const n = rows.length * 2;
  const oof: Record<ForecasterId, Float64Array> = {
    'base-rate': new Float64Array(n),
    logistic: new Float64Array(n),
    commitment: new Float64Array(n),
  };
  const outer: OuterFold[] = [];
  for (let f = 0; f < k; f++) {
    const train = rows.filter((_, i) => folds[i] !== f);
    const testIdx = rows.flatMap((_, i) => (folds[i] === f ? [i] : []));
    const test = testIdx.map((i) => rows[i]!);
    // Inner folds get their own seed per outer fold, reproducible from the one seed.
    const fitted = fitAll(train, { ...opts, seed: opts.seed + 1 + f, spreadReplicates: 0 });
    const pred = predictAll(fitted, test);
    for (const id of Object.keys(oof) as ForecasterId[]) {
      testIdx.forEach((i, t) => {
        oof[id][2 * i] = pred[id][2 * t]!;
        oof[id][2 * i + 1] = pred[id][2 * t + 1]!;
      });
    }
    outer.push({
      fold: f,
      wars: new Set(test.map((r) => r.warnum)).size,
      pairs: test.length * 2,
      lambda: { logistic: fitted.logistic.lambda, commitment: fitted.commitment.lambda },
      weights: fitted.commitment.weights,
    });
  }
  return { folds: k, innerFolds: opts.innerFolds ?? 5, seed: opts.seed, oof, outer };
}
