import { describe, expect, it } from 'vitest';
import { DEFAULT_TERMS } from './fit.ts';
import { baseRate } from './forecasters.ts';
import { fitStructural, predictStructural } from './structural.ts';
import { termMatrix } from './terms.ts';
import { trainingRows } from './testdata.ts';

/** Multinomial log-likelihood of the rows' choices under per-pair probabilities (2r + s). */
function choiceLogLik(outcomes: number[], p: Float64Array): number {
  return outcomes.reduce((ll, y, r) => {
    const q = y === 0 ? 1 - p[2 * r]! - p[2 * r + 1]! : p[2 * r + y - 1]!;
    return ll + Math.log(q);
  }, 0);
}

describe('fitStructural(rows, terms, λ)', () => {
  const rows = trainingRows();
  const outcomes = rows.map((r) => r.outcome);

  it('with the cost term alone reproduces the base rate: P(join s) = joins / pairs', () => {
    const fit = fitStructural(rows, ['cost'], 0);
    const p = predictStructural(rows, ['cost'], fit.weights);
    expect(p[0]).toBeCloseTo(baseRate.fit(rows).p, 10);
  });

  it("has a likelihood on the training data not below the base rate's, at every λ", () => {
    const base = baseRate.predict(baseRate.fit(rows), rows);
    const llBase = choiceLogLik(outcomes, base);
    for (const lambda of [0.1, 1, 10, 100]) {
      const fit = fitStructural(rows, DEFAULT_TERMS, lambda);
      expect(fit.converged).toBe(true);
      const ll = choiceLogLik(outcomes, predictStructural(rows, DEFAULT_TERMS, fit.weights));
      expect(ll).toBeGreaterThanOrEqual(llBase);
    }
  });

  it('reaches a zero gradient: Σ_i (Σ_s P_s x_is − x_i,chosen) + λw = 0 off the intercept', () => {
    const lambda = 1;
    const terms = DEFAULT_TERMS;
    const d = terms.length;
    const fit = fitStructural(rows, terms, lambda);
    const p = predictStructural(rows, terms, fit.weights);
    const x = termMatrix(rows, terms);
    const g = new Float64Array(d);
    rows.forEach((row, r) => {
      for (let k = 0; k < d; k++) {
        const x1 = x[r * 2 * d + k]!;
        const x2 = x[r * 2 * d + d + k]!;
        g[k]! += p[2 * r]! * x1 + p[2 * r + 1]! * x2;
        g[k]! -= row.outcome === 1 ? x1 : row.outcome === 2 ? x2 : 0;
      }
    });
    terms.forEach((t, k) => {
      if (t !== 'cost') g[k]! += lambda * fit.weights[k]!;
    });
    for (const v of g) expect(Math.abs(v)).toBeLessThan(1e-6);
  });

  it('lets the two sides compete: the probabilities of one candidate sum below 1', () => {
    const fit = fitStructural(rows, DEFAULT_TERMS, 1);
    const p = predictStructural(rows, DEFAULT_TERMS, fit.weights);
    for (let r = 0; r < rows.length; r++) expect(p[2 * r]! + p[2 * r + 1]!).toBeLessThan(1);
  });
});
