import { describe, expect, it } from 'vitest';
import { searchDirection } from './search.ts';

const atLeast = (g: number) => g >= 0;

describe('searchDirection', () => {
  it('finds the crossing of a monotone response to within the tolerance', () => {
    // g(x) = x − 37.3 on 0..100 from 10 upwards.
    const r = searchDirection((x) => x - 37.3, atLeast, 10, 100, 100);
    expect(r.found).toBe(true);
    expect(r.value).toBeGreaterThanOrEqual(37.3);
    expect(r.value - 37.3).toBeLessThan(0.01 + 1e-9);
    expect(r.windows).toBe(1);
  });

  it('searches downwards too', () => {
    const r = searchDirection((x) => 20 - x, atLeast, 50, 0, 100);
    expect(r.value).toBeLessThanOrEqual(20);
    expect(20 - r.value).toBeLessThan(0.011);
  });

  it('takes the nearest window of a non-monotone response and reports there are several', () => {
    // Met on [30, 40] and [70, 100].
    const g = (x: number) => ((x >= 30 && x <= 40) || x >= 70 ? 1 : -1);
    const r = searchDirection(g, atLeast, 0, 100, 100);
    expect(r.value).toBeGreaterThanOrEqual(30);
    expect(r.value).toBeLessThan(30.02);
    expect(r.windows).toBe(2);
  });

  it('says when nothing in the direction meets the target, with the best point seen', () => {
    const r = searchDirection((x) => -Math.abs(x - 60) - 1, atLeast, 0, 100, 100);
    expect(r.found).toBe(false);
    expect(r.bestValue).toBe(60);
    expect(r.bestG).toBe(-1);
  });

  it('reaches the end of the range exactly', () => {
    const r = searchDirection((x) => x - 100, atLeast, 3, 100, 100);
    expect(r.value).toBe(100);
  });
});
