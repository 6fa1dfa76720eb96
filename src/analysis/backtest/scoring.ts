/**
 * Scores of forecasts against outcomes (docs/spec/scoring.md): point scores on the scale (MAE,
 * RMSE, median absolute error, share within 10 points) and probabilistic scores for forecasts
 * given as samples (CRPS, coverage of central intervals). Pure functions over arrays.
 */
import { quantileSorted, sortedCopy } from './quantile.ts';

export interface PointScores {
  /** Issues scored. */
  readonly n: number;
  /** Mean absolute error. */
  readonly mae: number;
  /** Root mean squared error. */
  readonly rmse: number;
  /** Median absolute error (R-7 quantile at ½). */
  readonly medianAe: number;
  /** Share of issues with |forecast − outcome| ≤ 10 (inclusive), in [0, 1]. */
  readonly within10: number;
  /** Mean signed error (forecast − outcome): positive when forecasts sit above outcomes. */
  readonly bias: number;
}

/** MAE, RMSE, median absolute error, share within 10 points and bias. NaN scores when n = 0. */
export function pointScores(
  forecast: ArrayLike<number>,
  outcome: ArrayLike<number>,
  within = 10,
): PointScores {
  const n = forecast.length;
  if (outcome.length !== n) throw new RangeError('forecast and outcome differ in length');
  const abs = new Float64Array(n);
  let sumAbs = 0;
  let sumSq = 0;
  let sum = 0;
  let near = 0;
  for (let i = 0; i < n; i++) {
    const e = forecast[i]! - outcome[i]!;
    abs[i] = Math.abs(e);
    sumAbs += abs[i]!;
    sumSq += e * e;
    sum += e;
    if (abs[i]! <= within) near++;
  }
  abs.sort();
  return {
    n,
    mae: n ? sumAbs / n : NaN,
    rmse: n ? Math.sqrt(sumSq / n) : NaN,
    medianAe: quantileSorted(abs, 0.5),
    within10: n ? near / n : NaN,
    bias: n ? sum / n : NaN,
  };
}

/**
 * The continuous ranked probability score of a forecast given as equally weighted samples
 * (an ensemble), against outcome y: CRPS = E|X − y| − ½ E|X − X′| (Gneiting & Raftery 2007,
 * eq. 21), with X, X′ independent draws from the samples' empirical distribution. Computed in
 * O(m log m): Σ_i Σ_j |x_i − x_j| = 2 Σ_r (2r − m + 1) x_(r) over the sorted samples (r from 0).
 * A single sample gives |x − y|: the CRPS of a point forecast is its absolute error.
 */
export function crpsSamples(samples: ArrayLike<number>, y: number): number {
  const m = samples.length;
  if (m === 0) return NaN;
  const x = sortedCopy(samples);
  let toY = 0;
  let spread = 0;
  for (let r = 0; r < m; r++) {
    toY += Math.abs(x[r]! - y);
    spread += (2 * r - m + 1) * x[r]!;
  }
  return toY / m - spread / (m * m);
}

/** Central interval levels reported by default. */
export const COVERAGE_LEVELS = [0.5, 0.8, 0.9] as const;

/**
 * Coverage of central prediction intervals: for each level p, the share of cases whose outcome
 * lies in [q((1 − p)/2), q((1 + p)/2)] of its samples (R-7 quantiles, bounds inclusive).
 */
export function intervalCoverage(
  samples: readonly ArrayLike<number>[],
  outcome: ArrayLike<number>,
  levels: readonly number[] = COVERAGE_LEVELS,
): { level: number; coverage: number; meanWidth: number }[] {
  const n = samples.length;
  const sorted = samples.map(sortedCopy);
  return levels.map((level) => {
    let inside = 0;
    let width = 0;
    for (let i = 0; i < n; i++) {
      const lo = quantileSorted(sorted[i]!, (1 - level) / 2);
      const hi = quantileSorted(sorted[i]!, (1 + level) / 2);
      const y = outcome[i]!;
      if (y >= lo && y <= hi) inside++;
      width += hi - lo;
    }
    return { level, coverage: n ? inside / n : NaN, meanWidth: n ? width / n : NaN };
  });
}

/** Mean CRPS over cases, each forecast given as samples. */
export function meanCrps(
  samples: readonly ArrayLike<number>[],
  outcome: ArrayLike<number>,
): number {
  if (samples.length === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += crpsSamples(samples[i]!, outcome[i]!);
  return sum / samples.length;
}

export interface CalibrationBin {
  /** Bin bounds on the forecast scale. */
  readonly lo: number;
  readonly hi: number;
  readonly n: number;
  readonly meanForecast: number;
  readonly meanOutcome: number;
}

/**
 * Reliability of point forecasts: forecasts binned into `bins` equal bins over [min, max], with
 * the mean forecast and the mean outcome of each non-empty bin. A calibrated forecaster's bins lie
 * on the diagonal.
 */
export function calibrationBins(
  forecast: ArrayLike<number>,
  outcome: ArrayLike<number>,
  bins = 10,
  min = 0,
  max = 100,
): CalibrationBin[] {
  const n = new Float64Array(bins);
  const f = new Float64Array(bins);
  const y = new Float64Array(bins);
  for (let i = 0; i < forecast.length; i++) {
    const b = Math.min(
      bins - 1,
      Math.max(0, Math.floor(((forecast[i]! - min) / (max - min)) * bins)),
    );
    n[b]!++;
    f[b]! += forecast[i]!;
    y[b]! += outcome[i]!;
  }
  const out: CalibrationBin[] = [];
  for (let b = 0; b < bins; b++) {
    if (n[b] === 0) continue;
    out.push({
      lo: min + ((max - min) * b) / bins,
      hi: min + ((max - min) * (b + 1)) / bins,
      n: n[b]!,
      meanForecast: f[b]! / n[b]!,
      meanOutcome: y[b]! / n[b]!,
    });
  }
  return out;
}
