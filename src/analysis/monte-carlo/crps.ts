/**
 * Scoring a Monte Carlo forecast against an outcome without keeping the runs (docs/spec/scoring.md: report
 * CRPS and the 80% interval coverage for probabilistic forecasts). The forecast distribution is
 * the histogram with values spread evenly inside each bin (the same reading as its quantiles), so
 * its CDF F is piecewise linear and CRPS(F, y) = ∫ (F(x) − 1{x ≥ y})² dx (Matheson & Winkler
 * 1976; Gneiting & Raftery 2007, eq. 20) is computed exactly, bin by bin.
 */

/** ∫ over a bin of width w of (F − h)², F linear from f0 to f1, h constant 0 or 1. */
function piece(w: number, f0: number, f1: number, h: number): number {
  const a = f0 - h;
  const b = f1 - h;
  return (w * (a * a + a * b + b * b)) / 3;
}

/** CRPS of the histogram `counts` (equal bins over [min, max]) for the outcome y. */
export function histogramCrps(
  counts: ArrayLike<number>,
  min: number,
  max: number,
  y: number,
): number {
  const bins = counts.length;
  let total = 0;
  for (let b = 0; b < bins; b++) total += counts[b]!;
  if (total === 0) return NaN;
  const w = (max - min) / bins;
  let crps = y < min ? min - y : y > max ? y - max : 0;
  let cum = 0;
  for (let b = 0; b < bins; b++) {
    const lo = min + b * w;
    const hi = lo + w;
    const f0 = cum / total;
    cum += counts[b]!;
    const f1 = cum / total;
    if (y >= hi) crps += piece(w, f0, f1, 0);
    else if (y <= lo) crps += piece(w, f0, f1, 1);
    else {
      const t = (y - lo) / w;
      const fy = f0 + (f1 - f0) * t;
      crps += piece(y - lo, f0, fy, 0) + piece(hi - y, fy, f1, 1);
    }
  }
  return crps;
}
