/**
 * The Banzhaf index of a weighted majority game, exactly, by the generating-function DP over integer
 * weights (Brams & Affuso 1976, "Power and size: a new paradox", Theory and Decision 7; surveyed by
 * Matsui & Matsui 2000, J. Oper. Res. Soc. Japan 43(1)).
 *
 * A swing of i is a coalition S ∌ i with q − w_i ≤ w(S) < q (i turns it from losing to winning).
 * η_i = number of swings; normalised Banzhaf β_i = η_i / Σ_j η_j (Banzhaf 1965, Rutgers Law Rev.
 * 19); absolute (Penrose–Banzhaf) β'_i = η_i / 2^(n−1) (Penrose 1946; Felsenthal & Machover 1998, ch. 3).
 *
 * f[w] = number of coalitions of all n players with weight w < q (O(n·q)); each player's table
 * without it comes from f by removal, g[w] = f[w] − g[w − w_i] (O(q) per distinct weight), so the
 * whole index costs O(n·q) per modulus. Counts are exact (see residues.ts).
 */
import { fractionString, ratioToNumber } from './rational.ts';
import { fromResidues, moduli, moduliFor } from './residues.ts';
import { assertWeightedGame, type WeightedGame } from './weighted-game.ts';

export interface BanzhafResult {
  /** η_i: the number of coalitions in which i is a swing voter, exact. */
  readonly swings: readonly bigint[];
  /** β_i = η_i / Σ η (0 for everyone when no one swings). */
  readonly normalized: readonly number[];
  /** β_i exactly, as reduced fractions. */
  readonly normalizedExact: readonly string[];
  /** β'_i = η_i / 2^(n−1). */
  readonly absolute: readonly number[];
}

/** Swing counts η_i, exact. */
export function banzhafSwings(game: WeightedGame): bigint[] {
  assertWeightedGame(game);
  const { weights, quota: q } = game;
  const n = weights.length;
  const mods = moduli(moduliFor(n));
  const distinct = [...new Set(weights)].filter((w) => w > 0);
  // residues[d][j]: swing count of distinct weight d modulo m_j
  const residues = distinct.map(() => new Array<number>(mods.length).fill(0));
  const f = new Float64Array(q);
  const g = new Float64Array(q);
  mods.forEach((m, j) => {
    fillWeightTable(f, weights, q, m);
    distinct.forEach((a, d) => {
      residues[d]![j] = swingsWithout(f, a, q, m, g);
    });
  });
  const byWeight = new Map(distinct.map((a, d) => [a, fromResidues(residues[d]!, mods)]));
  return weights.map((a) => byWeight.get(a) ?? 0n);
}

export function banzhaf(game: WeightedGame): BanzhafResult {
  const swings = banzhafSwings(game);
  const total = swings.reduce((a, b) => a + b, 0n);
  const twoPow = 1n << BigInt(game.weights.length - 1);
  return {
    swings,
    normalized: swings.map((s) => (total === 0n ? 0 : ratioToNumber(s, total))),
    normalizedExact: swings.map((s) => (total === 0n ? '0' : fractionString(s, total))),
    absolute: swings.map((s) => ratioToNumber(s, twoPow)),
  };
}

/** f[w] = number of coalitions of weight w < q, modulo m. Hot loop: plain locals. */
function fillWeightTable(f: Float64Array, weights: readonly number[], q: number, m: number): void {
  f.fill(0);
  f[0] = 1;
  for (const a of weights) {
    if (a === 0) {
      // A weightless player doubles every count.
      for (let w = 0; w < q; w++) {
        const s = f[w]! + f[w]!;
        f[w] = s >= m ? s - m : s;
      }
      continue;
    }
    for (let w = q - 1; w >= a; w--) {
      const s = f[w]! + f[w - a]!;
      f[w] = s >= m ? s - m : s;
    }
  }
}

/** Swings of a player of weight a: g = f without the player, summed over q − a ≤ w < q. */
function swingsWithout(f: Float64Array, a: number, q: number, m: number, g: Float64Array): number {
  for (let w = 0; w < a && w < q; w++) g[w] = f[w]!;
  for (let w = a; w < q; w++) {
    const v = f[w]! - g[w - a]!;
    g[w] = v < 0 ? v + m : v;
  }
  let swings = 0;
  for (let w = q - a > 0 ? q - a : 0; w < q; w++) {
    swings += g[w]!;
    if (swings >= m) swings -= m;
  }
  return swings;
}
