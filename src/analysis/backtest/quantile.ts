/**
 * quantile(sorted, p) uses the R-7 method (Hyndman & Fan 1996, definition 7; R's and d3's
 * default): linear interpolation between order statistics at h = (m − 1)p.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const m = sorted.length;
  if (m === 0) return NaN;
  if (p <= 0) return sorted[0]!;
  if (p >= 1) return sorted[m - 1]!;
  const h = (m - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  const b = sorted[Math.min(lo + 1, m - 1)]!;
  return a + (h - lo) * (b - a);
}

/** A sorted copy of the values, as a Float64Array. */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}
