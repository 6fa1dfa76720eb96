/**
 * From real weights (e.g. capability × salience) to an integer weighted game. Rule: scale so the
 * total is the resolution R and round each weight to the nearest integer, w_i = round(R·x_i / Σx);
 * the quota for a fraction f is q = ⌊f·W⌋ + 1 with W = Σ w_i, i.e. a coalition wins when it holds
 * strictly more than the fraction f of the total (f = 0.5: a simple majority). Rounding moves each
 * actor's share by about 1/(2R) of the total at most (R = 10,000: ~0.005 percentage points); the
 * largest change is reported as `maxShareError`.
 */

export interface IntegerWeights {
  readonly weights: number[];
  readonly quota: number;
  readonly total: number;
  /** Largest |w_i/W − x_i/Σx|, the rounding error in shares of the total. */
  readonly maxShareError: number;
}

/** Default resolution R: integer weights sum to about 10,000. */
export const DEFAULT_RESOLUTION = 10_000;

export function integerWeights(
  real: ArrayLike<number>,
  options: { resolution?: number; quotaFraction?: number } = {},
): IntegerWeights {
  const resolution = options.resolution ?? DEFAULT_RESOLUTION;
  const f = options.quotaFraction ?? 0.5;
  if (!Number.isInteger(resolution) || resolution < 1 || resolution > 1e7) {
    throw new RangeError(`resolution must be an integer within 1..10000000, got ${resolution}`);
  }
  if (!(f > 0 && f < 1)) throw new RangeError(`quota fraction must be within (0, 1), got ${f}`);
  const xs = Array.from(real);
  if (xs.some((x) => !(x >= 0) || !Number.isFinite(x))) {
    throw new RangeError('weights must be finite and >= 0');
  }
  const sum = xs.reduce((a, b) => a + b, 0);
  if (!(sum > 0)) throw new RangeError('at least one weight must be positive');
  const weights = xs.map((x) => Math.round((resolution * x) / sum));
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 0) throw new RangeError('every weight rounds to 0: raise the resolution');
  // 1e-9 guards against f·W landing a hair below an integer (0.7·1000 = 699.9999…).
  const quota = Math.floor(f * total + 1e-9) + 1;
  let maxShareError = 0;
  xs.forEach((x, i) => {
    maxShareError = Math.max(maxShareError, Math.abs(weights[i]! / total - x / sum));
  });
  return { weights, quota: Math.min(quota, total), total, maxShareError };
}
