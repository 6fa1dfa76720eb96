/**
 * The probabilistic Condorcet election (PCE): voters with weights and utilities over options →
 * pairwise coalition strengths → pairwise victory probabilities → one probability per option.
 * Source: KTAB `kmodel.cpp`, `Model::coalitions`, `Model::vProb`, `Model::condPCE`,
 * `Model::markovUniformPCE`, `Model::markovIncentivePCE` (docs/spec/smp.md, "Probabilistic Condorcet
 * election").
 *
 * Everything works in a preallocated {@link ElectionWorkspace}; matrices are dense with stride
 * `nOpt` (row a, column b). Utilities are read through `rows`: option a's utilities to the voters
 * are `util[rows[a] + k]`, k = 0..nVoters−1, so options can share rows without copying.
 */
import type { PceModel, VictoryProbModel } from './options.ts';
import { vote } from './vote.ts';

/** Coalition floor: every coalition has at least this strength (KTAB `minCltn` in `coalitions`). */
export const MIN_COALITION = 1e-8;

export const VICTORY_CODE: Readonly<Record<VictoryProbModel, number>> = {
  Linear: 0,
  Square: 1,
  Quartic: 2,
  Octic: 3,
  Binary: 4,
};

export const PCE_CODE: Readonly<Record<PceModel, number>> = {
  Conditional: 0,
  MarkovUniform: 1,
  MarkovIncentive: 2,
};

export interface ElectionWorkspace {
  /** Largest number of options the workspace holds. */
  readonly capacity: number;
  /** Coalition strengths C(a,b): support for a over b. */
  readonly strength: Float64Array;
  /** Victory probabilities P(a>b). */
  readonly victory: Float64Array;
  /** Markov incentive matrix Q(a|b). */
  readonly incentive: Float64Array;
  /** Scratch vector for the Markov iterations. */
  readonly next: Float64Array;
  /** Scratch [C(a,b), C(b,a)] of one pair. */
  readonly pair: Float64Array;
}

export function createElectionWorkspace(capacity: number): ElectionWorkspace {
  const c = Math.max(1, capacity);
  return {
    capacity: c,
    strength: new Float64Array(c * c),
    victory: new Float64Array(c * c),
    incentive: new Float64Array(c * c),
    next: new Float64Array(c),
    pair: new Float64Array(2),
  };
}

export interface ElectionSettings {
  /** A {@link VOTE_CODE}. */
  readonly vote: number;
  /** A {@link VICTORY_CODE}. */
  readonly victory: number;
  /** A {@link PCE_CODE}. */
  readonly pce: number;
  /** Step limit of the Markov PCEs. */
  readonly markovSteps: number;
}

/**
 * C(a,b) = 1e-8 + Σ_k max(0, v_k(a:b)) and C(b,a) = 1e-8 + Σ_k max(0, −v_k(a:b)), computing only
 * v(later:earlier) as KTAB does (it matters only for asymmetric rules). Sign splits are branch
 * free: max(0, v) = (v + |v|)/2 exactly.
 */
export function coalitionStrengths(
  ws: ElectionWorkspace,
  nOpt: number,
  nVoters: number,
  weight: Float64Array,
  util: Float64Array,
  rows: Int32Array,
  voteRule: number,
): void {
  const C = ws.strength;
  for (let a = 0; a < nOpt; a++) {
    const ra = rows[a]!;
    for (let b = 0; b < a; b++) {
      const rb = rows[b]!;
      if (voteRule === 0) proportionalPair(weight, util, ra, rb, nVoters, ws.pair);
      else anyRulePair(weight, util, ra, rb, nVoters, voteRule, ws.pair);
      C[a * nOpt + b] = ws.pair[0]!;
      C[b * nOpt + a] = ws.pair[1]!;
    }
    C[a * nOpt + a] = MIN_COALITION;
  }
}

/**
 * Both coalitions of one pair under the proportional rule, specialised: this loop is n³/2 per
 * turn in the risk election. No call inside, so no double is ever boxed.
 */
function proportionalPair(
  weight: Float64Array,
  util: Float64Array,
  ra: number,
  rb: number,
  nVoters: number,
  out: Float64Array,
): void {
  let cab = MIN_COALITION;
  let cba = MIN_COALITION;
  for (let k = 0; k < nVoters; k++) {
    const v = weight[k]! * (util[ra + k]! - util[rb + k]!);
    const av = Math.abs(v);
    cab += (v + av) * 0.5;
    cba += (av - v) * 0.5;
  }
  out[0] = cab;
  out[1] = cba;
}

