/**
 * L2-penalised logistic regression by Newton's method (IRLS): minimises
 * −Σ_i [y_i log p_i + (1 − y_i) log(1 − p_i)] + (λ/2) Σ_j β_j², p_i = σ(α + x_i·β), with the
 * intercept α not penalised. Features are expected standardised (features.ts) so one λ fits all.
 */
import { newtonMinimise } from './newton.ts';

export interface LogisticFit {
  readonly intercept: number;
  readonly coef: Float64Array;
  /** Penalised negative log-likelihood at the solution. */
  readonly objective: number;
  readonly gradNorm: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/** σ(z) = 1 / (1 + e^{−z}), computed without overflow. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** log(1 + e^z) without overflow. */
function log1pExp(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/**
 * Fits the model to `x` (n × p, row-major, no intercept column) and 0/1 outcomes `y`.
 * `start` (length p + 1: intercept first) warm-starts the fit, e.g. along a λ path.
 */
export function fitLogistic(
  x: Float64Array,
  y: ArrayLike<number>,
  p: number,
  lambda: number,
  opts: { start?: Float64Array; tol?: number } = {},
): LogisticFit {
  const n = y.length;
  const d = p + 1;
  const objective = (w: Float64Array) => {
    const grad = new Float64Array(d);
    const hess = new Float64Array(d * d);
    let value = 0;
    const row = new Float64Array(d);
    row[0] = 1;
    for (let i = 0; i < n; i++) {
      let z = w[0]!;
      for (let j = 0; j < p; j++) {
        row[j + 1] = x[i * p + j]!;
        z += w[j + 1]! * row[j + 1]!;
      }
      const yi = y[i]!;
      value += log1pExp(z) - yi * z;
      const pi = sigmoid(z);
      const r = pi - yi;
      const v = pi * (1 - pi);
      for (let a = 0; a < d; a++) {
        grad[a]! += r * row[a]!;
        const va = v * row[a]!;
        if (va === 0) continue;
        for (let b = 0; b <= a; b++) hess[a * d + b]! += va * row[b]!;
      }
    }
    for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) hess[b * d + a] = hess[a * d + b]!;
    for (let j = 1; j < d; j++) {
      value += 0.5 * lambda * w[j]! * w[j]!;
      grad[j]! += lambda * w[j]!;
      hess[j * d + j]! += lambda;
    }
    return { value, grad, hess };
  };
  const start = opts.start ?? new Float64Array(d);
  const r = newtonMinimise(objective, start, { tol: opts.tol ?? 1e-8 });
  return {
    intercept: r.w[0]!,
    coef: r.w.slice(1),
    objective: r.value,
    gradNorm: r.gradNorm,
    iterations: r.iterations,
    converged: r.converged,
  };
}

/** P(y = 1) for each row of `x` (n × p). */
export function predictLogistic(
  x: Float64Array,
  n: number,
  p: number,
  intercept: number,
  coef: ArrayLike<number>,
): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let z = intercept;
    for (let j = 0; j < p; j++) z += coef[j]! * x[i * p + j]!;
    out[i] = sigmoid(z);
  }
  return out;
}
