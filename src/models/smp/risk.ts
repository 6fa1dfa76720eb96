/**
 * Risk attitudes from a risk-neutral election, and actors' estimates of each other's attitudes.
 * Source: KTAB `smp.cpp`, `SMPState::setAllAUtil` (docs/spec/smp.md, turn step 1).
 */
import type { BigRAdjust, BigRRange } from './options.ts';

export const RANGE_CODE: Readonly<Record<BigRRange, number>> = { Min: 0, Mid: 1, Max: 2 };

/**
 * R_i from the election probabilities p: `Min` (p − p_min)/(p_max − p_min) in [0, 1];
 * `Mid` (3p − p_max − 2p_min)/(2(p_max − p_min)) in [−½, 1]; `Max` (2p − p_max − p_min)/(p_max − p_min)
 * in [−1, 1]. When p_max = p_min (to 1e-12 relative; KTAB throws) every R_i is 0 and the function
 * returns false so the caller can warn.
 */
export function riskAttitudes(
  p: Float64Array,
  n: number,
  range: number,
  out: Float64Array,
): boolean {
  let pMin = Infinity;
  let pMax = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = p[i]!;
    if (v < pMin) pMin = v;
    if (v > pMax) pMax = v;
  }
  if (!(pMax - pMin > 1e-12 * pMax)) {
    out.fill(0, 0, n);
    return false;
  }
  for (let i = 0; i < n; i++) {
    const v = p[i]!;
    out[i] =
      range === 0
        ? (v - pMin) / (pMax - pMin)
        : range === 1
          ? (3 * v - pMax - 2 * pMin) / (2 * (pMax - pMin))
          : (2 * v - pMax - pMin) / (pMax - pMin);
  }
  return true;
}

/** Weight of the other actor's own attitude in h's estimate, per {@link BigRAdjust}. */
export const ADJUST_SHARE: Readonly<Record<BigRAdjust, number>> = {
  None: 0,
  OneThird: 1 / 3,
  Half: 1 / 2,
  TwoThirds: 2 / 3,
  Full: 1,
};

/**
 * R̂_hi, h's estimate of i's attitude: `None` R_h, `OneThird` (2R_h + R_i)/3, `Half` (R_h + R_i)/2,
 * `TwoThirds` (R_h + 2R_i)/3, `Full` R_i; h's estimate of itself is R_h exactly.
 */
export function estimatedRisk(adjust: BigRAdjust, rh: number, ri: number): number {
  switch (adjust) {
    case 'None':
      return rh;
    case 'OneThird':
      return (2 * rh + ri) / 3;
    case 'Half':
      return (rh + ri) / 2;
    case 'TwoThirds':
      return (rh + 2 * ri) / 3;
    case 'Full':
      return ri;
  }
}

/** Fills `out[h·n + i]` = R̂_hi for all h, i (diagonal R_h). */
export function riskEstimates(
  adjust: BigRAdjust,
  risk: Float64Array,
  n: number,
  out: Float64Array,
): void {
  for (let h = 0; h < n; h++) {
    const rh = risk[h]!;
    for (let i = 0; i < n; i++) out[h * n + i] = h === i ? rh : estimatedRisk(adjust, rh, risk[i]!);
  }
}
