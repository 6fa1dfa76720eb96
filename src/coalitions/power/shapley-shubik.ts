/**
 * The Shapley–Shubik index of a weighted majority game, exactly (Shapley & Shubik 1954, "A method
 * for evaluating the distribution of power in a committee system", APSR 48(3): 787–792):
 *
 *   φ_i = Σ_{S ∌ i, S a swing for i} |S|! (n − |S| − 1)! / n!
 *
 * by the generating-function DP counting coalitions by size and weight (Mann & Shapley 1962,
 * "Values of large games VI", RAND RM-3158; Matsui & Matsui 2000, J. Oper. Res. Soc. Japan 43(1)). F[k][w] = number of coalitions of k players with weight w < q; player i's table comes by
 * removal, G[k][w] = F[k][w] − G[k−1][w − w_i], and i's swings of size k are Σ_{q−w_i ≤ w < q} G[k][w].
 * Players with equal weights have equal indices, so removal runs once per distinct weight:
 * O(n·K·q) + O(D·K·q) per modulus, with K the largest size of a losing coalition and D the number of
 * distinct weights. Counts are exact (residues.ts); the sum with factorial weights is done in BigInt.
 */
import { factorials, fractionString, ratioToNumber } from './rational.ts';
import { fromResidues, moduli, moduliFor } from './residues.ts';
import { assertWeightedGame, type WeightedGame } from './weighted-game.ts';

export interface ShapleyShubikResult {
  /** φ_i, rounded to the nearest double from the exact fraction. */
  readonly values: readonly number[];
  /** φ_i exactly, as reduced fractions (e.g. "7/30"). */
  readonly exact: readonly string[];
}

/** Tables larger than this many cells per modulus are refused (8 bytes each: 256 MB). */
export const MAX_TABLE_CELLS = 2 ** 25;

/** The largest number of players in a losing coalition (sizes the DP table). */
function largestLosingSize(weights: readonly number[], quota: number): number {
  const sorted = [...weights].sort((a, b) => a - b);
  let sum = 0;
  let k = 0;
  for (const w of sorted) {
    if (sum + w >= quota) break;
    sum += w;
    k++;
  }
  return Math.min(k, weights.length - 1);
}

/** Cells the DP table needs (rows × quota); callers can refuse a game before running it. */
export function shapleyShubikTableCells(game: WeightedGame): number {
  return (largestLosingSize(game.weights, game.quota) + 1) * game.quota;
}

export function shapleyShubik(game: WeightedGame): ShapleyShubikResult {
  assertWeightedGame(game);
  const { weights, quota: q } = game;
  const n = weights.length;
  const K = largestLosingSize(weights, q);
  const cells = (K + 1) * q;
  if (cells > MAX_TABLE_CELLS) {
    throw new RangeError(
      `the Shapley–Shubik table needs ${cells} cells (${K + 1} sizes × quota ${q}), over the limit of ${MAX_TABLE_CELLS}: use smaller integer weights`,
    );
  }
  const mods = moduli(moduliFor(n));
  const distinct = [...new Set(weights)].filter((w) => w > 0);
  // residues[d][k][j]: swings of size k for distinct weight d, modulo m_j
  const residues = distinct.map(() =>
    Array.from({ length: K + 1 }, () => new Array<number>(mods.length).fill(0)),
  );
  const F = new Float64Array(cells);
  const prev = new Float64Array(q);
  const cur = new Float64Array(q);
  const counts = new Float64Array(K + 1);
  const lo = new Int32Array(K + 1);
  const hi = new Int32Array(K + 1);
  mods.forEach((m, j) => {
    fillSizeWeightTable(F, weights, q, K, m, lo, hi);
    distinct.forEach((a, d) => {
      swingsBySize(F, a, q, K, m, lo, hi, prev, cur, counts);
      for (let k = 0; k <= K; k++) residues[d]![k]![j] = counts[k]!;
    });
  });
  const fact = factorials(n);
  const den = fact[n]!;
  const byWeight = new Map<number, bigint>();
  distinct.forEach((a, d) => {
    let num = 0n;
    for (let k = 0; k <= K; k++) {
      const count = fromResidues(residues[d]![k]!, mods);
      if (count !== 0n) num += count * fact[k]! * fact[n - 1 - k]!;
    }
    byWeight.set(a, num);
  });
  const nums = weights.map((a) => byWeight.get(a) ?? 0n);
  return {
    values: nums.map((x) => ratioToNumber(x, den)),
    exact: nums.map((x) => fractionString(x, den)),
  };
}

/**
 * F[k·q + w] = number of k-player coalitions of weight w < q, modulo m. Row k is non-zero only on
 * [lo[k], hi[k]] (lightest and heaviest k-player totals below q), so each update touches only the
 * window the previous row can reach. Returns those windows. Hot loop: plain locals.
 */
function fillSizeWeightTable(
  F: Float64Array,
  weights: readonly number[],
  q: number,
  K: number,
  m: number,
  lo: Int32Array,
  hi: Int32Array,
): void {
  F.fill(0);
  F[0] = 1;
  lo.fill(q);
  hi.fill(-1);
  lo[0] = 0;
  hi[0] = 0;
  let players = 0;
  for (const a of weights) {
    players++;
    for (let k = players < K ? players : K; k >= 1; k--) {
      const from = lo[k - 1]! + a;
      if (from >= q || hi[k - 1]! < 0) continue;
      const to = hi[k - 1]! + a < q ? hi[k - 1]! + a : q - 1;
      const row = k * q;
      const below = row - q - a;
      for (let w = to; w >= from; w--) {
        const s = F[row + w]! + F[below + w]!;
        F[row + w] = s >= m ? s - m : s;
      }
      if (from < lo[k]!) lo[k] = from;
      if (to > hi[k]!) hi[k] = to;
    }
  }
}

/**
 * Swings of size k of a player of weight a: removes one such player from F row by row
 * (G[k][w] = F[k][w] − G[k−1][w − a], two rolling rows, each non-zero only on F's window) and sums
 * G[k][q−a..q−1] into out[k].
 */
function swingsBySize(
  F: Float64Array,
  a: number,
  q: number,
  K: number,
  m: number,
  lo: Int32Array,
  hi: Int32Array,
  rowA: Float64Array,
  rowB: Float64Array,
  out: Float64Array,
): void {
  let prev = rowA;
  let cur = rowB;
  prev.fill(0);
  cur.fill(0);
  let prevLo = 0;
  let prevHi = -1;
  let curLo = 0;
  let curHi = -1;
  const sumFrom = q - a > 0 ? q - a : 0;
  for (let k = 0; k <= K; k++) {
    // cur still holds row k − 2 on [curLo, curHi]: clear it before reuse.
    for (let w = curLo; w <= curHi; w++) cur[w] = 0;
    const rowLo = lo[k]!;
    const rowHi = hi[k]!;
    const row = k * q;
    for (let w = rowLo; w <= rowHi; w++) {
      let v = F[row + w]!;
      if (w - a >= prevLo && w - a <= prevHi) {
        v -= prev[w - a]!;
        if (v < 0) v += m;
      }
      cur[w] = v;
    }
    let swings = 0;
    for (let w = rowLo > sumFrom ? rowLo : sumFrom; w <= rowHi; w++) {
      swings += cur[w]!;
      if (swings >= m) swings -= m;
    }
    out[k] = swings;
    const t = prev;
    prev = cur;
    cur = t;
    curLo = prevLo;
    curHi = prevHi;
    prevLo = rowLo;
    prevHi = rowHi;
  }
}
