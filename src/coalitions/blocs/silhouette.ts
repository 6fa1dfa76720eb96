/**
 * Average silhouette width of a clustering of values on a line (Rousseeuw 1987, "Silhouettes: a
 * graphical aid to the interpretation and validation of cluster analysis", J. Comput. Appl. Math.
 * 20: 53–65): s(i) = (b_i − a_i) / max(a_i, b_i), a_i the mean distance to the rest of i's cluster,
 * b_i the least mean distance to another cluster; s(i) = 0 for a singleton (Rousseeuw's convention).
 */
export function averageSilhouette(values: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = values.length;
  const k = Math.max(...Array.from(labels)) + 1;
  if (k < 2 || n < 2) return 0;
  let total = 0;
  const sum = new Float64Array(k);
  const count = new Int32Array(k);
  for (let i = 0; i < n; i++) {
    sum.fill(0);
    count.fill(0);
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      sum[labels[j]!]! += Math.abs(values[i]! - values[j]!);
      count[labels[j]!]!++;
    }
    const own = labels[i]!;
    if (count[own] === 0) continue; // singleton: s = 0
    const a = sum[own]! / count[own]!;
    let b = Infinity;
    for (let c = 0; c < k; c++)
      if (c !== own && count[c]! > 0) b = Math.min(b, sum[c]! / count[c]!);
    const m = Math.max(a, b);
    total += m > 0 ? (b - a) / m : 0;
  }
  return total / n;
}
