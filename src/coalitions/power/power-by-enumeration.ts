/**
 * Reference implementation: Shapley–Shubik and Banzhaf by enumerating all 2^n coalitions, in
 * BigInt, straight from the definitions. Slow (n ≤ ~20); the DPs are tested against it.
 */
import { factorials } from './rational.ts';
import { assertWeightedGame, type WeightedGame } from './weighted-game.ts';

export interface EnumeratedPower {
  /** Numerators of φ_i over n!. */
  readonly shapleyShubikNumerators: readonly bigint[];
  readonly nFactorial: bigint;
  /** Swing counts η_i. */
  readonly swings: readonly bigint[];
}

export function powerByEnumeration(game: WeightedGame): EnumeratedPower {
  assertWeightedGame(game);
  const { weights, quota } = game;
  const n = weights.length;
  if (n > 24) throw new RangeError(`enumeration is for small games (n ≤ 24), got ${n}`);
  const fact = factorials(n);
  const ss = new Array<bigint>(n).fill(0n);
  const swings = new Array<bigint>(n).fill(0n);
  for (let mask = 0; mask < 1 << n; mask++) {
    let w = 0;
    let size = 0;
    for (let i = 0; i < n; i++) {
      if (mask & (1 << i)) {
        w += weights[i]!;
        size++;
      }
    }
    if (w >= quota) continue;
    for (let i = 0; i < n; i++) {
      if (mask & (1 << i) || w + weights[i]! < quota) continue;
      swings[i]! += 1n;
      ss[i]! += fact[size]! * fact[n - 1 - size]!;
    }
  }
  return { shapleyShubikNumerators: ss, nFactorial: fact[n]!, swings };
}
