/**
 * A weighted majority game [q; w_1, …, w_n]: a coalition wins when its total weight reaches the
 * quota q (von Neumann & Morgenstern 1944; Felsenthal & Machover 1998, ch. 2). Weights and
 * quota are non-negative integers, so the power-index DPs can index tables by weight.
 */

export interface WeightedGame {
  /** Integer weights w_i ≥ 0. */
  readonly weights: readonly number[];
  /** Integer quota, 1 ≤ q ≤ Σ w: a coalition S wins iff Σ_{i∈S} w_i ≥ q. */
  readonly quota: number;
}

/** What is wrong with a game, or null when it is well formed (messages name the field). */
export function weightedGameProblem(
  game: WeightedGame,
): { field: 'weights' | 'quota'; message: string } | null {
  const { weights, quota } = game;
  if (weights.length === 0) return { field: 'weights', message: 'expected at least one weight' };
  const bad = weights.findIndex((w) => !Number.isSafeInteger(w) || w < 0);
  if (bad >= 0) {
    return {
      field: 'weights',
      message: `weight ${bad + 1} is ${weights[bad]}: expected a non-negative integer`,
    };
  }
  const total = weights.reduce((a, b) => a + b, 0);
  if (!Number.isSafeInteger(quota) || quota < 1 || quota > total) {
    return {
      field: 'quota',
      message: `quota ${quota} is out of range: expected an integer within 1..${total} (the total weight)`,
    };
  }
  return null;
}

/** Throws a RangeError naming the problem; the shells check with {@link weightedGameProblem} first. */
export function assertWeightedGame(game: WeightedGame): void {
  const p = weightedGameProblem(game);
  if (p) throw new RangeError(`${p.field}: ${p.message}`);
}

/** True when the game is proper (no two disjoint winning coalitions): 2q > Σ w. */
export function isProper(game: WeightedGame): boolean {
  return 2 * game.quota > game.weights.reduce((a, b) => a + b, 0);
}
