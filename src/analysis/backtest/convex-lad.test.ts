import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng.ts';
import { fitConvexLad } from './convex-lad.ts';

function objective(X: Float64Array, y: number[], m: number, w: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    let f = 0;
    for (let j = 0; j < m; j++) f += X[i * m + j]! * w[j]!;
    s += Math.abs(y[i]! - f);
  }
  return s / y.length;
}

describe('fitConvexLad(X, y, m) minimises Σ|y − Xw| over w ≥ 0, Σw = 1', () => {
  it('recovers an exact convex combination', () => {
    const rng = createRng(1);
    const n = 40;
    const m = 3;
    const X = Float64Array.from({ length: n * m }, () => rng.next() * 100);
    const w = [0.2, 0.5, 0.3];
    const y = Array.from({ length: n }, (_, i) =>
      w.reduce((s, wj, j) => s + wj * X[i * m + j]!, 0),
    );
    const fit = fitConvexLad(X, y, m);
    expect(fit.mae).toBeLessThan(1e-9);
    fit.weights.forEach((v, j) => expect(v).toBeCloseTo(w[j]!, 8));
  });

  it('is never beaten by any point of a fine grid on the simplex (3 components)', () => {
    const rng = createRng(2);
    for (let t = 0; t < 5; t++) {
      const n = 30;
      const m = 3;
      const X = Float64Array.from({ length: n * m }, () => Math.round(rng.next() * 100));
      const y = Array.from({ length: n }, () => Math.round(rng.next() * 10) * 10);
      const fit = fitConvexLad(X, y, m);
      expect(fit.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      fit.weights.forEach((v) => expect(v).toBeGreaterThanOrEqual(0));
      expect(fit.mae).toBeCloseTo(objective(X, y, m, fit.weights), 9);
      let best = Infinity;
      const N = 100;
      for (let a = 0; a <= N; a++) {
        for (let b = 0; a + b <= N; b++)
          best = Math.min(best, objective(X, y, m, [a / N, b / N, (N - a - b) / N]));
      }
      expect(fit.mae).toBeLessThanOrEqual(best + 1e-9);
    }
  });

  it('fits on a subset of rows and handles one component', () => {
    const X = Float64Array.from([0, 100, 0, 100, 50, 50]);
    expect(Array.from(fitConvexLad(X, [0, 0, 100], 2, [0, 1]).weights)).toEqual([1, 0]);
    expect(Array.from(fitConvexLad(Float64Array.from([1, 2]), [1, 2], 1).weights)).toEqual([1]);
  });
});
