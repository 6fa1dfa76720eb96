/**
 * Optimal k-means clustering in one dimension by dynamic programming (Wang & Song 2011, "Ckmeans.1d.dp:
 * optimal k-means clustering in one dimension by dynamic programming", The R Journal 3(2): 29–33):
 * sort the values; D[m][i], the least within-cluster sum of squares of the first i + 1 values in
 * m + 1 clusters, is min over j of D[m−1][j−1] + ssq(j..i), with ssq from prefix sums. The optimum
 * is exact (k-means in 1-D has contiguous clusters). O(k·n²) time, O(k·n) memory — ample for the
 * hundreds of actors a scenario has. Ties between equally good splits go to the smallest j, so the
 * result does not depend on rounding noise in the input order.
 */

export interface Clustering {
  /** Cluster of each value, in input order; clusters are numbered 0..k−1 from the lowest values. */
  readonly labels: Int32Array;
  readonly k: number;
  /** Mean of each cluster. */
  readonly centers: Float64Array;
  /** Within-cluster sum of squares, total. */
  readonly withinss: number;
}

export function ckmeans(values: ArrayLike<number>, k: number): Clustering {
  const n = values.length;
  if (n === 0) throw new RangeError('ckmeans needs at least one value');
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => values[a]! - values[b]! || a - b,
  );
  const x = Float64Array.from(order, (i) => values[i]!);
  const distinct = x.reduce((c, v, i) => (i === 0 || v !== x[i - 1] ? c + 1 : c), 0);
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  k = Math.min(k, distinct);
  // Shift by the median for numerically stable sums of squares.
  const shift = x[Math.floor(n / 2)]!;
  const s1 = new Float64Array(n + 1);
  const s2 = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const v = x[i]! - shift;
    s1[i + 1] = s1[i]! + v;
    s2[i + 1] = s2[i]! + v * v;
  }
  const ssq = (j: number, i: number): number => {
    const cnt = i - j + 1;
    const sum = s1[i + 1]! - s1[j]!;
    return Math.max(0, s2[i + 1]! - s2[j]! - (sum * sum) / cnt);
  };
  const D = Array.from({ length: k }, () => new Float64Array(n));
  const B = Array.from({ length: k }, () => new Int32Array(n));
  for (let i = 0; i < n; i++) D[0]![i] = ssq(0, i);
  for (let m = 1; m < k; m++) {
    for (let i = m; i < n; i++) {
      let best = Infinity;
      let arg = m;
      for (let j = m; j <= i; j++) {
        const c = D[m - 1]![j - 1]! + ssq(j, i);
        if (best === Infinity || c < best - 1e-12 * Math.max(1, best)) {
          best = c;
          arg = j;
        }
      }
      D[m]![i] = best;
      B[m]![i] = arg;
    }
  }
  const labels = new Int32Array(n);
  const centers = new Float64Array(k);
  let right = n - 1;
  for (let m = k - 1; m >= 0; m--) {
    const left = m === 0 ? 0 : B[m]![right]!;
    for (let t = left; t <= right; t++) labels[order[t]!] = m;
    centers[m] = (s1[right + 1]! - s1[left]!) / (right - left + 1) + shift;
    right = left - 1;
  }
  return { labels, k, centers, withinss: D[k - 1]![n - 1]! };
}
