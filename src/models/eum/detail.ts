/**
 * The EUM's `detail` (present when a run is traced): plain JSON, no typed arrays, so it can be
 * printed, stored and sent as is. Actor indexes (`i`, `j`, `actor`, `from`) and the positions of
 * per-actor arrays are the ORIGINAL input indexes (`NumericInput.actorIds[i]`); per-actor arrays
 * hold `null` for actors absent from the issue (and, for `security`/`riskExponent`, for present
 * actors that take no part because c·s = 0).
 */
import type { EumOctant } from './octant.ts';

export type EumOfferType = 'confrontation' | 'compromise' | 'capitulation';

/** What j offers receiver i in a round (docs/spec/eum.md step 7). */
export interface EumOffer {
  readonly type: EumOfferType;
  /** The position i would move to. */
  readonly position: number;
}

/** One ordered pair, read by receiver i (docs/spec/eum.md step 7 and "Dyadic relations"). */
export interface EumDyad {
  /** Receiver (the actor whose view this is). */
  readonly i: number;
  /** The other actor. */
  readonly j: number;
  /** a = E(U_ij): i's expected utility of challenging j, with i's exponent r_i (pass 2). */
  readonly a: number;
  /** b = E(U_ji): j's expected utility of challenging i, as i reads it (`scholz2011`: r_i; `printed`: r_j). */
  readonly b: number;
  /** P_ij: the probability that i prevails over j (pass 2). */
  readonly p: number;
  readonly octant: EumOctant;
  /** j's offer to i, or null. */
  readonly offer: EumOffer | null;
  /** True when i took this offer (at most one per receiver and round). */
  readonly taken: boolean;
}

/** A receiver's move in a round. */
export interface EumMove {
  readonly actor: number;
  /** The actor whose offer was taken. */
  readonly from: number;
  readonly type: EumOfferType;
  readonly fromPosition: number;
  readonly toPosition: number;
}

export interface EumRoundDetail {
  /** 1-based. */
  readonly round: number;
  /** μ: the median of the start-of-round positions, used in T and m (steps 2, 4, 5). */
  readonly startMedian: number;
  /** The round's forecast: median of the positions after the moves (step 8). */
  readonly median: number;
  /** c·s-weighted mean of the positions after the moves. */
  readonly mean: number;
  /** S_i = Σ_{j≠i} E(U_ji), pass 1 with every r = 1 (step 6). Indexed by original actor. */
  readonly security: (number | null)[];
  /** r_i in [0.5, 2] (step 6). Indexed by original actor. */
  readonly riskExponent: (number | null)[];
  /**
   * Every ordered pair (i, j), i ≠ j, of actors taking part; receiver-major in input order. With
   * more than 100 participants (and no request for every dyad), a summary instead: per receiver
   * the dyad it took, the first that compels it and its three strongest pressures
   * (`round-recorder.ts`); `dyadsTotal` then says how many pairs there were.
   */
  readonly dyads: EumDyad[];
  /** Present only when `dyads` is a summary: the number of ordered pairs computed. */
  readonly dyadsTotal?: number;
  readonly moves: EumMove[];
}

export interface EumIssueDetail {
  /** Issue index in the input. */
  readonly issue: number;
  readonly issueId: string;
  /** Original indexes of the actors that bargain on this issue (present, c·s > 0). */
  readonly participants: number[];
  /** Present actors with c·s = 0: they take no part and keep their positions. */
  readonly excluded: number[];
  /** R = max − min of the participants' initial positions (step 1). */
  readonly range: number;
  /** Median and mean of the initial positions (round 0). */
  readonly initialMedian: number;
  readonly initialMean: number;
  /**
   * Positions by round: `trajectory[0]` the initial positions, `trajectory[t]` after round t.
   * Indexed by original actor; null where the actor is absent from the issue.
   */
  readonly trajectory: (number | null)[][];
  /** Median after each round (index t − 1 for round t). */
  readonly medians: number[];
  /** c·s-weighted mean after each round. */
  readonly means: number[];
  readonly rounds: EumRoundDetail[];
  /** The forecast: the median after the last round (the initial median when nobody can move). */
  readonly finalMedian: number;
  /** Mean of the last `tail` medians (of all of them when fewer rounds ran). */
  readonly tailMean: number;
  readonly tail: number;
  readonly converged: boolean;
  /** Rounds run. */
  readonly roundsRun: number;
}

export interface EumDetail {
  readonly model: 'eum';
  readonly options: {
    readonly variant: 'scholz2011' | 'printed';
    readonly Q: number;
    readonly rounds: number;
    readonly tolerance: number | null;
    /** Resolved: whether capitulation offers were on. */
    readonly capitulation: boolean;
    readonly tail: number;
  };
  readonly issues: EumIssueDetail[];
}
