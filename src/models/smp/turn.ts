/**
 * One SMP turn as a pure step over a {@link SmpWorkspace}: reads `ws.x` (start-of-turn state),
 * writes `ws.xNext`, and leaves the turn's risk attitudes, targets, bargains, queues and election
 * probabilities in the workspace for the caller to record. Every step reads the start-of-turn
 * state; all actors move at once at the end. Source: KTAB `smp.cpp`, `SMPState::setAllAUtil`,
 * `SMPState::bestChallenge`, `SMPState::doBCN` (docs/spec/smp.md, "One turn").
 */
import type { Rng } from '../../core/rng.ts';
import { interpolate, round4 } from './bargain.ts';
import { type ContestState, MIN_GAIN, contest, perceivedColumn } from './challenge.ts';
import { type ElectionSettings, drawOption, mostProbable, runElection } from './election.ts';
import type { BigRAdjust } from './options.ts';
import { riskAttitudes, riskEstimates } from './risk.ts';
import { salienceDistance, smpUtility } from './utility.ts';
import type { SmpWorkspace } from './workspace.ts';

export interface TurnSettings {
  readonly election: ElectionSettings;
  /** A {@link RANGE_CODE}. */
  readonly range: number;
  readonly adjust: BigRAdjust;
  /** An {@link INTERP_CODE}. */
  readonly interp: number;
  /** 0 InitOnlyInterp, 1 InitRcvrInterp, 2 PWCompInterp. */
  readonly bargainModel: number;
  readonly stochastic: boolean;
  readonly ktabCompat: boolean;
}

/** What went wrong in a turn without stopping it (the caller turns these into warnings). */
export interface TurnFlags {
  /** p_max = p_min in the risk election: every R_i was set to 0. */
  degenerateRisk: boolean;
  /** A Markov PCE hit its step limit. */
  markovUnconverged: number;
}

/** Step 0: distances from each ideal (= start-of-turn position) to every position. */
function distances(ws: SmpWorkspace): void {
  const { n, dims, x, s, dist, distT } = ws;
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      const d = a === b ? 0 : salienceDistance(x, s, a * dims, x, b * dims, dims);
      dist[a * n + b] = d;
      distT[b * n + a] = d;
    }
  }
}

/**
 * Step 1: a risk-neutral election over all n positions (utilities 1 − d_kj, weights c_k) gives
 * p_i, hence R_i and every actor's estimates R̂_hi and own utilities u(d_am; R_a).
 */
function riskStep(ws: SmpWorkspace, st: TurnSettings, flags: TurnFlags): void {
  const { n, distT, riskUtil, riskProb, risk, dist, selfUtil } = ws;
  for (let a = 0; a < n * n; a++) riskUtil[a] = 1 - distT[a]!;
  if (!runElection(ws.election, n, n, ws.c, riskUtil, ws.riskRows, st.election, riskProb)) {
    flags.markovUnconverged++;
  }
  if (!riskAttitudes(riskProb, n, st.range, risk)) flags.degenerateRisk = true;
  riskEstimates(st.adjust, risk, n, ws.riskHat);
  for (let a = 0; a < n; a++) {
    const r = risk[a]!;
    for (let m = 0; m < n; m++) selfUtil[a * n + m] = smpUtility(dist[a * n + m]!, r);
  }
}

/** Resolution of the challenge bound used to order targets (2^-20). */
const BOUND_STEP = 1 / 1048576;
/** Slack for rounding in the computed gain against its bound. */
const BOUND_SLACK = 1e-9;

/**
 * Step 2: each actor's best challenge, judged with its own perceptions: the j with the largest
 * ΔEU > 1e-5, lowest j on ties.
 *
 * Pruning (exact): ΔEU_ij = (1 − U_ij)(1 − 2S_j(1 − P)) ≤ 1 − U_ij, so targets are visited in
 * decreasing order of that bound and the search stops once the bound falls below the best gain
 * found (or below 1e-5). The order comes from one native sort of packed keys
 * (⌊bound·2²⁰⌋·n + j), with the quantisation step and a rounding slack added back before
 * stopping, so the result is exactly that of the full scan, in about half the contests.
 */
