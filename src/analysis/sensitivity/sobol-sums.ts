/**
 * Sobol sensitivity indices from the "pick-freeze" design of Saltelli et al. (2010), "Variance
 * based sensitivity analysis of model output. Design and estimator for the total sensitivity
 * index", Computer Physics Communications 181, 259–270. Two independent sample matrices A and B
 * (N rows, k inputs) and, per input i, the matrix A_B^(i) (A with column i from B):
 *
 * - first-order S_i  = (1/N) Σ_j f(B)_j (f(A_B^(i))_j − f(A)_j) / V        (their Table 2, (b))
 * - total      ST_i  = (1/2N) Σ_j (f(A)_j − f(A_B^(i))_j)² / V              (Jansen 1999; Table 2, (f))
 * - V: the variance of all 2N values f(A), f(B).
 *
 * f(B) is centred on a fixed shift (the point forecast) before the product: this leaves the
 * estimator's expectation unchanged (E[f(A_B^(i)) − f(A)] = 0) and lowers its variance.
 *
 * Everything is a running sum, so chunks of rows reduce to fixed-size typed arrays that merge by
 * addition (in chunk order, for bit-identical totals). The standard errors are the sampling
 * error of the numerators only (V taken as known): sd of the per-row terms / √N / V.
 */

/** Running sums for O outputs and k inputs. Output o, input i at index o·k + i. */
export interface SobolSums {
  readonly k: number;
  readonly outputs: number;
  /** Rows counted, per output (a row is skipped for outputs whose model failed in it). */
  readonly rows: Float64Array;
  readonly sumA: Float64Array;
  readonly sumA2: Float64Array;
  readonly sumB: Float64Array;
  readonly sumB2: Float64Array;
  readonly first: Float64Array;
  readonly first2: Float64Array;
  readonly total: Float64Array;
  readonly total2: Float64Array;
}

export function emptySobolSums(outputs: number, k: number): SobolSums {
  return {
    k,
    outputs,
    rows: new Float64Array(outputs),
    sumA: new Float64Array(outputs),
    sumA2: new Float64Array(outputs),
    sumB: new Float64Array(outputs),
    sumB2: new Float64Array(outputs),
    first: new Float64Array(outputs * k),
    first2: new Float64Array(outputs * k),
    total: new Float64Array(outputs * k),
    total2: new Float64Array(outputs * k),
  };
}

/**
 * Adds one row: f(A), f(B) (length O), f(A_B^(i)) at `fAB[i·O + o]`, the shift per output, and
 * which outputs are valid in this row (all when omitted).
 */
export function addSobolRow(
  s: SobolSums,
  fA: Float64Array,
  fB: Float64Array,
  fAB: Float64Array,
  shift: Float64Array,
  valid?: Uint8Array,
): void {
  const { k, outputs: O } = s;
  for (let o = 0; o < O; o++) {
    if (valid && !valid[o]) continue;
    const a = fA[o]! - shift[o]!;
    const b = fB[o]! - shift[o]!;
    s.rows[o] = s.rows[o]! + 1;
    s.sumA[o] = s.sumA[o]! + a;
    s.sumA2[o] = s.sumA2[o]! + a * a;
    s.sumB[o] = s.sumB[o]! + b;
    s.sumB2[o] = s.sumB2[o]! + b * b;
    for (let i = 0; i < k; i++) {
      const diff = fAB[i * O + o]! - fA[o]!;
      const x = b * diff;
      const y = 0.5 * diff * diff;
      const at = o * k + i;
      s.first[at] = s.first[at]! + x;
      s.first2[at] = s.first2[at]! + x * x;
      s.total[at] = s.total[at]! + y;
      s.total2[at] = s.total2[at]! + y * y;
    }
  }
}

/** Adds `from` into `into`. */
export function mergeSobolSums(into: SobolSums, from: SobolSums): void {
  for (const key of [
    'rows',
    'sumA',
    'sumA2',
    'sumB',
    'sumB2',
    'first',
    'first2',
    'total',
    'total2',
  ] as const) {
    const a = into[key];
    const b = from[key];
    for (let j = 0; j < a.length; j++) a[j] = a[j]! + b[j]!;
  }
}

export interface SobolIndices {
  /** Per output: V, the output's variance (0 when it never varies: indices are then NaN). */
  readonly variance: Float64Array;
  /** Per output and input (o·k + i). */
  readonly first: Float64Array;
  readonly firstSe: Float64Array;
  readonly total: Float64Array;
  readonly totalSe: Float64Array;
}

export function sobolIndices(s: SobolSums): SobolIndices {
  const { k, outputs: O } = s;
  const variance = new Float64Array(O);
  const first = new Float64Array(O * k);
  const firstSe = new Float64Array(O * k);
  const total = new Float64Array(O * k);
  const totalSe = new Float64Array(O * k);
  for (let o = 0; o < O; o++) {
    const N = s.rows[o]!;
    const m = (s.sumA[o]! + s.sumB[o]!) / (2 * N);
    const V = (s.sumA2[o]! + s.sumB2[o]!) / (2 * N) - m * m;
    variance[o] = V > 0 ? V : 0;
    for (let i = 0; i < k; i++) {
      const at = o * k + i;
      if (!(V > 1e-12 * Math.max(1, m * m))) {
        first[at] = firstSe[at] = total[at] = totalSe[at] = NaN;
        continue;
      }
      const fm = s.first[at]! / N;
      const tm = s.total[at]! / N;
      first[at] = fm / V;
      total[at] = tm / V;
      firstSe[at] = Math.sqrt(Math.max(0, s.first2[at]! / N - fm * fm) / N) / V;
      totalSe[at] = Math.sqrt(Math.max(0, s.total2[at]! / N - tm * tm) / N) / V;
    }
  }
  return { variance, first, firstSe, total, totalSe };
}
