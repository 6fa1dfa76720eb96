/**
 * Searching one input (or a pair moved together) for the smallest change that meets a target.
 * Pure: the caller supplies g(x), the target's progress at input value x (met when `met(g)`).
 *
 * Models need not be monotone in an input, so bisection alone could miss the nearest crossing or
 * chase a far one. The search first scans a grid outwards from the current value (steps of
 * 1/grid of the input's range, in order of distance) and stops at the first grid point that meets
 * the target; it then bisects between that point and the last grid point that did not, to
 * `tolerance` (a fraction of the range). The answer is always a point where the target was seen
 * to hold. It is the smallest change to within one grid step: a window of success narrower than
 * a step can be missed. The scan goes on to the end of the range to count the separate windows of
 * success, so a non-monotone response is reported rather than hidden.
 */

export interface DirectionResult {
  /** True when some point in this direction meets the target. */
  readonly found: boolean;
  /** The nearest point found that meets it (NaN if none). */
  readonly value: number;
  /** g at `value`. */
  readonly g: number;
  /** Separate stretches of the scan where the target held (> 1: non-monotone response). */
  readonly windows: number;
  /** The best g seen in this direction, and where. */
  readonly bestG: number;
  readonly bestValue: number;
  /** Evaluations spent. */
  readonly evaluations: number;
}

export interface SearchSettings {
  /** Grid steps across the whole range. Default 50 (2% of the range per step). */
  readonly grid: number;
  /** Bisection stops when the bracket is below this fraction of the range. Default 1e-4. */
  readonly tolerance: number;
}

export const SEARCH_DEFAULTS: SearchSettings = { grid: 50, tolerance: 1e-4 };

/**
 * Searches from `from` towards `to` (either side), where `width` is the input's whole range.
 * `g(from)` is taken as not met (the caller checked).
 */
export function searchDirection(
  g: (x: number) => number,
  met: (g: number) => boolean,
  from: number,
  to: number,
  width: number,
  settings: SearchSettings = SEARCH_DEFAULTS,
): DirectionResult {
  const distance = Math.abs(to - from);
  const sign = to >= from ? 1 : -1;
  const step = width / settings.grid;
  const steps = distance > 0 ? Math.ceil(distance / step - 1e-9) : 0;
  let evaluations = 0;
  let firstHit = -1;
  let prevMiss = from;
  let hitG = NaN;
  let windows = 0;
  let inWindow = false;
  let bestG = -Infinity;
  let bestValue = from;
  for (let s = 1; s <= steps; s++) {
    const x = s === steps ? to : from + sign * s * step;
    const gx = g(x);
    evaluations++;
    if (gx > bestG) {
      bestG = gx;
      bestValue = x;
    }
    const ok = met(gx);
    if (ok && !inWindow) windows++;
    inWindow = ok;
    if (ok && firstHit < 0) {
      firstHit = s;
      hitG = gx;
    } else if (!ok && firstHit < 0) prevMiss = x;
  }
  if (firstHit < 0) {
    return { found: false, value: NaN, g: NaN, windows: 0, bestG, bestValue, evaluations };
  }
  let hit = firstHit === steps ? to : from + sign * firstHit * step;
  let miss = prevMiss;
  const tol = settings.tolerance * width;
  while (Math.abs(hit - miss) > tol) {
    const mid = 0.5 * (hit + miss);
    const gm = g(mid);
    evaluations++;
    if (met(gm)) {
      hit = mid;
      hitG = gm;
    } else miss = mid;
  }
  return { found: true, value: hit, g: hitG, windows, bestG, bestValue, evaluations };
}
