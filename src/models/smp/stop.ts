/**
 * When the SMP stops. Source: KTAB `smp.cpp`, `SMPModel::stopSMP` and `SMPModel::stateDist`
 * (docs/spec/smp.md, turn step 5).
 */

/** Relative change under which the run has converged (KTAB `stopSMP`). */
export const QUIET_RATIO = 0.02;
/** Added to the first turn's change so a motionless start cannot divide by zero (KTAB). */
export const FIRST_STEP_FLOOR = 1e-4;
/** Longest limit cycle looked for when the turn limit is reached. */
export const MAX_PERIOD = 10;

export type StopReason = 'converged' | 'turn-limit' | 'limit-cycle';

/** D(a, b) = Σ_i ‖a_i − b_i‖₂ over actor-major n·dims states (unweighted, [0,1] scale). */
export function stateDistance(
  a: Float64Array,
  oa: number,
  b: Float64Array,
  ob: number,
  n: number,
  dims: number,
): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    let sq = 0;
    for (let k = 0; k < dims; k++) {
      const d = a[oa + i * dims + k]! - b[ob + i * dims + k]!;
      sq += d * d;
    }
    total += Math.sqrt(sq);
  }
  return total;
}

/**
 * After turn t ≥ 2, the run has converged when D(s_{t−1}, s_t)/(D(s_0, s_1) + 1e-4) < 0.02.
 */
export function hasConverged(t: number, lastStep: number, firstStep: number): boolean {
  return t >= 2 && lastStep / (firstStep + FIRST_STEP_FLOOR) < QUIET_RATIO;
}

/**
 * Keeps the last {@link MAX_PERIOD}+1 states in one preallocated ring so a limit cycle can be
 * found when the turn limit is reached.
 */
export class StateRing {
  readonly #buf: Float64Array;
  readonly #size: number;
  readonly #slots: number;
  #count = 0;
  constructor(
    readonly n: number,
    readonly dims: number,
    slots = MAX_PERIOD + 1,
  ) {
    this.#size = n * dims;
    this.#slots = slots;
    this.#buf = new Float64Array(this.#size * slots);
  }
  /** Records state s_t (t = number of states pushed before it). */
  push(state: Float64Array): void {
    // A plain copy: no typed-array view is allocated per turn.
    const buf = this.#buf;
    const at = (this.#count % this.#slots) * this.#size;
    for (let k = 0; k < this.#size; k++) buf[at + k] = state[k]!;
    this.#count++;
  }
  /** The offset of s_{T−back} in {@link buffer}, T the last state pushed. */
  offset(back: number): number {
    return ((this.#count - 1 - back) % this.#slots) * this.#size;
  }
  get buffer(): Float64Array {
    return this.#buf;
  }
  /** Number of states pushed (turns + 1). */
  get count(): number {
    return this.#count;
  }
}

/**
 * At the turn limit: the smallest period p in 2..10 (and ≤ T) with
 * D(s_T, s_{T−p})/(D(s_0, s_1) + 1e-4) < 0.02, or 0 when there is none. Near-cycles drift a
 * little each lap, so exact repeats are not the test.
 */
export function limitCyclePeriod(ring: StateRing, firstStep: number): number {
  const turns = ring.count - 1;
  const last = ring.offset(0);
  for (let p = 2; p <= Math.min(MAX_PERIOD, turns); p++) {
    const d = stateDistance(ring.buffer, last, ring.buffer, ring.offset(p), ring.n, ring.dims);
    if (d / (firstStep + FIRST_STEP_FLOOR) < QUIET_RATIO) return p;
  }
  return 0;
}
