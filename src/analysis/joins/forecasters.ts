/**
 * The three forecasters of P(candidate joins side s): `base-rate`, `logistic` and `commitment`.
 * Each has plain-JSON parameters (shipped in fitted.json, so a held-out file is scored without
 * refitting), a fit from rows at a penalty λ, and a prediction for every (candidate, side) pair.
 */
import type { WarJoinRow } from '../../formats/warjoin.ts';
import { rawFeatures, standardisation, standardise } from './features.ts';
import { fitLogistic, predictLogistic } from './logistic.ts';
import { pairOutcomes } from './pairs.ts';
import { fitStructural, predictStructural } from './structural.ts';

export const FORECASTER_IDS = ['base-rate', 'logistic', 'commitment'] as const;
export type ForecasterId = (typeof FORECASTER_IDS)[number];

export interface BaseRateParams {
  /** Joins / pairs on the fitting data. */
  readonly p: number;
}

export interface LogisticParams {
  readonly lambda: number;
  readonly features: readonly string[];
  /** Standardisation of each feature on the fitting data (observed rows only). */
  readonly means: Readonly<Record<string, number>>;
  readonly sds: Readonly<Record<string, number>>;
  readonly intercept: number;
  /** Coefficient per standardised feature. */
  readonly coefficients: Readonly<Record<string, number>>;
}

export interface WeightSpread {
  readonly sd: number;
  readonly lo: number;
  readonly hi: number;
}

export interface CommitmentParams {
  readonly lambda: number;
  readonly terms: readonly string[];
  /** Structural weight per term (log-odds of joining per unit of the term). */
  readonly weights: Readonly<Record<string, number>>;
  /** Spread of each weight over a bootstrap of wars at the same λ (95% percentile interval). */
  readonly spread?: Readonly<Record<string, WeightSpread>>;
}

export const baseRate = {
  fit(rows: readonly WarJoinRow[]): BaseRateParams {
    const y = pairOutcomes(rows);
    return { p: y.reduce((a, b) => a + b, 0) / y.length };
  },
  predict(params: BaseRateParams, rows: readonly WarJoinRow[]): Float64Array {
    return new Float64Array(rows.length * 2).fill(params.p);
  },
};

export const logistic = {
  fit(
    rows: readonly WarJoinRow[],
    features: readonly string[],
    lambda: number,
    start?: LogisticParams,
  ): LogisticParams {
    const p = features.length;
    const raw = rawFeatures(rows, features);
    const st = standardisation(raw, p);
    const x = standardise(raw, p, st);
    const warm = start
      ? Float64Array.from([start.intercept, ...features.map((f) => start.coefficients[f] ?? 0)])
      : undefined;
    const fit = fitLogistic(x, pairOutcomes(rows), p, lambda, warm ? { start: warm } : {});
    const byName = (v: ArrayLike<number>) => Object.fromEntries(features.map((f, j) => [f, v[j]!]));
    return {
      lambda,
      features,
      means: byName(st.means),
      sds: byName(st.sds),
      intercept: fit.intercept,
      coefficients: byName(fit.coef),
    };
  },
  predict(params: LogisticParams, rows: readonly WarJoinRow[]): Float64Array {
    const f = params.features;
    const p = f.length;
    const x = standardise(rawFeatures(rows, f), p, {
      means: Float64Array.from(f, (k) => params.means[k]!),
      sds: Float64Array.from(f, (k) => params.sds[k]!),
    });
    return predictLogistic(
      x,
      rows.length * 2,
      p,
      params.intercept,
      f.map((k) => params.coefficients[k]!),
    );
  },
};

export const commitment = {
  fit(
    rows: readonly WarJoinRow[],
    terms: readonly string[],
    lambda: number,
    start?: CommitmentParams,
  ): CommitmentParams {
    const warm = start ? Float64Array.from(terms, (t) => start.weights[t] ?? 0) : undefined;
    const fit = fitStructural(rows, terms, lambda, warm ? { start: warm } : {});
    return {
      lambda,
      terms,
      weights: Object.fromEntries(terms.map((t, k) => [t, fit.weights[k]!])),
    };
  },
  predict(params: CommitmentParams, rows: readonly WarJoinRow[]): Float64Array {
    return predictStructural(
      rows,
      params.terms,
      params.terms.map((t) => params.weights[t]!),
    );
  },
};
