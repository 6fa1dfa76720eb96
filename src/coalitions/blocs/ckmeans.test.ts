import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ckmeans } from './ckmeans.ts';

/** Least within-cluster sum of squares over all splits of sorted x into k contiguous runs. */
function bruteForce(x: number[], k: number): number {
  const s = [...x].sort((a, b) => a - b);
  const ss = (a: number[]) => {
    const m = a.reduce((p, q) => p + q, 0) / a.length;
    return a.reduce((p, q) => p + (q - m) ** 2, 0);
  };
  const best = (from: number, left: number): number => {
    if (left === 1) return ss(s.slice(from));
    let b = Infinity;
    for (let cut = from + 1; cut <= s.length - left + 1; cut++)
      b = Math.min(b, ss(s.slice(from, cut)) + best(cut, left - 1));
    return b;
  };
  return best(0, k);
}

describe('ckmeans(values, k): optimal 1-D k-means by dynamic programming (Wang & Song 2011)', () => {
  it('finds the least within-cluster sum of squares (brute force over contiguous splits)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 9 }),
        fc.integer({ min: 1, max: 4 }),
        (x, k) => {
          const c = ckmeans(x, k);
          expect(c.k).toBe(Math.min(k, new Set(x).size));
          expect(c.withinss).toBeCloseTo(bruteForce(x, c.k), 6);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('labels clusters from the lowest values up, in the input order', () => {
    const c = ckmeans([90, 1, 2, 88, 50, 3], 3);
    expect(Array.from(c.labels)).toEqual([2, 0, 0, 2, 1, 0]);
    expect(Array.from(c.centers)).toEqual([2, 50, 89]);
    expect(c.withinss).toBeCloseTo(2 + 2, 12);
  });

  it('never splits equal values and caps k at the number of distinct values', () => {
    const c = ckmeans([5, 5, 5, 9, 9], 4);
    expect(c.k).toBe(2);
    expect(Array.from(c.labels)).toEqual([0, 0, 0, 1, 1]);
  });
});
