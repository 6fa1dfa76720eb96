/**
 * The SMP's per-turn record (`ModelResult.detail` when `trace` is set): plain arrays, JSON-ready.
 * Actors and issues are indices into the input's `actorIds` / `issueIds`; positions are on the
 * issues' own scales.
 */
import type { StopReason } from './stop.ts';

/** Actor i's best challenge this turn (KTAB `bestChallenge`). */
export interface SmpChallengeDetail {
  /** The challenged actor, or null when no challenge promised a gain above 1e-5. */
  readonly target: number | null;
  /** i's estimate that it prevails over the target. */
  readonly probability: number;
  /** i's expected utility gain ΔEU from the challenge. */
  readonly gain: number;
}

/** A proposed bargain (KTAB `BargainSMP`). */
export interface SmpBargainDetail {
  readonly initiator: number;
  readonly receiver: number;
  /** Probability credited to the initiator in the interpolation. */
  readonly probability: number;
  /** The initiator's new position if the bargain is taken, per issue. */
  readonly initiatorPosition: number[];
  /** The receiver's new position if the bargain is taken, per issue. */
  readonly receiverPosition: number[];
}

/** One actor's queue and the election over it. */
export interface SmpQueueDetail {
  /** Bargain indices into the turn's `bargains`, in queue order; null is the status quo. */
  readonly options: (number | null)[];
  /** Election probability of each option. */
  readonly probabilities: number[];
  /** Index (into `options`) of the option the actor took. */
  readonly chosen: number;
}

export interface SmpTurnDetail {
  /** 1-based turn number; the turn moves the actors from `positions[turn − 1]` to `positions[turn]`. */
  readonly turn: number;
  /** Probability of each actor's position in the risk-neutral election. */
  readonly riskElection: number[];
  /** Risk attitude R_i at the start of the turn. */
  readonly risk: number[];
  readonly challenges: SmpChallengeDetail[];
  readonly bargains: SmpBargainDetail[];
  readonly queues: SmpQueueDetail[];
}

export interface SmpStopDetail {
  readonly reason: StopReason;
  /** Turns run. */
  readonly turns: number;
  /** Period of the limit cycle, when `reason` is 'limit-cycle'. */
  readonly period?: number;
}

export interface SmpDetail {
  /** positions[t][i][k]: actor i's position on issue k after turn t (t = 0: the input). */
  readonly positions: number[][][];
  readonly turns: SmpTurnDetail[];
  readonly stop: SmpStopDetail;
}
