/**
 * Challenges: actor h's estimate of the probability that i prevails over j and of the change in
 * expected utility to k. Source: KTAB `smp.cpp`, `SMPState::probEduChlg` and
 * `SMPState::bestChallenge` (docs/spec/smp.md, turn step 2).
 */
import type { ThirdPartyCommit } from './options.ts';
import { smpUtility } from './utility.ts';
import { vote } from './vote.ts';

/** Floor of both coalitions in a contest (KTAB `minCltn` in `probEduChlg`). */
export const CONTEST_FLOOR = 1e-10;

/** A challenge must promise more than this to be made (KTAB `bestChallenge`). */
export const MIN_GAIN = 1e-5;

export const COMMIT_CODE: Readonly<Record<ThirdPartyCommit, number>> = {
  SemiCommit: 0,
  FullCommit: 1,
  NoCommit: 2,
};

/** What a contest needs: read-only views of the turn's state. */
export interface ContestState {
  readonly n: number;
  /** d_ab = `distT[b·n + a]`: distance from a's ideal to b's position (transposed for the m loops). */
  readonly distT: Float64Array;
  /** R̂_ha = `riskHat[h·n + a]`. */
  readonly riskHat: Float64Array;
  /** S_a = Σ_k s_ak. */
  readonly salienceSum: Float64Array;
  /** Contest weight S_a·c_a. */
  readonly weight: Float64Array;
  /** A {@link VOTE_CODE}. */
  readonly vote: number;
  /** A {@link COMMIT_CODE}. */
  readonly commit: number;
}

/** Fills col[m] = U^h_mi = u(d_mi; R̂_hm), h's estimate of m's utility for i's position. */
export function perceivedColumn(st: ContestState, h: number, i: number, col: Float64Array): void {
  const { n, distT, riskHat } = st;
  const oi = i * n;
  const oh = h * n;
  for (let m = 0; m < n; m++) col[m] = smpUtility(distT[oi + m]!, riskHat[oh + m]!);
}

/**
 * h's estimate of the contest i vs j: returns P (i prevails) and writes the expected change in
 * utility to k into `out[0]` (P into `out[1]`). `colI` must hold {@link perceivedColumn}(h, i).
 *
 * Principals vote with weight S·c on their own utility differences; each third party m is judged
 * against the principals alone (A₀, B₀), chooses a side by its expected utility under the
 * third-party commitment rule, and adds its vote to the running coalitions A, B. P = A/(A + B).
 * ΔEU_k = (1 − S_j)·2U_ki + S_j[P·2U_ki + (1 − P)·2U_kj] − (U_ki + U_kj).
 */
export function contest(
  st: ContestState,
  h: number,
  k: number,
  i: number,
  j: number,
  colI: Float64Array,
  out: Float64Array,
): void {
  const { n, distT, riskHat, weight, vote: rule } = st;
  const oh = h * n;
  const oj = j * n;
  // U^h_ab = u(d_ab; R̂_ha); U^h_aa = 1.
  const uij = smpUtility(distT[oj + i]!, riskHat[oh + i]!);
  const uji = colI[j]!;
  const vi = vote(rule, weight[i]!, 1 - uij);
  const vj = vote(rule, weight[j]!, uji - 1);
  const avi = Math.abs(vi);
  const avj = Math.abs(vj);
  const a0 = CONTEST_FLOOR + (vi + avi) * 0.5 + (vj + avj) * 0.5;
  const b0 = CONTEST_FLOOR + (avi - vi) * 0.5 + (avj - vj) * 0.5;
  const p =
    rule === 0 && st.commit === 0
      ? propSemiCommit(n, distT, riskHat, weight, oh, oj, i, j, colI, a0, b0)
      : anyRule(st, oh, oj, i, j, colI, a0, b0);
  const sj = st.salienceSum[j]!;
  const uki = k === i ? 1 : smpUtility(distT[i * n + k]!, riskHat[oh + k]!);
  const ukj = k === j ? 1 : smpUtility(distT[oj + k]!, riskHat[oh + k]!);
  out[0] = (1 - sj) * 2 * uki + sj * (p * 2 * uki + (1 - p) * 2 * ukj) - (uki + ukj);
  out[1] = p;
}

/**
 * The third parties under the default Prop rule and SemiCommit, specialised because this loop is
 * most of the model's time (n³ per turn). Same arithmetic, in the same order, as {@link anyRule}.
 */
export function propSemiCommit(
  n: number,
  distT: Float64Array,
  riskHat: Float64Array,
  weight: Float64Array,
  oh: number,
  oj: number,
  i: number,
  j: number,
  colI: Float64Array,
  a0: number,
  b0: number,
): number {
  let a = a0;
  let b = b0;
  for (let m = 0; m < n; m++) {
    if (m === i || m === j) continue;
    const wm = weight[m]!;
    const umi = colI[m]!;
    const d = distT[oj + m]!;
    const umj = d <= 1 ? (1 - d) * (1 + d * riskHat[oh + m]!) : (1 - d) * (1 + riskHat[oh + m]!);
    const vm = wm * (umi - umj);
    const avm = Math.abs(vm);
    const pa = a0 + (vm + avm) * 0.5;
    const pi = pa / (pa + b0 + (avm - vm) * 0.5);
    const ei = pi * (2 * umi + 1) + (1 - pi) * 3 * umj;
    const ej = pi * 3 * umi + (1 - pi) * (2 * umj + 1);
    const t = wm * (ei - ej);
    const at = Math.abs(t);
    a += (t + at) * 0.5;
    b += (at - t) * 0.5;
  }
  return a / (a + b);
}

/** The third parties under any voting rule and commitment; returns P = A/(A + B). */
export function anyRule(
  st: ContestState,
  oh: number,
  oj: number,
  i: number,
  j: number,
  colI: Float64Array,
  a0: number,
  b0: number,
): number {
  const { n, distT, riskHat, weight, vote: rule, commit } = st;
  let a = a0;
  let b = b0;
  for (let m = 0; m < n; m++) {
    if (m === i || m === j) continue;
    const wm = weight[m]!;
    const umi = colI[m]!;
    const umj = smpUtility(distT[oj + m]!, riskHat[oh + m]!);
    const vm = vote(rule, wm, umi - umj);
    const avm = Math.abs(vm);
    const pa = a0 + (vm + avm) * 0.5;
    const pi = pa / (pa + b0 + (avm - vm) * 0.5);
    let ei: number;
    let ej: number;
    if (commit === 0) {
      ei = pi * (2 * umi + 1) + (1 - pi) * 3 * umj;
      ej = pi * 3 * umi + (1 - pi) * (2 * umj + 1);
    } else if (commit === 1) {
      ei = pi * 3 * umi + (1 - pi) * 3 * umj;
      ej = ei;
    } else {
      ei = pi * (2 * umi + 1) + (1 - pi) * (2 * umj + 1);
      ej = ei;
    }
    const t = vote(rule, wm, ei - ej);
    const at = Math.abs(t);
    a += (t + at) * 0.5;
    b += (at - t) * 0.5;
  }
  return a / (a + b);
}
