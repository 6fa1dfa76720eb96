/**
 * Fixed-bin histograms over an issue's scale, stored side by side in one Float64Array (cell c has
 * bins c·B .. c·B + B − 1). Counts are integers, so merging is exact in any order. Quantiles are
 * read off by linear interpolation inside the bin that holds them, so they are exact to within one
 * bin width ((max − min)/B: 0.1 on a 0–100 scale with 1000 bins), then clamped to the exact min and
 * max (a point mass, e.g. every run ending at 40, reads as exactly 40).
 */

/** The bin of x on [min, max] with `bins` bins; values outside are clamped to the end bins. */
export function binOf(x: number, min: number, max: number, bins: number): number {
  const b = Math.floor(((x - min) / (max - min)) * bins);
  return b < 0 ? 0 : b >= bins ? bins - 1 : b;
}

/**
 * The p-quantile of histogram cell `c`, p in [0, 1], or NaN when the cell is empty. `lo`/`hi` are
 * the exact min and max of the values, used to clamp.
 */
export function histogramQuantile(
  counts: Float64Array,
  c: number,
  bins: number,
  min: number,
  max: number,
  p: number,
  lo = -Infinity,
  hi = Infinity,
): number {
  const o = c * bins;
  let total = 0;
  for (let b = 0; b < bins; b++) total += counts[o + b]!;
  if (total === 0) return NaN;
  const target = p * total;
  const width = (max - min) / bins;
  let cum = 0;
  for (let b = 0; b < bins; b++) {
    const n = counts[o + b]!;
    if (n > 0 && cum + n >= target) {
      const x = min + (b + (target - cum) / n) * width;
      return Math.min(Math.max(x, lo), hi);
    }
    cum += n;
  }
  return Math.min(max, hi);
}

/** Sums groups of fine bins into `coarse` bins (bins must be a multiple of coarse). */
export function coarsen(counts: Float64Array, c: number, bins: number, coarse: number): number[] {
  const per = bins / coarse;
  const out = new Array<number>(coarse).fill(0);
  for (let b = 0; b < bins; b++) out[Math.floor(b / per)]! += counts[c * bins + b]!;
  return out;
}

/** Adds histogram `from` into `into` (same layout). */
export function mergeCounts(into: Float64Array, from: Float64Array): void {
  for (let i = 0; i < into.length; i++) into[i] = into[i]! + from[i]!;
}
