/**
 * The weighted median of positions: the position minimising Σ w_i |x_i − x| among the actors'
 * positions, which is the Condorcet winner among them under linear (city-block) preferences.
 * Ties (a flat stretch of the objective) go to the lowest minimiser; weights summing to within a
 * relative 1e-12 of one half count as one half (docs/spec/models.md; docs/spec/eum.md step 2).
 *
 * Allocation-free when given a scratch `order` array of length ≥ m.
 */
export function weightedMedian(
  position: ArrayLike<number>,
  weight: ArrayLike<number>,
  m: number = position.length,
  order: Int32Array = new Int32Array(m),
): number {
  let total = 0;
  for (let i = 0; i < m; i++) {
    order[i] = i;
    total += weight[i]!;
  }
  if (!(total > 0)) return NaN;
  // Insertion sort by position: m is small (tens to hundreds) and the input is often nearly sorted.
  for (let i = 1; i < m; i++) {
    const key = order[i]!;
    const x = position[key]!;
    let j = i - 1;
    while (j >= 0 && position[order[j]!]! > x) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = key;
  }
  const half = total / 2;
  const tol = 1e-12 * total;
  let cum = 0;
  for (let r = 0; r < m; r++) {
    const i = order[r]!;
    cum += weight[i]!;
    // The lowest position at which the weight at or below reaches half of the total.
    if (cum >= half - tol) return position[i]!;
  }
  return position[order[m - 1]!]!;
}
