/**
 * The commitment model's choice among {stay out, join side 1, join side 2} as a multinomial logit
 * (random utility, McFadden 1974): U_out = 0, U_s = Σ_k w_k · term_k(i, s), and
 * P(join s) = e^{U_s} / (1 + e^{U_1} + e^{U_2}), so the two sides compete for the candidate.
 * The weights w are fitted by penalised maximum likelihood: minimise
 * −Σ_i log P(choice_i) + (λ/2) Σ_k w_k² over the penalised terms (all but the intercept `cost`).
 * Terms enter in their natural units (terms.ts), so each weight reads as a log-odds per unit.
 */
import type { WarJoinRow } from '../../formats/warjoin.ts';
import { newtonMinimise } from './newton.ts';
import { termMatrix, termSpec } from './terms.ts';

export interface StructuralFit {
  readonly terms: readonly string[];
  readonly weights: Float64Array;
  readonly objective: number;
  readonly gradNorm: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * Fits the weights of `terms` to `rows` (outcomes 0 out, 1 side 1, 2 side 2) at penalty λ.
 * `start` warm-starts the fit.
 */
export function fitStructural(
  rows: readonly WarJoinRow[],
  terms: readonly string[],
  lambda: number,
  opts: { start?: Float64Array; x?: Float64Array } = {},
): StructuralFit {
  const d = terms.length;
  const x = opts.x ?? termMatrix(rows, terms);
  const penal = terms.map((t) => (termSpec(t)?.unpenalised ? 0 : 1));
  const n = rows.length;
  const objective = (w: Float64Array) => {
    const grad = new Float64Array(d);
    const hess = new Float64Array(d * d);
    const m = new Float64Array(d);
    let value = 0;
    for (let r = 0; r < n; r++) {
      const a1 = r * 2 * d;
      const a2 = a1 + d;
      let u1 = 0;
      let u2 = 0;
      for (let k = 0; k < d; k++) {
        u1 += w[k]! * x[a1 + k]!;
        u2 += w[k]! * x[a2 + k]!;
      }
      // log(1 + e^{u1} + e^{u2}) stably.
      const top = Math.max(0, u1, u2);
      const e0 = Math.exp(-top);
      const e1 = Math.exp(u1 - top);
      const e2 = Math.exp(u2 - top);
      const z = e0 + e1 + e2;
      const p1 = e1 / z;
      const p2 = e2 / z;
      const y = rows[r]!.outcome;
      value += top + Math.log(z) - (y === 1 ? u1 : y === 2 ? u2 : 0);
      for (let k = 0; k < d; k++) {
        m[k] = p1 * x[a1 + k]! + p2 * x[a2 + k]!;
        grad[k]! += m[k]! - (y === 1 ? x[a1 + k]! : y === 2 ? x[a2 + k]! : 0);
      }
      for (let a = 0; a < d; a++) {
        const xa1 = p1 * x[a1 + a]!;
        const xa2 = p2 * x[a2 + a]!;
        const ma = m[a]!;
        for (let b = 0; b <= a; b++) {
          hess[a * d + b]! += xa1 * x[a1 + b]! + xa2 * x[a2 + b]! - ma * m[b]!;
        }
      }
    }
    for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) hess[b * d + a] = hess[a * d + b]!;
    for (let k = 0; k < d; k++) {
      if (!penal[k]) continue;
      value += 0.5 * lambda * w[k]! * w[k]!;
      grad[k]! += lambda * w[k]!;
      hess[k * d + k]! += lambda;
    }
    return { value, grad, hess };
  };
  const r = newtonMinimise(objective, opts.start ?? new Float64Array(d), { tol: 1e-8 });
  return {
    terms,
    weights: r.w,
    objective: r.value,
    gradNorm: r.gradNorm,
    iterations: r.iterations,
    converged: r.converged,
  };
}

/**
 * P(join side 1) and P(join side 2) for each row, laid out as (candidate, side) pairs:
 * index 2r + s.
 */
export function predictStructural(
  rows: readonly WarJoinRow[],
  terms: readonly string[],
  weights: ArrayLike<number>,
): Float64Array {
  const d = terms.length;
  const x = termMatrix(rows, terms);
  const out = new Float64Array(rows.length * 2);
  for (let r = 0; r < rows.length; r++) {
    let u1 = 0;
    let u2 = 0;
    for (let k = 0; k < d; k++) {
      u1 += weights[k]! * x[r * 2 * d + k]!;
      u2 += weights[k]! * x[r * 2 * d + d + k]!;
    }
    const top = Math.max(0, u1, u2);
    const z = Math.exp(-top) + Math.exp(u1 - top) + Math.exp(u2 - top);
    out[2 * r] = Math.exp(u1 - top) / z;
    out[2 * r + 1] = Math.exp(u2 - top) / z;
  }
  return out;
}