function challengeStep(ws: SmpWorkspace, cst: ContestState): void {
  const { n, column, contestOut, target, targetProb, targetGain, selfUtil, sortKeys } = ws;
  for (let i = 0; i < n; i++) {
    perceivedColumn(cst, i, i, column);
    const oi = i * n;
    for (let j = 0; j < n; j++) {
      sortKeys[j] = j === i ? -1 : Math.floor((1 - selfUtil[oi + j]!) / BOUND_STEP) * n + j;
    }
    sortKeys.sort();
    let best = -Infinity;
    let bestJ = -1;
    let bestP = 0;
    for (let idx = n - 1; idx >= 0; idx--) {
      const key = sortKeys[idx]!;
      if (key < 0) break;
      const j = key % n;
      const bound = ((key - j) / n) * BOUND_STEP + BOUND_STEP + BOUND_SLACK;
      if (bound < (best > MIN_GAIN ? best : MIN_GAIN)) break;
      contest(cst, i, i, i, j, column, contestOut);
      const gain = contestOut[0]!;
      if (gain > best || (gain === best && j < bestJ)) {
        best = gain;
        bestJ = j;
        bestP = contestOut[1]!;
      }
    }
    const ok = best > MIN_GAIN;
    target[i] = ok ? bestJ : -1;
    targetProb[i] = ok ? bestP : 0;
    targetGain[i] = ok ? best : 0;
  }
}

function addBargain(ws: SmpWorkspace, st: TurnSettings, i: number, j: number, p: number): number {
  const b = ws.nBargains++;
  ws.bargainInit[b] = i;
  ws.bargainRcvr[b] = j;
  ws.bargainProb[b] = p;
  const o = 2 * b * ws.dims;
  interpolate(st.interp, ws.x, ws.s, i, j, ws.dims, p, 1 - p, ws.bargainPos, o, o + ws.dims);
  return b;
}

/**
 * Step 3: proposals. InitOnlyInterp: the initiator's bargain. InitRcvrInterp: also the
 * receiver's own reading of the same contest. PWCompInterp: the two combined by the parties'
 * contest weights into one bargain.
 */
function bargainStep(ws: SmpWorkspace, st: TurnSettings, cst: ContestState): void {
  const { n, dims, target, targetProb, column, contestOut, bargainPos } = ws;
  ws.nBargains = 0;
  for (let i = 0; i < n; i++) {
    const j = target[i]!;
    if (j < 0) continue;
    const b1 = addBargain(ws, st, i, j, targetProb[i]!);
    if (st.bargainModel === 0) continue;
    perceivedColumn(cst, j, i, column);
    contest(cst, j, j, i, j, column, contestOut);
    // KTAB quirk: the receiver's interpolation is fed its expected-utility change, not P
    // (clamped to [0, 1] here so that S1P1 and S2PMax weights stay non-negative).
    const pj = st.ktabCompat ? Math.min(1, Math.max(0, contestOut[0]!)) : contestOut[1]!;
    const b2 = addBargain(ws, st, i, j, pj);
    if (st.bargainModel === 1) continue;
    // PWCompInterp: weight the two readings by S_i c_i and S_j c_j (KTAB quirk: c_i S_j).
    const wi = ws.weight[i]!;
    const wj = st.ktabCompat ? ws.c[i]! * ws.salienceSum[j]! : ws.weight[j]!;
    const tot = wi + wj;
    const fi = tot > 0 ? wi / tot : 0.5;
    const o1 = 2 * b1 * dims;
    const o2 = 2 * b2 * dims;
    for (let k = 0; k < 2 * dims; k++) {
      const v = fi * bargainPos[o1 + k]! + (1 - fi) * bargainPos[o2 + k]!;
      bargainPos[o1 + k] = st.interp === 2 ? v : round4(v);
    }
    ws.bargainProb[b1] = fi * ws.bargainProb[b1]! + (1 - fi) * pj;
    ws.nBargains--;
  }
}

/**
 * Step 3b: queues, ordered by initiator, each actor's status quo just before its own proposals.
 * Two passes (count, fill) so nothing is allocated.
 */
