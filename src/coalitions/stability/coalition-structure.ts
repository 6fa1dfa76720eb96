/**
 * The welfare-maximising coalition structure: the partition of n players into blocs that maximises
 * Σ_blocs v(C), by dynamic programming over subsets (Yeh 1986, BIT 26; Rothkopf, Pekeč & Harstad
 * 1998, Management Science 44(8); the DP of Rahwan et al. 2015, "Coalition structure generation: a
 * survey", Artificial Intelligence 229):
 *
 *   f(S) = max( v(S), max_{C ⊂ S, C ∋ min(S), C ≠ S} v(C) + f(S ∖ C) )
 *
 * Requiring the bloc C to hold S's lowest player enumerates each split once: Σ_S 2^(|S|−1) = 3^n/2
 * steps, O(3^n) time and O(2^n) memory (three typed arrays of 2^n entries: f, the best bloc, v).
 */

/** Largest n the DP accepts (3^20/2 ≈ 1.7·10^9 steps; 2^20 entries per table). */
export const MAX_STRUCTURE_PLAYERS = 20;

export interface CoalitionStructure {
  /** The blocs as bitmasks over players, in order of their lowest player. */
  readonly blocs: number[];
  /** Σ v over the blocs. */
  readonly value: number;
}

/** v[mask] = value of the bloc `mask` (v[0] unused). */
export function optimalCoalitionStructure(v: Float64Array, n: number): CoalitionStructure {
  if (!Number.isInteger(n) || n < 1 || n > MAX_STRUCTURE_PLAYERS) {
    throw new RangeError(`n must be within 1..${MAX_STRUCTURE_PLAYERS}, got ${n}`);
  }
  const size = 2 ** n;
  if (v.length !== size) throw new RangeError(`v needs 2^${n} = ${size} values, got ${v.length}`);
  const f = new Float64Array(size);
  const best = new Int32Array(size);
  for (let S = 1; S < size; S++) {
    const low = S & -S;
    const rest = S ^ low;
    let bestValue = v[S]!;
    let bestBloc = S;
    // Blocs C = low ∪ sub for every proper sub ⊂ rest (sub = rest is the whole of S, done above).
    for (let sub = (rest - 1) & rest; ; sub = (sub - 1) & rest) {
      const C = sub | low;
      const total = v[C]! + f[S ^ C]!;
      if (total > bestValue) {
        bestValue = total;
        bestBloc = C;
      }
      if (sub === 0) break;
    }
    f[S] = bestValue;
    best[S] = bestBloc;
  }
  const blocs: number[] = [];
  for (let S = size - 1; S !== 0; S ^= best[S]!) blocs.push(best[S]!);
  return { blocs, value: f[size - 1]! };
}

/** The value table of a game with `n` players, v[mask] for every non-empty mask. */
export function valueTable(n: number, value: (mask: number) => number): Float64Array {
  const v = new Float64Array(2 ** n);
  for (let mask = 1; mask < v.length; mask++) v[mask] = value(mask);
  return v;
}
