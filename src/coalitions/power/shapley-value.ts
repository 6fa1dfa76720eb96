/**
 * The Shapley value of an explicit cooperative game (Shapley 1953, "A value for n-person games",
 * Contributions to the Theory of Games II, pp. 307–317):
 *
 *   φ_i(v) = Σ_{S ⊆ N∖{i}} |S|! (n − |S| − 1)! / n! · [v(S ∪ {i}) − v(S)]
 *
 * The characteristic function is a table over bitmasks (bit i set = player i in the coalition),
 * v[0] = v(∅). O(n·2^n) time; n ≤ 25 (a 2^25 table is 256 MB of doubles).
 */

export const MAX_EXPLICIT_PLAYERS = 25;

export function shapleyValue(v: ArrayLike<number>, n: number): Float64Array {
  if (!Number.isInteger(n) || n < 1 || n > MAX_EXPLICIT_PLAYERS) {
    throw new RangeError(`n must be an integer within 1..${MAX_EXPLICIT_PLAYERS}, got ${n}`);
  }
  const size = 2 ** n;
  if (v.length !== size) throw new RangeError(`v needs 2^${n} = ${size} values, got ${v.length}`);
  // weight[s] = s!(n−s−1)!/n! = 1 / (n · C(n−1, s)), built without large factorials.
  const weight = new Float64Array(n);
  let binom = 1;
  for (let s = 0; s < n; s++) {
    weight[s] = 1 / (n * binom);
    binom = (binom * (n - 1 - s)) / (s + 1);
  }
  const popcount = new Uint8Array(size);
  for (let mask = 1; mask < size; mask++) popcount[mask] = popcount[mask >> 1]! + (mask & 1);
  const phi = new Float64Array(n);
  for (let mask = 0; mask < size; mask++) {
    const base = v[mask]!;
    const wt = weight[popcount[mask]!];
    if (wt === undefined) continue; // the grand coalition: nobody left to add
    for (let i = 0; i < n; i++) {
      const bit = 1 << i;
      if (mask & bit) continue;
      phi[i]! += wt * (v[mask | bit]! - base);
    }
  }
  return phi;
}

/** The characteristic function of a weighted majority game: 1 for winning coalitions, else 0. */
export function weightedGameTable(weights: readonly number[], quota: number): Float64Array {
  const n = weights.length;
  const v = new Float64Array(2 ** n);
  const total = new Float64Array(2 ** n);
  for (let mask = 1; mask < v.length; mask++) {
    const low = 31 - Math.clz32(mask & -mask);
    total[mask] = total[mask & (mask - 1)]! + weights[low]!;
    v[mask] = total[mask]! >= quota ? 1 : 0;
  }
  return v;
}
