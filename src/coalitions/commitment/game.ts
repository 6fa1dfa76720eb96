/**
 * The candidates' game: candidate i's utility for level k given the others' levels
 * (docs/spec/commitment.md §2), as a sum of six named terms,
 *
 *   security  =  w_sec · σ_i · κ · (1 − α_i (1 − c_k))        protection kept; abandonment if holding back
 *   prevail   =  w_win · β_i · κ · P                           stake in the coalition prevailing
 *   war       = −w_war · ρ · e_k · (1 − κ P)                   expected cost of a war that comes (ρ) and goes badly
 *   coercion  = −w_coe · τ_i · γ_i · e_k · g                   trade exposure × expected coercion
 *   threat    = −w_thr · λ_i · e_k                             entrapment and local threat
 *   domestic  = −w_dom · d_i · (1 − p_i) · e_k                 public support × the government's dependence on it
 *
 *   P = (M_L + Σ_j c_{k_j} m_j) / (M_L + Σ_j c_{k_j} m_j + M_R)   the coalition's chance of prevailing
 *   g = 1 / (1 + Σ_{j≠i} e_{k_j})  (coercion sharing; 1 when off)
 *
 * For speed the utility is folded into three per-(candidate, level) numbers,
 * U_i(k) = a_ik + b_ik·P − h_ik·g, filled once per parameter vector (`fillTables`); `termValues`
 * evaluates the six terms one by one for explanations, and a test checks the two agree.
 */
import {
  type CommitmentInput,
  CONFLICT_RISK,
  CREDIBILITY,
  GLOBALS,
  LEAD_CAPABILITY,
  RIVAL_CAPABILITY,
  T_ABANDONMENT,
  T_CAPABILITY,
  T_COERCION,
  T_DEPENDENCE,
  T_SECURITY,
  T_STAKE,
  T_SUPPORT,
  T_THREAT,
  T_TRADE,
  TERMS,
  W_COERCION,
  W_DOMESTIC,
  W_PREVAIL,
  W_SECURITY,
  W_THREAT,
  W_WAR,
} from './commitment-input.ts';

/** Relative tolerance for utility ties: a higher level must pay by more than this to be chosen. */
export const TIE_TOLERANCE = 1e-12;

/** Per-(candidate, level) coefficients of the utility; reused across draws. */
export interface GameTables {
  readonly n: number;
  readonly levels: number;
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly h: Float64Array;
  /** c_k · m_i: capability candidate i adds at level k. */
  readonly cm: Float64Array;
  readonly exposure: Float64Array;
  leadCapability: number;
  rivalCapability: number;
  readonly sharing: boolean;
}

export function createTables(input: CommitmentInput): GameTables {
  const size = input.n * input.levels;
  return {
    n: input.n,
    levels: input.levels,
    a: new Float64Array(size),
    b: new Float64Array(size),
    h: new Float64Array(size),
    cm: new Float64Array(size),
    exposure: input.exposure,
    leadCapability: 0,
    rivalCapability: 0,
    sharing: input.coercionSharing,
  };
}

/** Fills `t` from the parameter vector `p` (the input's own, or a draw). No allocation. */
export function fillTables(input: CommitmentInput, p: Float64Array, t: GameTables): void {
  const { n, levels: L, contribution: c, exposure: e } = input;
  const kappa = p[CREDIBILITY]!;
  const wSec = p[W_SECURITY]!;
  const wWin = p[W_PREVAIL]!;
  const wWar = p[W_WAR]! * p[CONFLICT_RISK]!;
  const wCoe = p[W_COERCION]!;
  const wThr = p[W_THREAT]!;
  const wDom = p[W_DOMESTIC]!;
  t.leadCapability = p[LEAD_CAPABILITY]!;
  t.rivalCapability = p[RIVAL_CAPABILITY]!;
  for (let i = 0; i < n; i++) {
    const o = GLOBALS + i * TERMS;
    const m = p[o + T_CAPABILITY]!;
    const sec = wSec * p[o + T_SECURITY]! * kappa;
    const alpha = p[o + T_ABANDONMENT]!;
    const stake = wWin * p[o + T_STAKE]! * kappa;
    const coerce = wCoe * p[o + T_TRADE]! * p[o + T_COERCION]!;
    const perExposure =
      wWar + wThr * p[o + T_THREAT]! + wDom * p[o + T_DEPENDENCE]! * (1 - p[o + T_SUPPORT]!);
    for (let k = 0; k < L; k++) {
      const at = i * L + k;
      const ek = e[k]!;
      t.a[at] = sec * (1 - alpha * (1 - c[k]!)) - ek * perExposure;
      t.b[at] = stake + wWar * ek * kappa;
      t.h[at] = coerce * ek;
      t.cm[at] = c[k]! * m;
    }
  }
}

