import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng.ts';
import {
  DISTRIBUTIONS,
  distributionMean,
  distributionVariance,
  quantile,
} from './distributions.ts';

/** Sample mean, variance, skewness sign and the fraction inside the closed-form 10–90% band. */
function sample(dist: (typeof DISTRIBUTIONS)[number], a: number, c: number, b: number, n: number) {
  const rng = createRng(2025);
  let s = 0;
  let s2 = 0;
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = quantile(dist, rng.next(), a, c, b);
    xs[i] = x;
    s += x;
    s2 += x * x;
  }
  const mean = s / n;
  return { xs, mean, variance: s2 / n - mean * mean };
}

describe('quantile(dist, u, low, mode, high) draws the named distribution', () => {
  const cases: [number, number, number][] = [
    [20, 30, 40],
    [0, 0, 10], // mode at the low end
    [50, 85, 90],
  ];
  for (const dist of DISTRIBUTIONS) {
    for (const [a, c, b] of cases) {
      it(`${dist}(${a}, ${c}, ${b}): sample mean and variance match the closed form within 4 standard errors`, () => {
        const n = 40_000;
        const { xs, mean, variance } = sample(dist, a, c, b, n);
        const mu = distributionMean(dist, a, c, b);
        const v = distributionVariance(dist, a, c, b);
        expect(Math.abs(mean - mu)).toBeLessThan(4 * Math.sqrt(v / n));
        // SE of the sample variance ≤ √(μ4/n); for these bounded shapes μ4 ≤ 3.5 v².
        expect(Math.abs(variance - v)).toBeLessThan(4 * Math.sqrt((3.5 * v * v) / n));
        expect(Math.min(...xs)).toBeGreaterThanOrEqual(a);
        expect(Math.max(...xs)).toBeLessThanOrEqual(b);
      });
    }
  }

  it('covers its own 80% interval: 80% of triangular draws fall between its 10% and 90% quantiles', () => {
    const [a, c, b] = [10, 25, 70];
    const lo = quantile('triangular', 0.1, a, c, b);
    const hi = quantile('triangular', 0.9, a, c, b);
    // Closed form of the triangular CDF at the quantiles, independently of the inverse.
    const cdf = (x: number) =>
      x <= c ? (x - a) ** 2 / ((b - a) * (c - a)) : 1 - (b - x) ** 2 / ((b - a) * (b - c));
    expect(cdf(lo)).toBeCloseTo(0.1, 12);
    expect(cdf(hi)).toBeCloseTo(0.9, 12);
    const { xs } = sample('triangular', a, c, b, 50_000);
    const inside = xs.filter((x) => x >= lo && x <= hi).length / xs.length;
    expect(Math.abs(inside - 0.8)).toBeLessThan(4 * Math.sqrt((0.8 * 0.2) / xs.length));
  });

  it('PERT puts more weight near the mode than the triangular', () => {
    const v = distributionVariance('pert', 0, 30, 100);
    expect(v).toBeLessThan(distributionVariance('triangular', 0, 30, 100));
    expect(quantile('pert', 0.5, 0, 50, 100)).toBeCloseTo(50, 10);
  });

  it('returns the mode for a degenerate range', () => {
    expect(quantile('pert', 0.3, 5, 5, 5)).toBe(5);
  });
});
