/**
 * Which coalitions of the lead with candidate joiners are stable (docs/coalitions.md §Stability).
 * For each set T of candidates, the partition is {lead ∪ T} plus every other candidate alone:
 *
 * - individually rational: every member (lead included) gets u_i ≥ 0, i.e. at least its payoff
 *   alone (Bogomolnaia & Jackson 2002);
 * - Nash stable: no player gains by moving on its own to another bloc of the partition or to being
 *   alone — a member leaving, a member joining an outsider, an outsider joining the coalition or
 *   another outsider (Bogomolnaia & Jackson 2002);
 * - core stable: no group C of players (with or without the lead) all of whom strictly prefer
 *   forming C to where they are (Banerjee, Konishi & Sönmez 2001; Bogomolnaia & Jackson 2002). Core stability implies individual rationality, so the core is checked only for IR
 *   coalitions, each against all 2^(k+1) − 1 groups, within a work budget (`coreBudget`); beyond
 *   it, the coalitions left unchecked are reported as such (`coreChecked` false).
 *
 * Strict preference means better by more than {@link STABILITY_EPS}.
 */
import type { CoalitionGame } from './coalition-game.ts';

export const STABILITY_EPS = 1e-12;

/** Flag bits of {@link StabilityTable.flags}. */
export const IR = 1;
export const NASH = 2;
export const CORE = 4;
export const CORE_CHECKED = 8;

export interface StabilityTable {
  /** k: number of candidates; T ranges over 0..2^k − 1 (bit j = candidate j). */
  readonly candidates: number;
  /** Per T: IR | NASH | CORE | CORE_CHECKED bits. */
  readonly flags: Uint8Array;
  /** Per T: Σ of the members' payoffs (outsiders get 0). */
  readonly welfare: Float64Array;
  /** Per T: the lead's payoff. */
  readonly leadPayoff: Float64Array;
  readonly counts: { ir: number; nash: number; core: number; coreUnchecked: number };
}

export interface StabilityOptions {
  /** Most (coalition, group) pairs examined for the core. Default 2^28. */
  readonly coreBudget?: number;
}

/** The players' bitmask (player 0 = lead) of the coalition of the lead with candidate set T. */
export const withLead = (T: number): number => (T << 1) | 1;

export function analyseStability(
  game: CoalitionGame,
  options: StabilityOptions = {},
): StabilityTable {
  const P = game.players;
  const k = P - 1;
  const nT = 2 ** k;
  const all = 2 ** P - 1;
  const flags = new Uint8Array(nT);
  const welfare = new Float64Array(nT);
  const leadPayoff = new Float64Array(nT);
  const eps = STABILITY_EPS;

  // Pair payoffs u_i({i, j}) and, per player, partners sorted by it (best first); wantsPair[j] =
  // the players j would rather pair with than stay alone.
  const pair = new Float64Array(P * P);
  const wantsPair = new Int32Array(P);
  const partners: number[][] = [];
  for (let i = 0; i < P; i++) {
    for (let j = 0; j < P; j++) {
      if (i === j) continue;
      const u = game.payoff(i, (1 << i) | (1 << j));
      pair[i * P + j] = u;
      if (u > eps) wantsPair[i]! |= 1 << j;
    }
    partners.push(
      Array.from({ length: P }, (_, j) => j)
        .filter((j) => j !== i)
        .sort((a, b) => pair[i * P + b]! - pair[i * P + a]! || a - b),
    );
  }

  const members = new Float64Array(P);
  let ir = 0;
  let nash = 0;
  for (let T = 0; T < nT; T++) {
    const M = withLead(T);
    const outsiders = all & ~M;
    let isIR = true;
    let w = 0;
    for (let i = 0; i < P; i++) {
      if (!(M & (1 << i))) continue;
      const u = game.payoff(i, M);
      members[i] = u;
      w += u;
      if (u < -eps) isIR = false;
    }
    welfare[T] = w;
    leadPayoff[T] = members[0]!;
    let isNash = isIR;
    // A member moving to an outsider: its best partner among the outsiders.
    for (let i = 0; isNash && i < P; i++) {
      if (!(M & (1 << i))) continue;
      for (const j of partners[i]!) {
        if (!(outsiders & (1 << j))) continue;
        if (pair[i * P + j]! > members[i]! + eps) isNash = false;
        break;
      }
    }
    // An outsider joining the coalition or another outsider.
    for (let j = 0; isNash && j < P; j++) {
      if (!(outsiders & (1 << j))) continue;
      if (wantsPair[j]! & outsiders & ~(1 << j)) isNash = false;
      else if (game.payoff(j, M | (1 << j)) > eps) isNash = false;
    }
    if (isIR) ir++;
    if (isNash) nash++;
    flags[T] = (isIR ? IR : 0) | (isNash ? NASH : 0);
  }

  // The core, for IR coalitions, best welfare first, within the budget.
  const budget = options.coreBudget ?? 2 ** 28;
  const irList = Array.from({ length: nT }, (_, T) => T).filter((T) => flags[T]! & IR);
  irList.sort((a, b) => welfare[b]! - welfare[a]! || a - b);
  const checkable = Math.min(irList.length, Math.max(1, Math.floor(budget / all)));
  const current = new Float64Array(P);
  let core = 0;
  for (let r = 0; r < checkable; r++) {
    const T = irList[r]!;
    const M = withLead(T);
    for (let i = 0; i < P; i++) current[i] = M & (1 << i) ? game.payoff(i, M) : 0;
    let blocked = false;
    for (let C = 1; C <= all && !blocked; C++) {
      if (C === M || (C & (C - 1)) === 0) continue; // itself; singletons fail by IR already
      let all_better = true;
      for (let i = 0; i < P; i++) {
        if (C & (1 << i) && !(game.payoff(i, C) > current[i]! + eps)) {
          all_better = false;
          break;
        }
      }
      blocked = all_better;
    }
    flags[T]! |= CORE_CHECKED | (blocked ? 0 : CORE);
    if (!blocked) core++;
  }
  return {
    candidates: k,
    flags,
    welfare,
    leadPayoff,
    counts: { ir, nash, core, coreUnchecked: irList.length - checkable },
  };
}

/**
 * The predicted coalition: the Nash-stable one with the highest welfare; when none is Nash stable,
 * the individually rational one with the highest welfare (the lead alone always is). Ties: fewer
 * members, then the lower bitmask.
 */
export function predictedCoalition(t: StabilityTable): { T: number; rule: 'nash' | 'ir' } {
  const pick = (bit: number): number => {
    let best = -1;
    for (let T = 0; T < t.flags.length; T++) {
      if (!(t.flags[T]! & bit)) continue;
      if (
        best < 0 ||
        t.welfare[T]! > t.welfare[best]! + STABILITY_EPS ||
        (Math.abs(t.welfare[T]! - t.welfare[best]!) <= STABILITY_EPS &&
          popcount(T) < popcount(best))
      ) {
        best = T;
      }
    }
    return best;
  };
  const nash = pick(NASH);
  return nash >= 0 ? { T: nash, rule: 'nash' } : { T: Math.max(0, pick(IR)), rule: 'ir' };
}

export function popcount(x: number): number {
  let c = 0;
  for (; x; x &= x - 1) c++;
  return c;
}
