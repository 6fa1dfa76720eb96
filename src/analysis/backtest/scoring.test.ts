import { describe, expect, it } from 'vitest';
import { quantileSorted } from './quantile.ts';
import {
  calibrationBins,
  crpsSamples,
  intervalCoverage,
  meanCrps,
  pointScores,
} from './scoring.ts';

describe('pointScores(forecast, outcome)', () => {
  it('gives MAE, RMSE, median absolute error, share within 10 (inclusive) and bias', () => {
    const s = pointScores([10, 20, 30, 40], [0, 20, 50, 30]);
    // errors 10, 0, −20, 10
    expect(s).toEqual({
      n: 4,
      mae: 10,
      rmse: Math.sqrt(600 / 4),
      medianAe: 10,
      within10: 0.75,
      bias: 0,
    });
  });
  it('is NaN on no issues', () => {
    expect(pointScores([], []).mae).toBeNaN();
  });
});

describe('crpsSamples(samples, y) = E|X − y| − ½E|X − X′|', () => {
  it('is the absolute error for a single sample (a point forecast)', () => {
    expect(crpsSamples([30], 42)).toBe(12);
  });
  it('is ¼ for the samples {0, 1} and y = 0', () => {
    // E|X − 0| = ½, E|X − X′| = (0 + 1 + 1 + 0)/4 = ½
    expect(crpsSamples([1, 0], 0)).toBeCloseTo(0.25, 15);
  });
  it('matches the closed form for a uniform distribution (many equally spaced samples)', () => {
    // U(0, 1) at y: CRPS = y² − y + 1/3 (Gneiting & Raftery 2007); at y = ½ that is 1/12.
    const m = 4000;
    const u = Array.from({ length: m }, (_, i) => (i + 0.5) / m);
    expect(crpsSamples(u, 0.5)).toBeCloseTo(1 / 12, 6);
    expect(crpsSamples(u, 0.2)).toBeCloseTo(0.04 - 0.2 + 1 / 3, 6);
  });
  it('matches the closed form for a normal distribution (quantile samples)', () => {
    // N(0, 1) at y: z(2Φ(z) − 1) + 2φ(z) − 1/√π. At y = 0: 2φ(0) − 1/√π = 0.233695…
    const m = 20000;
    const inv = (p: number) => {
      // Acklam-free: bisection on the normal CDF via erf series is overkill; use a fine grid.
      let lo = -10;
      let hi = 10;
      for (let k = 0; k < 80; k++) {
        const mid = (lo + hi) / 2;
        if (phi(mid) < p) lo = mid;
        else hi = mid;
      }
      return (lo + hi) / 2;
    };
    const s = Array.from({ length: m }, (_, i) => inv((i + 0.5) / m));
    expect(crpsSamples(s, 0)).toBeCloseTo(2 / Math.sqrt(2 * Math.PI) - 1 / Math.sqrt(Math.PI), 3);
  });
  it('averages over cases in meanCrps', () => {
    expect(meanCrps([[1], [3]], [0, 0])).toBe(2);
  });
});

/** Standard normal CDF by the Abramowitz–Stegun 7.1.26 erf (error < 1.5e-7). */
function phi(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf =
    1 -
    t *
      (0.254829592 +
        t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) *
      Math.exp(-z * z);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

describe('intervalCoverage(samples, outcomes, levels)', () => {
  it('counts outcomes inside the central intervals (inclusive) and their mean width', () => {
    const samples = [Array.from({ length: 101 }, (_, i) => i)]; // quantiles = percent
    const cov = (y: number) =>
      intervalCoverage(samples, [y], [0.5, 0.8, 0.9]).map((c) => c.coverage);
    expect(cov(50)).toEqual([1, 1, 1]);
    expect(cov(80)).toEqual([0, 1, 1]); // 50%: [25, 75]; 80%: [10, 90]
    expect(cov(94)).toEqual([0, 0, 1]); // 90%: [5, 95]
    expect(cov(99)).toEqual([0, 0, 0]);
    expect(intervalCoverage(samples, [0], [0.5])[0]!.meanWidth).toBe(50);
  });
  it('is close to nominal when outcomes are drawn from the forecast distribution', () => {
    const m = 200;
    const grid = Array.from({ length: m }, (_, i) => (i + 0.5) / m);
    const outcomes = Array.from({ length: 1000 }, (_, i) => (i * 0.6180339887) % 1);
    const cov = intervalCoverage(
      outcomes.map(() => grid),
      outcomes,
    );
    cov.forEach((c) => expect(c.coverage).toBeCloseTo(c.level, 1));
  });
});

describe('quantileSorted(sorted, p) uses the R-7 method', () => {
  it('interpolates between order statistics', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantileSorted([5], 0.9)).toBe(5);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });
});

describe('calibrationBins(forecast, outcome, bins)', () => {
  it('bins forecasts by value and averages forecasts and outcomes per non-empty bin', () => {
    const b = calibrationBins([5, 7, 55, 100], [0, 10, 60, 90], 10);
    expect(b).toEqual([
      { lo: 0, hi: 10, n: 2, meanForecast: 6, meanOutcome: 5 },
      { lo: 50, hi: 60, n: 1, meanForecast: 55, meanOutcome: 60 },
      { lo: 90, hi: 100, n: 1, meanForecast: 100, meanOutcome: 90 },
    ]);
  });
});