function anyRulePair(
  weight: Float64Array,
  util: Float64Array,
  ra: number,
  rb: number,
  nVoters: number,
  rule: number,
  out: Float64Array,
): void {
  let cab = MIN_COALITION;
  let cba = MIN_COALITION;
  for (let k = 0; k < nVoters; k++) {
    const v = vote(rule, weight[k]!, util[ra + k]! - util[rb + k]!);
    const av = Math.abs(v);
    cab += (v + av) * 0.5;
    cba += (av - v) * 0.5;
  }
  out[0] = cab;
  out[1] = cba;
}

/** Binary victory: near-certain beyond this ratio of strengths (KTAB `vProb`, Binary). */
const BINARY_RATIO = 1.1;
const BINARY_MIN_P = 1e-6;

/** P(a>b) from strengths s1 = C(a,b), s2 = C(b,a) under a {@link VICTORY_CODE}. */
export function victoryProbability(model: number, s1: number, s2: number): number {
  switch (model) {
    case 0:
      return s1 / (s1 + s2);
    case 1:
    case 2:
    case 3: {
      // f(x) = x^(2^model); written as 1/(1 + (s2/s1)^e) so large strengths cannot overflow.
      let r = s2 / s1;
      r *= r;
      if (model >= 2) r *= r;
      if (model === 3) r *= r;
      return 1 / (1 + r);
    }
    default: {
      if (s1 >= BINARY_RATIO * s2) return 1 / (1 + BINARY_MIN_P);
      if (s2 >= BINARY_RATIO * s1) return BINARY_MIN_P / (1 + BINARY_MIN_P);
      const r = s1 / (s1 + s2);
      // The ramp (2.1r − 1)/0.1 runs from 0 at s1 = s2/1.1 to 1 at s1 = 1.1·s2.
      return Math.min(1, Math.max(0, (2.1 * r - 1) / 0.1));
    }
  }
}

/** Fills P(a>b) for all pairs; P(b>a) = 1 − P(a>b) and P(a>a) = ½, as KTAB does. */
export function victoryMatrix(ws: ElectionWorkspace, nOpt: number, model: number): void {
  const C = ws.strength;
  const P = ws.victory;
  for (let a = 0; a < nOpt; a++) {
    for (let b = 0; b < a; b++) {
      const p = victoryProbability(model, C[a * nOpt + b]!, C[b * nOpt + a]!);
      P[a * nOpt + b] = p;
      P[b * nOpt + a] = 1 - p;
    }
    P[a * nOpt + a] = 0.5;
  }
}

/** Below this the plain product risks underflow; the logs take over. */
const TINY_PRODUCT = 1e-280;

/**
 * Conditional PCE: P_a ∝ Π_b P(a>b). The product is formed as KTAB forms it; only when it would
 * underflow do we sum logs instead (same ranking, no zeros).
 */
export function conditionalPce(ws: ElectionWorkspace, nOpt: number, out: Float64Array): void {
  const P = ws.victory;
  let sum = 0;
  let max = 0;
  for (let a = 0; a < nOpt; a++) {
    let pa = 1;
    for (let b = 0; b < nOpt; b++) pa *= P[a * nOpt + b]!;
    out[a] = pa;
    sum += pa;
    if (pa > max) max = pa;
  }
  if (max < TINY_PRODUCT) {
    let maxLog = -Infinity;
    for (let a = 0; a < nOpt; a++) {
      let la = 0;
      for (let b = 0; b < nOpt; b++) la += Math.log(P[a * nOpt + b]!);
      out[a] = la;
      if (la > maxLog) maxLog = la;
    }
    sum = 0;
    for (let a = 0; a < nOpt; a++) {
      const e = Math.exp(out[a]! - maxLog);
      out[a] = e;
      sum += e;
    }
  }
  for (let a = 0; a < nOpt; a++) out[a] = out[a]! / sum;
}

/**
 * Markov PCE with uniform challenges: iterate q_a = (1/N) Σ_b P(a>b)(p_a + p_b),
 * p ← (p + q)/2 from the uniform distribution until the largest change is ≤ 1e-6.
 * Returns the number of steps, or −1 when `maxSteps` passed without convergence.
 */
