import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auc, brier, calibration, logLoss } from './scoring.ts';

/** AUC by brute force: every (positive, negative) pair, ties ½. */
function bruteAuc(p: number[], y: number[]): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < p.length; i++) {
    for (let j = 0; j < p.length; j++) {
      if (y[i] !== 1 || y[j] !== 0) continue;
      c++;
      s += p[i]! > p[j]! ? 1 : p[i] === p[j] ? 0.5 : 0;
    }
  }
  return s / c;
}

describe('auc(p, y)', () => {
  it('equals the brute-force count of concordant (positive, negative) pairs, ties ½', () => {
    fc.assert(
      fc.property(
        // Forecasts on a coarse grid so ties are common.
        fc.array(fc.tuple(fc.integer({ min: 0, max: 8 }), fc.boolean()), {
          minLength: 2,
          maxLength: 60,
        }),
        (cases) => {
          const p = cases.map(([v]) => v / 8);
          const y = cases.map(([, b]) => (b ? 1 : 0));
          fc.pre(y.includes(1) && y.includes(0));
          expect(auc(p, y)).toBeCloseTo(bruteAuc(p, y), 12);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is ½ for a constant forecast and NaN without both outcomes', () => {
    expect(auc([0.2, 0.2, 0.2], [1, 0, 0])).toBe(0.5);
    expect(auc([0.1, 0.2], [0, 0])).toBeNaN();
  });
});

describe('brier and logLoss', () => {
  it('score a perfect forecast 0 and clip a confident miss at 1e−15', () => {
    expect(brier([1, 0], [1, 0])).toBe(0);
    expect(logLoss([0], [1])).toBeCloseTo(-Math.log(1e-15), 10);
    expect(logLoss([0.5, 0.5], [1, 0])).toBeCloseTo(Math.log(2), 12);
    expect(brier([0.2], [1])).toBeCloseTo(0.64, 12);
  });
});

describe('calibration(p, y)', () => {
  it('bins forecasts on the rare-event edges and reports mean forecast and observed share', () => {
    const bins = calibration([0.001, 0.003, 0.015, 0.5], [0, 1, 0, 1]);
    expect(bins).toEqual([
      { lo: 0, hi: 0.005, n: 2, meanForecast: 0.002, observed: 0.5 },
      { lo: 0.01, hi: 0.02, n: 1, meanForecast: 0.015, observed: 0 },
      { lo: 0.32, hi: 1, n: 1, meanForecast: 0.5, observed: 1 },
    ]);
  });
});
