import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { betaCdf, betaQuantile, logGamma } from './beta.ts';

describe('logGamma, betaCdf, betaQuantile', () => {
  it('logGamma matches log((n−1)!) and log √π', () => {
    expect(logGamma(1)).toBeCloseTo(0, 13);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
  });

  it('betaCdf has the closed forms of Beta(1, b) and Beta(a, 1)', () => {
    for (const x of [0.01, 0.3, 0.5, 0.9]) {
      expect(betaCdf(x, 1, 3)).toBeCloseTo(1 - (1 - x) ** 3, 13);
      expect(betaCdf(x, 2.5, 1)).toBeCloseTo(x ** 2.5, 13);
    }
    // Beta(2, 2): 3x² − 2x³.
    expect(betaCdf(0.3, 2, 2)).toBeCloseTo(3 * 0.09 - 2 * 0.027, 13);
  });

  it('betaQuantile inverts betaCdf for the PERT shapes (a, b in [1, 5])', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }),
        fc.double({ min: 1, max: 5, noNaN: true }),
        (p, a) => {
          const b = 6 - a; // PERT: α + β = 6
          const x = betaQuantile(p, a, b);
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
          expect(Math.abs(betaCdf(x, a, b) - p)).toBeLessThan(1e-11);
        },
      ),
    );
  });
});