export function markovUniformPce(
  ws: ElectionWorkspace,
  nOpt: number,
  out: Float64Array,
  maxSteps: number,
): number {
  const P = ws.victory;
  const q = ws.next;
  out.fill(1 / nOpt, 0, nOpt);
  for (let step = 1; step <= maxSteps; step++) {
    let change = 0;
    for (let a = 0; a < nOpt; a++) {
      let qa = 0;
      const pa = out[a]!;
      for (let b = 0; b < nOpt; b++) qa += P[a * nOpt + b]! * (pa + out[b]!);
      q[a] = qa / nOpt;
    }
    for (let a = 0; a < nOpt; a++) {
      const np = (out[a]! + q[a]!) / 2;
      change = Math.max(change, Math.abs(np - out[a]!));
      out[a] = np;
    }
    if (change <= 1e-6) return step;
  }
  return -1;
}

/** Added to the diagonal of the incentive matrix (KTAB `markovIncentivePCE`). */
const INCENTIVE_DIAGONAL = 1e-10;

/**
 * Markov PCE with incentive-driven challenges: Q(a|b) ∝ C(a,b)P(a>b) (+1e-10 on the diagonal),
 * normalised over a for each b; iterate q_a = Σ_b P(a>b)[p_a Q(b|a) + p_b Q(a|b)],
 * p ← (p + q)/2 until the largest change is ≤ 1e-8. Returns steps, or −1 without convergence.
 */
export function markovIncentivePce(
  ws: ElectionWorkspace,
  nOpt: number,
  out: Float64Array,
  maxSteps: number,
): number {
  const P = ws.victory;
  const C = ws.strength;
  const Q = ws.incentive;
  const q = ws.next;
  for (let b = 0; b < nOpt; b++) {
    let col = 0;
    for (let a = 0; a < nOpt; a++) {
      const v = C[a * nOpt + b]! * P[a * nOpt + b]! + (a === b ? INCENTIVE_DIAGONAL : 0);
      Q[a * nOpt + b] = v;
      col += v;
    }
    for (let a = 0; a < nOpt; a++) Q[a * nOpt + b] = Q[a * nOpt + b]! / col;
  }
  out.fill(1 / nOpt, 0, nOpt);
  for (let step = 1; step <= maxSteps; step++) {
    for (let a = 0; a < nOpt; a++) {
      let qa = 0;
      const pa = out[a]!;
      for (let b = 0; b < nOpt; b++) {
        qa += P[a * nOpt + b]! * (pa * Q[b * nOpt + a]! + out[b]! * Q[a * nOpt + b]!);
      }
      q[a] = qa;
    }
    let change = 0;
    for (let a = 0; a < nOpt; a++) {
      const np = (out[a]! + q[a]!) / 2;
      change = Math.max(change, Math.abs(np - out[a]!));
      out[a] = np;
    }
    if (change <= 1e-8) return step;
  }
  return -1;
}

/**
 * A whole election: fills `out[0..nOpt)` with the options' probabilities (summing to 1).
 * Returns false when a Markov PCE did not converge within its step limit (the last iterate is
 * returned; the caller warns).
 */
export function runElection(
  ws: ElectionWorkspace,
  nOpt: number,
  nVoters: number,
  weight: Float64Array,
  util: Float64Array,
  rows: Int32Array,
  settings: ElectionSettings,
  out: Float64Array,
): boolean {
  if (nOpt === 1) {
    out[0] = 1;
    return true;
  }
  coalitionStrengths(ws, nOpt, nVoters, weight, util, rows, settings.vote);
  victoryMatrix(ws, nOpt, settings.victory);
  switch (settings.pce) {
    case 0:
      conditionalPce(ws, nOpt, out);
      return true;
    case 1:
      return markovUniformPce(ws, nOpt, out, settings.markovSteps) >= 0;
    default:
      return markovIncentivePce(ws, nOpt, out, settings.markovSteps) >= 0;
  }
}

/** The most probable option; the first in order on ties (KTAB `ndxMaxProb`). */
export function mostProbable(p: Float64Array, nOpt: number): number {
  let best = 0;
  for (let a = 1; a < nOpt; a++) if (p[a]! > p[best]!) best = a;
  return best;
}

/** Draws an option from `p` with a uniform u in [0, 1) (KTAB `PRNG::probSel`). */
export function drawOption(p: Float64Array, nOpt: number, u: number): number {
  let acc = 0;
  for (let a = 0; a < nOpt; a++) {
    acc += p[a]!;
    if (u < acc) return a;
  }
  return nOpt - 1;
}
