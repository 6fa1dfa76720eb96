/**
 * The standard normal distribution: CDF Φ and quantile Φ⁻¹, to near machine precision, for the
 * Gaussian copula that correlates an actor's inputs. Deterministic and allocation-free.
 */

const LN_SQRT_2PI = 0.9189385332046727; // log √(2π)

/**
 * Φ(x). |x| < 5: Marsaglia's Taylor series (Marsaglia 2004, "Evaluating the normal distribution",
 * J. Statistical Software 11(4), eq. 2); beyond: the Laplace continued fraction for the tail
 * (Abramowitz & Stegun 26.2.14), evaluated bottom-up with 40 terms.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= -5) return normalTail(-x);
  if (x >= 5) return 1 - normalTail(x);
  let s = x;
  let t = 0;
  let b = x;
  const q = x * x;
  let i = 1;
  while (s !== t) s = (t = s) + (b *= q / (i += 2));
  return 0.5 + s * Math.exp(-0.5 * q - LN_SQRT_2PI);
}

/** 1 − Φ(x) for x ≥ 5. */
function normalTail(x: number): number {
  if (x > 38) return 0;
  let f = x;
  for (let k = 40; k >= 1; k--) f = x + k / f;
  return Math.exp(-0.5 * x * x - LN_SQRT_2PI) / f;
}

// Acklam's rational approximation of Φ⁻¹ (relative error < 1.15e-9), refined by one Halley step.
const A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
  2.506628277459239,
];
const B = [
  -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
];
const C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
  4.374664141464968, 2.938163982698783,
];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

/** Φ⁻¹(p) for p in (0, 1); −∞ at 0 and +∞ at 1. */
export function normalQuantile(p: number): number {
  if (!(p > 0)) return p === 0 ? -Infinity : NaN;
  if (!(p < 1)) return p === 1 ? Infinity : NaN;
  let x: number;
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) /
      ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1);
  } else if (p <= 1 - P_LOW) {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((A[0]! * r + A[1]!) * r + A[2]!) * r + A[3]!) * r + A[4]!) * r + A[5]!) * q) /
      (((((B[0]! * r + B[1]!) * r + B[2]!) * r + B[3]!) * r + B[4]!) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x =
      -(((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) /
      ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1);
  }
  // Halley refinement (Acklam): brings the error to about machine precision.
  const e = normalCdf(x) - p;
  const u = e * Math.exp(0.5 * x * x + LN_SQRT_2PI);
  return x - u / (1 + (x * u) / 2);
}
