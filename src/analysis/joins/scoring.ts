/**
 * Scores of probability forecasts of a binary outcome (join / not): Brier score, log loss and
 * AUC, calibration bins for rare events, and per-war rows. Pure functions over arrays.
 */

/** Probabilities are clipped to [ε, 1 − ε] in the log loss so a confident miss costs ~34.5, not ∞. */
export const LOG_LOSS_EPS = 1e-15;

/** Mean squared difference between forecast probability and outcome (0/1). NaN when empty. */
export function brier(p: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) s += (p[i]! - y[i]!) ** 2;
  return p.length ? s / p.length : NaN;
}

/** Log loss of one forecast: −log p if y = 1, −log(1 − p) if y = 0, p clipped to [ε, 1 − ε]. */
export function logLossOne(p: number, y: number): number {
  const q = Math.min(1 - LOG_LOSS_EPS, Math.max(LOG_LOSS_EPS, p));
  return y ? -Math.log(q) : -Math.log(1 - q);
}

/** Mean log loss (natural log). NaN when empty. */
export function logLoss(p: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) s += logLossOne(p[i]!, y[i]!);
  return p.length ? s / p.length : NaN;
}

/**
 * Area under the ROC curve as the Mann–Whitney statistic: the share of (positive, negative) pairs
 * in which the positive has the higher forecast, ties counting ½. Computed from mid-ranks in
 * O(n log n). NaN when there is no positive or no negative.
 */
export function auc(p: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = p.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => p[a]! - p[b]!);
  let rankSumPos = 0;
  let pos = 0;
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && p[order[j + 1]!] === p[order[i]!]) j++;
    const midRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (y[order[k]!]) {
        rankSumPos += midRank;
        pos++;
      }
    }
    i = j + 1;
  }
  const neg = n - pos;
  if (pos === 0 || neg === 0) return NaN;
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}

export interface Scores {
  readonly n: number;
  readonly joins: number;
  readonly brier: number;
  readonly logLoss: number;
  readonly auc: number;
}

export function scores(p: ArrayLike<number>, y: ArrayLike<number>): Scores {
  let joins = 0;
  for (let i = 0; i < y.length; i++) joins += y[i]!;
  return { n: p.length, joins, brier: brier(p, y), logLoss: logLoss(p, y), auc: auc(p, y) };
}

/**
 * Bin edges for calibration: joining is rare (about 2% of pairs), so equal-width bins over [0, 1]
 * would put nearly every forecast in the first; these edges follow the range of forecasts.
 */
export const CALIBRATION_EDGES = [0, 0.005, 0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 1] as const;

export interface CalibrationBin {
  readonly lo: number;
  readonly hi: number;
  readonly n: number;
  readonly meanForecast: number;
  /** Share of pairs in the bin whose candidate joined that side. */
  readonly observed: number;
}

/** Non-empty bins [lo, hi) (the last closed) with the mean forecast and the observed join share. */
export function calibration(
  p: ArrayLike<number>,
  y: ArrayLike<number>,
  edges: readonly number[] = CALIBRATION_EDGES,
): CalibrationBin[] {
  const k = edges.length - 1;
  const n = new Float64Array(k);
  const f = new Float64Array(k);
  const o = new Float64Array(k);
  for (let i = 0; i < p.length; i++) {
    let b = 0;
    while (b < k - 1 && p[i]! >= edges[b + 1]!) b++;
    n[b]!++;
    f[b]! += p[i]!;
    o[b]! += y[i]!;
  }
  const out: CalibrationBin[] = [];
  for (let b = 0; b < k; b++) {
    if (!n[b]) continue;
    out.push({
      lo: edges[b]!,
      hi: edges[b + 1]!,
      n: n[b]!,
      meanForecast: f[b]! / n[b]!,
      observed: o[b]! / n[b]!,
    });
  }
  return out;
}
