/**
 * The coalition game derived from a scenario (docs/coalitions.md §Stability). Players are the lead
 * (player 0) and the candidates (players 1..k). A bloc C of players pools its capability against the
 * rival and commits its members to a common position; each member's payoff, relative to standing
 * alone (payoff 0), is
 *
 *   u_i(C) = s_i [EU_i(C) − EU_i({i})] − θ_trade·τ_i − θ_pub·π_i(x_C)      (|C| ≥ 2; u_i({i}) = 0)
 *   EU_i(C) = P(C)·v_i(x_C) + (1 − P(C))·v_i(x_R)       expected utility of the contest
 *   P(C) = E(C) / (E(C) + e_R),  E(C) = Σ_{j∈C} c_j δ_j  probability the bloc prevails (capabilities
 *                                                        with distance discount, as in The War Trap)
 *   x_C = Σ c_j s_j x_j / Σ c_j s_j                     the bloc's common position: the compromise
 *                                                        model (Achen 2006) over its members
 *   EU_i({i}) = P_i + (1 − P_i)·v_i(x_R),  P_i = e_i/(e_i + e_R)   standing alone at its own position
 *   v_i(x) = 1 − |x_i − x|/R,  τ_i = share of exports to the rival (0–1),
 *   π_i(x) = s_p (|x_p − x| − |x_p − q|)/R             its public's loss from committing to x rather
 *                                                        than the status quo q (issue reference point)
 *
 * This is a hedonic game (Banerjee, Konishi & Sönmez 2001; Bogomolnaia & Jackson 2002): a player's
 * payoff depends only on its own bloc. Spill-overs are left out — an actor outside every bloc is
 * valued at standing alone, although deterrence benefits outsiders too (Olson & Zeckhauser 1966) —
 * so payoffs overstate the incentive to join; docs/coalitions.md says so.
 */
import type { NumericInput } from '../../core/numeric-input.ts';
import { type CoalitionInput, PUBLIC_WEIGHT, TRADE_COST } from '../coalition-input.ts';

/** Largest number of players (lead + candidates) the game tables are built for. */
export const MAX_GAME_PLAYERS = 21;

export interface CoalitionGame {
  /** Players: actor indexes, the lead first. */
  readonly actors: Int32Array;
  readonly players: number;
  /** u_i(C) for player i in the bloc given as a bitmask over players. */
  readonly payoff: (i: number, mask: number) => number;
  /** Σ_{i∈C} u_i(C): the bloc's value (its members' summed payoffs). */
  readonly value: (mask: number) => number;
}

export function coalitionGame(input: NumericInput, c: CoalitionInput): CoalitionGame {
  const players = 1 + c.candidates.length;
  if (players > MAX_GAME_PLAYERS) {
    throw new RangeError(`at most ${MAX_GAME_PLAYERS - 1} candidates, got ${players - 1}`);
  }
  const { d } = input;
  const k = c.issue;
  const R = input.scaleMax[k]! - input.scaleMin[k]!;
  const q = input.reference[k]!;
  const at = (i: number) => i * d + k;
  const actors = Int32Array.from([c.lead, ...c.candidates]);
  const eR = input.capability[c.rival]! * c.distance[c.rival]!;
  const xR = input.position[at(c.rival)]!;
  const thetaTrade = c.coefficients[TRADE_COST]!;
  const thetaPublic = c.coefficients[PUBLIC_WEIGHT]!;

  const e = new Float64Array(players);
  const cs = new Float64Array(players);
  const x = new Float64Array(players);
  const s = new Float64Array(players);
  const base = new Float64Array(players); // EU_i({i})
  const vR = new Float64Array(players);
  const fixedCost = new Float64Array(players); // θ_trade·τ_i
  const pubSal = new Float64Array(players); // θ_pub·s_p (0 without a public or status quo)
  const pubX = new Float64Array(players);
  actors.forEach((a, i) => {
    e[i] = input.capability[a]! * c.distance[a]!;
    s[i] = input.salience[at(a)]!;
    x[i] = input.position[at(a)]!;
    cs[i] = input.capability[a]! * s[i];
    vR[i] = 1 - Math.abs(x[i] - xR) / R;
    const p = e[i] + eR > 0 ? e[i] / (e[i] + eR) : 0.5;
    base[i] = p + (1 - p) * vR[i];
    fixedCost[i] = thetaTrade * c.tradeWithRival[a]!;
    const pub = c.publicOf[a]!;
    if (pub >= 0 && input.present[at(pub)] && !Number.isNaN(q)) {
      pubSal[i] = thetaPublic * input.salience[at(pub)]!;
      pubX[i] = input.position[at(pub)]!;
    }
  });

  // Per bloc: P(C) and x_C, built once (O(players·2^players)).
  const size = 2 ** players;
  const prob = new Float64Array(size);
  const pos = new Float64Array(size);
  for (let mask = 1; mask < size; mask++) {
    let E = 0;
    let CS = 0;
    let CSX = 0;
    let X = 0;
    let count = 0;
    for (let i = 0; i < players; i++) {
      if (!(mask & (1 << i))) continue;
      E += e[i]!;
      CS += cs[i]!;
      CSX += cs[i]! * x[i]!;
      X += x[i]!;
      count++;
    }
    prob[mask] = E + eR > 0 ? E / (E + eR) : 0.5;
    pos[mask] = CS > 0 ? CSX / CS : X / count;
  }

  const payoff = (i: number, mask: number): number => {
    if ((mask & (mask - 1)) === 0) return 0; // alone: the baseline
    const xc = pos[mask]!;
    const p = prob[mask]!;
    const eu = p * (1 - Math.abs(x[i]! - xc) / R) + (1 - p) * vR[i]!;
    let u = s[i]! * (eu - base[i]!) - fixedCost[i]!;
    if (pubSal[i]! !== 0) {
      u -= (pubSal[i]! * (Math.abs(pubX[i]! - xc) - Math.abs(pubX[i]! - q))) / R;
    }
    return u;
  };
  const value = (mask: number): number => {
    let v = 0;
    for (let i = 0; i < players; i++) if (mask & (1 << i)) v += payoff(i, mask);
    return v;
  };
  return { actors, players, payoff, value };
}
