import { describe, expect, it } from 'vitest';
import { fitLogistic, predictLogistic, sigmoid } from './logistic.ts';

describe('fitLogistic(x, y, p, λ)', () => {
  it('matches the closed form on a hand-checked dataset: one binary feature, λ = 0', () => {
    // x = 0: 1 join of 4 (p = ¼); x = 1: 2 joins of 3 (p = ⅔). MLE: α = logit ¼ = ln ⅓,
    // β = logit ⅔ − logit ¼ = ln 2 − ln ⅓ = ln 6.
    const x = Float64Array.from([0, 0, 0, 0, 1, 1, 1]);
    const y = [1, 0, 0, 0, 1, 1, 0];
    const fit = fitLogistic(x, y, 1, 0);
    expect(fit.converged).toBe(true);
    expect(fit.intercept).toBeCloseTo(Math.log(1 / 3), 8);
    expect(fit.coef[0]).toBeCloseTo(Math.log(6), 8);
    const p = predictLogistic(Float64Array.from([0, 1]), 2, 1, fit.intercept, fit.coef);
    expect(p[0]).toBeCloseTo(0.25, 8);
    expect(p[1]).toBeCloseTo(2 / 3, 8);
  });

  it('reaches a zero gradient of the penalised likelihood: Xᵀ(p − y) + λβ = 0, intercept unpenalised', () => {
    const n = 200;
    const p = 3;
    const x = new Float64Array(n * p);
    const y = new Float64Array(n);
    let s = 7;
    const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647) * 2 - 1;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < p; j++) x[i * p + j] = rnd();
      y[i] = rnd() < 0.6 * x[i * p]! - 0.3 ? 1 : 0;
    }
    const lambda = 2.5;
    const fit = fitLogistic(x, y, p, lambda);
    const pr = predictLogistic(x, n, p, fit.intercept, fit.coef);
    const g = new Float64Array(p + 1);
    for (let i = 0; i < n; i++) {
      g[0]! += pr[i]! - y[i]!;
      for (let j = 0; j < p; j++) g[j + 1]! += (pr[i]! - y[i]!) * x[i * p + j]!;
    }
    for (let j = 0; j < p; j++) g[j + 1]! += lambda * fit.coef[j]!;
    for (const v of g) expect(Math.abs(v)).toBeLessThan(1e-7);
    expect(fit.coef[0]).toBeGreaterThan(0.5); // the signal in column 0 is found
  });

  it('shrinks coefficients toward 0 as λ grows', () => {
    const x = Float64Array.from([0, 0, 0, 0, 1, 1, 1]);
    const y = [1, 0, 0, 0, 1, 1, 0];
    const small = fitLogistic(x, y, 1, 0.1).coef[0]!;
    const large = fitLogistic(x, y, 1, 10).coef[0]!;
    expect(Math.abs(large)).toBeLessThan(Math.abs(small));
  });

  it('σ is stable at extreme arguments', () => {
    expect(sigmoid(800)).toBe(1);
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(0)).toBe(0.5);
  });
});