/** Chance the coalition prevails when the committed capability (lead included) is `A`. */
export function prevailProbability(A: number, rival: number): number {
  const total = A + rival;
  return total > 0 ? A / total : 0;
}

/**
 * U_i(k) given the others' added capability `othersCap` (Σ_{j≠i} c_{k_j} m_j, lead excluded) and
 * the others' summed exposure `othersExposure`.
 */
export function utilityAt(
  t: GameTables,
  i: number,
  k: number,
  othersCap: number,
  othersExposure: number,
): number {
  const at = i * t.levels + k;
  const P = prevailProbability(t.leadCapability + othersCap + t.cm[at]!, t.rivalCapability);
  const g = t.sharing ? 1 / (1 + othersExposure) : 1;
  return t.a[at]! + t.b[at]! * P - t.h[at]! * g;
}

/** The lowest level among i's best responses (a higher level must pay strictly more). */
export function bestResponse(
  t: GameTables,
  i: number,
  othersCap: number,
  othersExposure: number,
): number {
  let best = 0;
  let bestU = utilityAt(t, i, 0, othersCap, othersExposure);
  for (let k = 1; k < t.levels; k++) {
    const u = utilityAt(t, i, k, othersCap, othersExposure);
    if (u > bestU + TIE_TOLERANCE * (1 + Math.abs(bestU))) {
      best = k;
      bestU = u;
    }
  }
  return best;
}

/** True when level `k` is one of i's best responses (no level pays more, within the tolerance). */
export function isBestResponse(
  t: GameTables,
  i: number,
  k: number,
  othersCap: number,
  othersExposure: number,
): boolean {
  const u = utilityAt(t, i, k, othersCap, othersExposure);
  const tol = TIE_TOLERANCE * (1 + Math.abs(u));
  for (let q = 0; q < t.levels; q++) {
    if (q !== k && utilityAt(t, i, q, othersCap, othersExposure) > u + tol) return false;
  }
  return true;
}

/** Σ_j c_{k_j} m_j and Σ_j e_{k_j} over the whole profile, into `out[0]`, `out[1]`. */
export function profileSums(t: GameTables, profile: Int32Array, out: Float64Array): void {
  let cap = 0;
  let exp = 0;
  for (let j = 0; j < t.n; j++) {
    const k = profile[j]!;
    cap += t.cm[j * t.levels + k]!;
    exp += t.exposure[k]!;
  }
  out[0] = cap;
  out[1] = exp;
}

/**
 * The six terms of U_i(k) one by one (in `TERM_NAMES` order) into `out`, from the parameters
 * directly (not the folded tables): the explanation of a choice.
 */
export function termValues(
  input: CommitmentInput,
  p: Float64Array,
  i: number,
  k: number,
  othersCap: number,
  othersExposure: number,
  out: Float64Array,
): void {
  const o = GLOBALS + i * TERMS;
  const kappa = p[CREDIBILITY]!;
  const ck = input.contribution[k]!;
  const ek = input.exposure[k]!;
  const P = prevailProbability(
    p[LEAD_CAPABILITY]! + othersCap + ck * p[o + T_CAPABILITY]!,
    p[RIVAL_CAPABILITY]!,
  );
  const g = input.coercionSharing ? 1 / (1 + othersExposure) : 1;
  out[0] = p[W_SECURITY]! * p[o + T_SECURITY]! * kappa * (1 - p[o + T_ABANDONMENT]! * (1 - ck));
  out[1] = p[W_PREVAIL]! * p[o + T_STAKE]! * kappa * P;
  out[2] = -p[W_WAR]! * p[CONFLICT_RISK]! * ek * (1 - kappa * P);
  out[3] = -p[W_COERCION]! * p[o + T_TRADE]! * p[o + T_COERCION]! * ek * g;
  out[4] = -p[W_THREAT]! * p[o + T_THREAT]! * ek;
  out[5] = -p[W_DOMESTIC]! * p[o + T_DEPENDENCE]! * (1 - p[o + T_SUPPORT]!) * ek;
}
