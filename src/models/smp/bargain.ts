/**
 * Bargains: two positions interpolated toward each other by saliences and win probabilities.
 * Source: KTAB `smp.cpp`, `SMPActor::interpolateBrgn` (docs/spec/smp.md, turn step 3).
 */
import type { InterVecBrgn } from './options.ts';

export const INTERP_CODE: Readonly<Record<InterVecBrgn, number>> = { S2P2: 0, S1P1: 1, S2PMax: 2 };

/** Keeps both weights positive and the bargain defined when saliences vanish (KTAB `minW`). */
const MIN_WEIGHT = 1e-6;

/** KTAB rounds interpolated positions to 4 decimals on [0,1]: floor(x·1e4 + 0.5)/1e4. */
export function round4(x: number): number {
  return Math.floor(x * 1e4 + 0.5) / 1e4;
}

/**
 * Writes i's side of the bargain to `out[oi..oi+dims)` and j's side to `out[oj..oj+dims)`.
 * `pi` is the probability credited to i, `pj` to j (normally pi + pj = 1).
 *
 * S2P2 (default): per issue a = s_ik² pi², b = s_jk² pj²; i's side
 * round4(((a + 1e-6)x_ik + b x_jk)/(a + b + 1e-6)), j's side round4((a x_ik + (b + 1e-6)x_jk)/(a + b + 1e-6)).
 * S1P1: the same with powers 1. S2PMax: each side moves toward the other by max(0, p_other − p_own)
 * times the other's share of the squared saliences s_other²/(s_ik² + s_jk²); not rounded.
 */
export function interpolate(
  mode: number,
  x: Float64Array,
  s: Float64Array,
  i: number,
  j: number,
  dims: number,
  pi: number,
  pj: number,
  out: Float64Array,
  oi: number,
  oj: number,
): void {
  const xi = i * dims;
  const xj = j * dims;
  if (mode === 2) {
    const moveI = Math.max(0, pj - pi);
    const moveJ = Math.max(0, pi - pj);
    for (let k = 0; k < dims; k++) {
      const si2 = s[xi + k]! * s[xi + k]!;
      const sj2 = s[xj + k]! * s[xj + k]!;
      const tot = si2 + sj2;
      const a = x[xi + k]!;
      const b = x[xj + k]!;
      out[oi + k] = tot > 0 ? a + moveI * (sj2 / tot) * (b - a) : a;
      out[oj + k] = tot > 0 ? b + moveJ * (si2 / tot) * (a - b) : b;
    }
    return;
  }
  const squared = mode === 0;
  const qi = squared ? pi * pi : pi;
  const qj = squared ? pj * pj : pj;
  for (let k = 0; k < dims; k++) {
    const si = s[xi + k]!;
    const sj = s[xj + k]!;
    const a = (squared ? si * si : si) * qi;
    const b = (squared ? sj * sj : sj) * qj;
    const denom = a + b + MIN_WEIGHT;
    out[oi + k] = round4(((a + MIN_WEIGHT) * x[xi + k]! + b * x[xj + k]!) / denom);
    out[oj + k] = round4((a * x[xi + k]! + (b + MIN_WEIGHT) * x[xj + k]!) / denom);
  }
}
