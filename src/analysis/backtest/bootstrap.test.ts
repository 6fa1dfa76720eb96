import { describe, expect, it } from 'vitest';
import { pairedBootstrap } from './bootstrap.ts';

describe('pairedBootstrap(errA, errB, groups) resamples proposals', () => {
  it('gives zero difference and a zero-width interval for identical errors', () => {
    const d = pairedBootstrap([1, 2, 3], [1, 2, 3], ['a', 'a', 'b'], { seed: 1, replicates: 200 });
    expect(d).toMatchObject({ diff: 0, lo: 0, hi: 0, shareBetter: 0 });
  });
  it('finds a uniformly better forecaster better in every replicate', () => {
    const d = pairedBootstrap([1, 1, 1, 1], [2, 3, 2, 3], ['a', 'b', 'c', 'd'], {
      seed: 1,
      replicates: 500,
    });
    expect(d.diff).toBe(-1.5);
    expect(d.shareBetter).toBe(1);
    expect(d.lo).toBeGreaterThanOrEqual(-2);
    expect(d.hi).toBeLessThanOrEqual(-1);
  });
});
