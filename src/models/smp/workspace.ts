/**
 * Every array one SMP run needs, allocated once per run: a turn allocates nothing.
 * Layouts: actor-major n·dims for positions; n·n matrices row-major, with the distance matrix
 * also kept transposed so the inner loops read contiguously.
 */
import type { ContestState } from './challenge.ts';
import { type ElectionWorkspace, createElectionWorkspace } from './election.ts';

export interface SmpWorkspace {
  readonly n: number;
  readonly dims: number;
  /** Start-of-turn positions (= ideals, identity accommodation) on [0,1], n·dims. */
  x: Float64Array;
  /** End-of-turn positions, swapped with `x` after each turn. */
  xNext: Float64Array;
  /** Saliences in [0,1], n·dims (0 where an actor is absent). */
  readonly s: Float64Array;
  /** Capability c_i, raw. */
  readonly c: Float64Array;
  /** S_i = Σ_k s_ik. */
  readonly salienceSum: Float64Array;
  /** Contest weight S_i·c_i. */
  readonly weight: Float64Array;
  /** d_ab at `dist[a·n + b]`: distance from a's ideal to b's position, weighted by a's saliences. */
  readonly dist: Float64Array;
  /** The transpose: `distT[b·n + a]` = d_ab. */
  readonly distT: Float64Array;
  /** Risk-neutral utilities of the risk election, option-major: `riskUtil[a·n + k]` = 1 − d_ka. */
  readonly riskUtil: Float64Array;
  /** Identity rows 0, n, 2n… for the risk election. */
  readonly riskRows: Int32Array;
  /** The risk election's probabilities p_i. */
  readonly riskProb: Float64Array;
  /** Risk attitudes R_i. */
  readonly risk: Float64Array;
  /** R̂_hi at `riskHat[h·n + i]`. */
  readonly riskHat: Float64Array;
  /** u(d_am; R_a) at `selfUtil[a·n + m]`: a's own utility for m's position. */
  readonly selfUtil: Float64Array;
  /** Packed sort keys ordering each actor's candidate targets (see `challengeStep`). */
  readonly sortKeys: Float64Array;
  /** Scratch column for the contests. */
  readonly column: Float64Array;
  /** Scratch [ΔEU, P] of one contest. */
  readonly contestOut: Float64Array;
  /** Per actor: best target (−1 for none), its probability and gain. */
  readonly target: Int32Array;
  readonly targetProb: Float64Array;
  readonly targetGain: Float64Array;
  /** Bargains this turn: initiator, receiver, the probability credited to the initiator. */
  nBargains: number;
  readonly bargainInit: Int32Array;
  readonly bargainRcvr: Int32Array;
  readonly bargainProb: Float64Array;
  /** Bargain b's initiator side at `bargainPos[2b·dims]`, receiver side at `[(2b+1)·dims]`. */
  readonly bargainPos: Float64Array;
  /** Queues: actor k's options are `queueItem[queueStart[k] .. queueStart[k+1])`, −1 = status quo. */
  readonly queueStart: Int32Array;
  readonly queueFill: Int32Array;
  readonly queueItem: Int32Array;
  /** Election probability of each queued option (same layout as `queueItem`). */
  readonly queueProb: Float64Array;
  /** Each actor's chosen queue entry (index within its queue). */
  readonly chosen: Int32Array;
  /** Option utilities to the voters: row 0 the status quo, row b+1 bargain b; `optUtil[row·n + a]`. */
  readonly optUtil: Float64Array;
  /** Row offsets of the current election's options. */
  readonly rows: Int32Array;
  /** The current election's probabilities. */
  readonly prob: Float64Array;
  readonly election: ElectionWorkspace;
  /** The contests' view of this workspace. */
  readonly contest: ContestState;
}

/** Most bargains one turn can produce: two per initiator (InitRcvrInterp). */
export function maxBargains(n: number): number {
  return 2 * n;
}

/**
 * Allocates a run's workspace. `vote` is a {@link VOTE_CODE}, `commit` a {@link COMMIT_CODE}
 * (fixed for the run, so the contests' view is built once).
 */
export function createWorkspace(
  n: number,
  dims: number,
  vote: number,
  commit: number,
): SmpWorkspace {
  const nb = maxBargains(n);
  const queueCap = n + 2 * nb;
  const maxOptions = Math.max(n, 1 + nb);
  const riskRows = new Int32Array(n);
  for (let a = 0; a < n; a++) riskRows[a] = a * n;
  const distT = new Float64Array(n * n);
  const riskHat = new Float64Array(n * n);
  const salienceSum = new Float64Array(n);
  const weight = new Float64Array(n);
  return {
    n,
    dims,
    x: new Float64Array(n * dims),
    xNext: new Float64Array(n * dims),
    s: new Float64Array(n * dims),
    c: new Float64Array(n),
    salienceSum,
    weight,
    dist: new Float64Array(n * n),
    distT,
    riskUtil: new Float64Array(n * n),
    riskRows,
    riskProb: new Float64Array(n),
    risk: new Float64Array(n),
    riskHat,
    selfUtil: new Float64Array(n * n),
    sortKeys: new Float64Array(n),
    column: new Float64Array(n),
    contestOut: new Float64Array(2),
    target: new Int32Array(n),
    targetProb: new Float64Array(n),
    targetGain: new Float64Array(n),
    nBargains: 0,
    bargainInit: new Int32Array(nb),
    bargainRcvr: new Int32Array(nb),
    bargainProb: new Float64Array(nb),
    bargainPos: new Float64Array(nb * 2 * dims),
    queueStart: new Int32Array(n + 1),
    queueFill: new Int32Array(n),
    queueItem: new Int32Array(queueCap),
    queueProb: new Float64Array(queueCap),
    chosen: new Int32Array(n),
    optUtil: new Float64Array((1 + nb) * n),
    rows: new Int32Array(maxOptions),
    prob: new Float64Array(maxOptions),
    election: createElectionWorkspace(maxOptions),
    contest: { n, distT, riskHat, salienceSum, weight, vote, commit },
  };
}
