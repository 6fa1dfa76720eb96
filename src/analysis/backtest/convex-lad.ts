/**
 * Least absolute deviations over convex combinations: the weights w ≥ 0, Σ w = 1 minimising
 * Σ_i |y_i − Σ_j X_ij w_j|. This is how the ensemble stacks its components (MAE is the score it
 * is judged by, so it is the loss it is fitted on; Breiman 1996 stacks with non-negative weights).
 *
 * Solved exactly as a linear programme with the dense primal simplex method. Substituting
 * w_m = 1 − Σ_{j<m} w_j turns Σ w = 1, w_m ≥ 0 into Σ_{j<m} w_j ≤ 1 (slack s), and each residual
 * into e⁺_i − e⁻_i; the start w = (0, …, 0, 1) is feasible, so no phase 1 is needed. Dantzig's
 * entering rule, switching to Bland's (which cannot cycle) after many degenerate pivots.
 */
export interface ConvexLadFit {
  /** Weights, non-negative, summing to 1. */
  readonly weights: Float64Array;
  /** Mean absolute residual at the optimum. */
  readonly mae: number;
  /** Simplex pivots taken. */
  readonly pivots: number;
}

const EPS = 1e-9;

/**
 * Fits the weights on rows `rows` of X (row-major n × m) against y.
 * @param rows indices of the rows to fit on (default all).
 */
export function fitConvexLad(
  X: Float64Array,
  y: ArrayLike<number>,
  m: number,
  rows?: ArrayLike<number>,
): ConvexLadFit {
  const idx = rows ?? Int32Array.from({ length: y.length }, (_, i) => i);
  const n = idx.length;
  if (m === 1 || n === 0) {
    const weights = new Float64Array(m);
    weights[m - 1] = 1;
    if (m > 1) weights.fill(1 / m);
    return { weights, mae: n ? maeOf(X, y, m, idx, weights) : NaN, pivots: 0 };
  }
  const p = m - 1; // free weights w_0..w_{m-2}
  // Columns: w (p) | e+ (n) | e- (n) | s (1) | rhs.
  const cols = p + 2 * n + 1;
  const width = cols + 1;
  const R = n + 1;
  const T = new Float64Array(R * width);
  const cost = new Float64Array(cols);
  for (let i = 0; i < n; i++) cost[p + i] = cost[p + n + i] = 1;
  const basis = new Int32Array(R);
  for (let i = 0; i < n; i++) {
    const r = idx[i]!;
    const last = X[r * m + p]!;
    let rhs = y[r]! - last;
    // Row: Σ_j (X_rj − X_r,last) w_j − e+_i + e−_i = y_r − X_r,last
    let sign = 1;
    if (rhs < 0) {
      sign = -1;
      rhs = -rhs;
    }
    const o = i * width;
    for (let j = 0; j < p; j++) T[o + j] = sign * (X[r * m + j]! - last);
    T[o + p + i] = -sign;
    T[o + p + n + i] = sign;
    T[o + cols] = rhs;
    basis[i] = sign > 0 ? p + n + i : p + i;
  }
  const o = n * width;
  for (let j = 0; j < p; j++) T[o + j] = 1;
  T[o + p + 2 * n] = 1;
  T[o + cols] = 1;
  basis[n] = p + 2 * n;
  // Reduced costs d_j = c_j − Σ_i c_B(i) T_ij.
  const d = new Float64Array(cols);
  for (let j = 0; j < cols; j++) {
    let z = 0;
    for (let i = 0; i < R; i++) z += cost[basis[i]!]! * T[i * width + j]!;
    d[j] = cost[j]! - z;
  }
  const nz = new Int32Array(width);
  let pivots = 0;
  let degenerate = 0;
  const maxPivots = 50 * (R + cols);
  for (;;) {
    // Entering column.
    let enter = -1;
    if (degenerate < 50) {
      let best = -EPS;
      for (let j = 0; j < cols; j++) {
        if (d[j]! < best) {
          best = d[j]!;
          enter = j;
        }
      }
    } else {
      for (let j = 0; j < cols; j++) {
        if (d[j]! < -EPS) {
          enter = j;
          break;
        }
      }
    }
    if (enter < 0) break;
    // Ratio test (ties: the lowest basic variable index, Bland).
    let leave = -1;
    let ratio = Infinity;
    for (let i = 0; i < R; i++) {
      const a = T[i * width + enter]!;
      if (a <= EPS) continue;
      const t = T[i * width + cols]! / a;
      if (t < ratio - EPS || (t <= ratio + EPS && leave >= 0 && basis[i]! < basis[leave]!)) {
        ratio = t;
        leave = i;
      }
    }
    if (leave < 0) break; // unbounded cannot happen (objective ≥ 0); stop defensively
    degenerate = ratio <= EPS ? degenerate + 1 : 0;
    pivot(T, width, R, leave, enter, d, nz);
    basis[leave] = enter;
    if (++pivots > maxPivots) break;
  }
  const free = new Float64Array(m);
  for (let i = 0; i < R; i++) {
    const b = basis[i]!;
    if (b < p) free[b] = Math.max(0, T[i * width + cols]!);
  }
  let sum = 0;
  for (let j = 0; j < p; j++) sum += free[j]!;
  free[p] = Math.max(0, 1 - sum);
  const total = sum + free[p];
  for (let j = 0; j < m; j++) free[j]! /= total;
  return { weights: free, mae: maeOf(X, y, m, idx, free), pivots };
}

/**
 * Gauss–Jordan pivot on (r, c). The tableau is sparse (each residual row starts with the free
 * weights and its own e⁺/e⁻ columns), so only the pivot row's non-zero columns are updated.
 */
function pivot(
  T: Float64Array,
  width: number,
  R: number,
  r: number,
  c: number,
  d: Float64Array,
  nz: Int32Array,
): void {
  const ro = r * width;
  const inv = 1 / T[ro + c]!;
  let k = 0;
  for (let j = 0; j < width; j++) {
    if (T[ro + j] !== 0) {
      T[ro + j]! *= inv;
      nz[k++] = j;
    }
  }
  T[ro + c] = 1;
  for (let i = 0; i < R; i++) {
    if (i === r) continue;
    const io = i * width;
    const f = T[io + c]!;
    if (f === 0) continue;
    for (let q = 0; q < k; q++) {
      const j = nz[q]!;
      T[io + j]! -= f * T[ro + j]!;
    }
    T[io + c] = 0;
  }
  const f = d[c]!;
  if (f !== 0) {
    for (let q = 0; q < k; q++) {
      const j = nz[q]!;
      if (j < d.length) d[j]! -= f * T[ro + j]!;
    }
    d[c] = 0;
  }
}

function maeOf(
  X: Float64Array,
  y: ArrayLike<number>,
  m: number,
  idx: ArrayLike<number>,
  w: Float64Array,
): number {
  let s = 0;
  for (let i = 0; i < idx.length; i++) {
    const r = idx[i]!;
    let f = 0;
    for (let j = 0; j < m; j++) f += X[r * m + j]! * w[j]!;
    s += Math.abs(y[r]! - f);
  }
  return s / idx.length;
}
