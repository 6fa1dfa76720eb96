/**
 * Exact running moments in a typed array, five numbers per cell: count, mean, M2 (sum of squared
 * deviations), min, max. One value is added by Welford's update (Welford 1962); two cells merge by
 * Chan, Golub & LeVeque's formula (1979, "Updating formulae and a pairwise algorithm for computing
 * sample variances", eq. 2.1). Merging chunks in a fixed order gives bit-identical totals.
 */

export const MOMENTS = 5;

/** Sets cell `c` to empty. */
export function clearMoments(m: Float64Array, c: number): void {
  const o = c * MOMENTS;
  m[o] = 0;
  m[o + 1] = 0;
  m[o + 2] = 0;
  m[o + 3] = Infinity;
  m[o + 4] = -Infinity;
}

/** A moments array of `cells` empty cells. */
export function emptyMoments(cells: number): Float64Array {
  const m = new Float64Array(cells * MOMENTS);
  for (let c = 0; c < cells; c++) clearMoments(m, c);
  return m;
}

/** Adds x to cell c. */
export function addMoment(m: Float64Array, c: number, x: number): void {
  const o = c * MOMENTS;
  const n = m[o]! + 1;
  const mean = m[o + 1]!;
  const delta = x - mean;
  const next = mean + delta / n;
  m[o] = n;
  m[o + 1] = next;
  m[o + 2] = m[o + 2]! + delta * (x - next);
  if (x < m[o + 3]!) m[o + 3] = x;
  if (x > m[o + 4]!) m[o + 4] = x;
}

/** Merges every cell of `from` into `into` (same layout). */
export function mergeMoments(into: Float64Array, from: Float64Array): void {
  for (let o = 0; o < into.length; o += MOMENTS) {
    const nb = from[o]!;
    if (nb === 0) continue;
    const na = into[o]!;
    if (na === 0) {
      for (let j = 0; j < MOMENTS; j++) into[o + j] = from[o + j]!;
      continue;
    }
    const n = na + nb;
    const delta = from[o + 1]! - into[o + 1]!;
    into[o] = n;
    into[o + 1] = into[o + 1]! + (delta * nb) / n;
    into[o + 2] = into[o + 2]! + from[o + 2]! + (delta * delta * na * nb) / n;
    if (from[o + 3]! < into[o + 3]!) into[o + 3] = from[o + 3]!;
    if (from[o + 4]! > into[o + 4]!) into[o + 4] = from[o + 4]!;
  }
}

export interface MomentSummary {
  readonly count: number;
  readonly mean: number;
  /** Sample standard deviation (n − 1); 0 for one value. */
  readonly sd: number;
  readonly min: number;
  readonly max: number;
}

export function readMoments(m: Float64Array, c: number): MomentSummary {
  const o = c * MOMENTS;
  const count = m[o]!;
  return {
    count,
    mean: count > 0 ? m[o + 1]! : NaN,
    sd: count > 1 ? Math.sqrt(m[o + 2]! / (count - 1)) : count === 1 ? 0 : NaN,
    min: count > 0 ? m[o + 3]! : NaN,
    max: count > 0 ? m[o + 4]! : NaN,
  };
}