function queueStep(ws: SmpWorkspace): void {
  const { n, queueStart, queueFill, queueItem, bargainInit, bargainRcvr } = ws;
  const nb = ws.nBargains;
  queueFill.fill(1);
  for (let b = 0; b < nb; b++) {
    queueFill[bargainInit[b]!]!++;
    queueFill[bargainRcvr[b]!]!++;
  }
  queueStart[0] = 0;
  for (let k = 0; k < n; k++) queueStart[k + 1] = queueStart[k]! + queueFill[k]!;
  queueFill.fill(0);
  let b = 0;
  for (let i = 0; i < n; i++) {
    queueItem[queueStart[i]! + queueFill[i]!++] = -1;
    for (; b < nb && bargainInit[b] === i; b++) {
      queueItem[queueStart[i]! + queueFill[i]!++] = b;
      const j = bargainRcvr[b]!;
      queueItem[queueStart[j]! + queueFill[j]!++] = b;
    }
  }
}

/**
 * Step 4a: the value of each option to each voter a: the mean over all n actors' positions of
 * u(d; R_a), with a bargain's two new positions replacing its initiator's and receiver's. Summed
 * in KTAB's order (initiator, receiver, then the others) so ties break as in KTAB.
 */
function optionUtilities(ws: SmpWorkspace): void {
  const { n, dims, x, s, selfUtil, optUtil, risk, bargainPos, bargainInit, bargainRcvr } = ws;
  for (let a = 0; a < n; a++) {
    let sum = 0;
    for (let m = 0; m < n; m++) sum += selfUtil[a * n + m]!;
    optUtil[a] = sum / n;
  }
  for (let b = 0; b < ws.nBargains; b++) {
    const bi = bargainInit[b]!;
    const bj = bargainRcvr[b]!;
    const lo = bi < bj ? bi : bj;
    const hi = bi < bj ? bj : bi;
    const oi = 2 * b * dims;
    const row = (b + 1) * n;
    for (let a = 0; a < n; a++) {
      const r = risk[a]!;
      let sum = 0;
      sum += smpUtility(salienceDistance(x, s, a * dims, bargainPos, oi, dims), r);
      sum += smpUtility(salienceDistance(x, s, a * dims, bargainPos, oi + dims, dims), r);
      // The others in index order, in three runs around the two parties (no branch per term).
      const ua = a * n;
      for (let m = ua; m < ua + lo; m++) sum += selfUtil[m]!;
      for (let m = ua + lo + 1; m < ua + hi; m++) sum += selfUtil[m]!;
      for (let m = ua + hi + 1; m < ua + n; m++) sum += selfUtil[m]!;
      optUtil[row + a] = sum / n;
    }
  }
}

/**
 * Step 4b: each actor resolves its own queue: an election with all n actors voting (weights c_a);
 * it takes its side of the winner, or stays put when its status quo wins.
 */
function transitionStep(ws: SmpWorkspace, st: TurnSettings, rng: Rng, flags: TurnFlags): void {
  const { n, dims, x, xNext, queueStart, queueItem, queueProb, rows, prob, chosen } = ws;
  for (let k = 0; k < n; k++) {
    const q0 = queueStart[k]!;
    const len = queueStart[k + 1]! - q0;
    for (let m = 0; m < len; m++) rows[m] = (queueItem[q0 + m]! + 1) * n;
    if (!runElection(ws.election, len, n, ws.c, ws.optUtil, rows, st.election, prob)) {
      flags.markovUnconverged++;
    }
    for (let m = 0; m < len; m++) queueProb[q0 + m] = prob[m]!;
    const pick = st.stochastic ? drawOption(prob, len, rng.next()) : mostProbable(prob, len);
    chosen[k] = pick;
    const b = queueItem[q0 + pick]!;
    const from = b < 0 ? k * dims : (2 * b + (ws.bargainInit[b] === k ? 0 : 1)) * dims;
    const src = b < 0 ? x : ws.bargainPos;
    for (let d = 0; d < dims; d++) xNext[k * dims + d] = src[from + d]!;
  }
}

/** Runs one turn: `ws.xNext` receives the new state (the caller swaps). */
export function step(ws: SmpWorkspace, st: TurnSettings, rng: Rng, flags: TurnFlags): void {
  distances(ws);
  riskStep(ws, st, flags);
  challengeStep(ws, ws.contest);
  bargainStep(ws, st, ws.contest);
  queueStep(ws);
  optionUtilities(ws);
  transitionStep(ws, st, rng, flags);
}
