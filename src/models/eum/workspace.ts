/**
 * Every buffer an EUM run needs, so that the round loop allocates nothing. Square tables are
 * indexed `g * m + u` by groups of equal positions (at most m groups), per-actor tables
 * `i * m + u` by actor and group.
 *
 * Workspaces are also reused across runs (`acquireWorkspace`): on Node 20 a typed array larger
 * than 64 bytes lives outside the heap and costs ~1.5 µs to allocate, which for the EC case
 * (10 actors × 10 rounds, ~40 µs of arithmetic) would otherwise be half the run time of a Monte
 * Carlo. Runs are synchronous, so no two runs share a workspace at once, and `resetWorkspace`
 * sets every piece of state a run reads before writing it — results never depend on what ran
 * before (checked in `eum.test.ts`).
 */
import type { ResolvedEumOptions } from './options.ts';

export interface EumWorkspace {
  /** Actors taking part (c·s > 0). */
  readonly m: number;
  /** R: range of the initial positions (docs/spec/eum.md step 1), > 0. Set per run. */
  range: number;
  Q: number;
  printed: boolean;
  capitulation: boolean;
  /** Original actor index of each participant. */
  readonly original: Int32Array;
  /** Vote weight c_i s_i. */
  readonly w: Float64Array;
  /** Salience s_i. */
  readonly s: Float64Array;
  /** Current positions (start of the round; after the round once `next` is copied back). */
  readonly x: Float64Array;

  // Groups of equal positions, rebuilt each round.
  /** Actors sorted by position (kept between rounds: positions change little, insertion sort). */
  readonly order: Int32Array;
  /** Group of each actor. */
  readonly group: Int32Array;
  /** Number of groups. */
  groups: number;
  /** Group positions, ascending. */
  readonly gx: Float64Array;
  /** Actors per group. */
  readonly gn: Float64Array;
  /** Σ c·s per group. */
  readonly gw: Float64Array;

  // Group × group tables, per round.
  /** d = |y_g − y_u| / R, clamped to [0, 1], and its log. */
  readonly dist: Float64Array;
  readonly logDist: Float64Array;
  /** Logs of 0.5 − 0.5d and 0.5 + 0.5d, the bases of U_s and U_f. */
  readonly logLo: Float64Array;
  readonly logHi: Float64Array;
  /** Challenger g against u: the base of U_b when T = 1, of U_w when T = 0; and its log. */
  readonly bargain: Float64Array;
  readonly logBargain: Float64Array;
  /** Σ_k w_k D_k,u over voters k in group g (D = distance^r_k). */
  readonly acc: Float64Array;
  /** Prefix sums of `acc` over voter groups: row t = Σ of rows < t ((m + 1) × m). */
  readonly prefix: Float64Array;
  /** Numerators Σ_k max(0, v_k(g over u)) and probabilities P(g over u). */
  readonly num: Float64Array;
  readonly P: Float64Array;

  // Per actor.
  readonly security: Float64Array;
  readonly risk: Float64Array;
  /**
   * E = alpha + s_target · beta, receiver i × group u: a = E(U_iu) and b = E(U_ui) as i reads them.
   * Only the rows of class representatives (`rep[i] = i`) are filled; the others read those.
   */
  /** Interleaved per (receiver i, group u) at (i·m + u)·4: alpha and beta of a, then of b. */
  readonly eu: Float64Array;
  /**
   * Actors at one position with the same exponent r act alike (as voters and as receivers): the
   * class representative of each actor (the first such, by index), and Σ c·s of each class at its
   * representative. In the EC case Germany and the Netherlands, and France and Italy, pair up.
   */
  readonly rep: Int32Array;
  readonly classW: Float64Array;
  /** Positions after the moves. */
  readonly next: Float64Array;
  /** How many actors moved in the last round (0: a fixed point, every later round is the same). */
  moved: number;
}

/** Allocates a workspace for m bargaining actors. */
export function createWorkspace(m: number): EumWorkspace {
  const square = () => new Float64Array(m * m);
  return {
    m,
    range: 1,
    Q: 1,
    printed: false,
    capitulation: false,
    original: new Int32Array(m),
    w: new Float64Array(m),
    s: new Float64Array(m),
    x: new Float64Array(m),
    order: new Int32Array(m),
    group: new Int32Array(m),
    groups: 0,
    gx: new Float64Array(m),
    gn: new Float64Array(m),
    gw: new Float64Array(m),
    dist: square(),
    logDist: square(),
    logLo: square(),
    logHi: square(),
    bargain: square(),
    logBargain: square(),
    acc: square(),
    prefix: new Float64Array((m + 1) * m),
    num: square(),
    P: square(),
    security: new Float64Array(m),
    risk: new Float64Array(m),
    eu: new Float64Array(m * m * 4),
    rep: new Int32Array(m),
    classW: new Float64Array(m),
    next: new Float64Array(m),
    moved: 0,
  };
}

/**
 * Makes `ws` ready for a new run whose `original`, `w`, `s` and `x` the caller has filled: sets
 * the range and options and restores the initial actor order (the insertion sort starts from the
 * previous order, and the order of equal positions decides summation order, hence the last bits).
 */
export function resetWorkspace(ws: EumWorkspace, range: number, options: ResolvedEumOptions): void {
  ws.range = range;
  ws.Q = options.Q;
  ws.printed = options.variant === 'printed';
  ws.capitulation = options.capitulation;
  for (let i = 0; i < ws.m; i++) ws.order[i] = i;
  ws.groups = 0;
}

/** Only small workspaces are pooled: above this, a run's O(m²) arithmetic dwarfs allocation. */
const POOL_MAX_ACTORS = 64;
const POOL_SIZE = 8;
const pool = new Map<number, EumWorkspace>();

/** A workspace for m actors, reused from earlier runs when one of that size is at hand. */
export function acquireWorkspace(m: number): EumWorkspace {
  if (m > POOL_MAX_ACTORS) return createWorkspace(m);
  let ws = pool.get(m);
  if (ws === undefined) {
    ws = createWorkspace(m);
    if (pool.size >= POOL_SIZE) pool.clear();
    pool.set(m, ws);
  }
  return ws;
}
