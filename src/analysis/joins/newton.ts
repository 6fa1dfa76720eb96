/**
 * Newton's method for a smooth, strictly convex objective (a penalised negative log-likelihood)
 * with step halving: the fits of logistic.ts and structural.ts. Small dense problems (tens of
 * parameters), so the Hessian is solved by Cholesky.
 */

/** Value, gradient and Hessian (row-major d × d) of the objective at w. */
export type Objective = (w: Float64Array) => {
  value: number;
  grad: Float64Array;
  hess: Float64Array;
};

export interface NewtonResult {
  readonly w: Float64Array;
  readonly value: number;
  /** Largest absolute gradient component at the solution. */
  readonly gradNorm: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * Solves H x = b for a symmetric positive-definite H (d × d, row-major) by Cholesky; a tiny ridge
 * is added to the diagonal if a pivot is not positive (a direction the data do not identify).
 */
export function choleskySolve(h: ArrayLike<number>, b: ArrayLike<number>, d: number): Float64Array {
  const l = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = h[i * d + j]!;
      for (let k = 0; k < j; k++) s -= l[i * d + k]! * l[j * d + k]!;
      if (i === j) l[i * d + i] = Math.sqrt(s > 1e-12 ? s : 1e-12);
      else l[i * d + j] = s / l[j * d + j]!;
    }
  }
  const y = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * d + k]! * y[k]!;
    y[i] = s / l[i * d + i]!;
  }
  const x = new Float64Array(d);
  for (let i = d - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < d; k++) s -= l[k * d + i]! * x[k]!;
    x[i] = s / l[i * d + i]!;
  }
  return x;
}

/**
 * Minimises the objective from `start`: Newton steps, halved until the value does not increase;
 * stops when the largest gradient component is below `tol` (absolute) or after `maxIter` steps.
 */
export function newtonMinimise(
  f: Objective,
  start: Float64Array,
  opts: { tol?: number; maxIter?: number } = {},
): NewtonResult {
  const tol = opts.tol ?? 1e-9;
  const maxIter = opts.maxIter ?? 100;
  const d = start.length;
  let w = Float64Array.from(start);
  let cur = f(w);
  const norm = (g: Float64Array) => g.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  let it = 0;
  for (; it < maxIter && norm(cur.grad) > tol; it++) {
    const step = choleskySolve(cur.hess, cur.grad, d);
    let t = 1;
    let next = w;
    let val = cur;
    for (let half = 0; half < 50; half++) {
      next = w.map((v, j) => v - t * step[j]!);
      val = f(next);
      if (val.value <= cur.value + 1e-12 * Math.abs(cur.value)) break;
      t /= 2;
    }
    if (val.value > cur.value + 1e-12 * Math.abs(cur.value)) break; // no descent left: at the optimum to rounding
    w = next;
    cur = val;
  }
  const g = norm(cur.grad);
  return { w, value: cur.value, gradNorm: g, iterations: it, converged: g <= tol };
}
