import { describe, expect, it } from 'vitest';
import { createRng } from './rng.ts';

describe('createRng(seed, stream)', () => {
  it('repeats the same sequence for the same seed and stream', () => {
    const a = createRng(123, 2);
    const b = createRng(123, 2);
    for (let i = 0; i < 1000; i++) expect(a.next()).toBe(b.next());
  });

  it('gives different sequences for different streams of one seed', () => {
    const a = createRng(123, 0);
    const b = createRng(123, 1);
    const same = Array.from({ length: 100 }, () => a.next() === b.next()).filter(Boolean).length;
    expect(same).toBe(0);
  });

  it('draws doubles in [0, 1) with mean 1/2 and variance 1/12', () => {
    const rng = createRng(7);
    const N = 200_000;
    let sum = 0;
    let sq = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < N; i++) {
      const x = rng.next();
      sum += x;
      sq += x * x;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    const mean = sum / N;
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    // 5 standard errors: sd of the mean = sqrt(1/12 / N) ≈ 6.5e-4
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / N));
    expect(sq / N - mean * mean).toBeCloseTo(1 / 12, 3);
  });

  it('keeps the seed and stream it was made from', () => {
    const rng = createRng(2 ** 31 + 5, 3);
    expect(rng.seed).toBe(2 ** 31 + 5);
    expect(rng.stream).toBe(3);
  });

  it('rejects seeds that are not 32-bit integers', () => {
    expect(() => createRng(1.5)).toThrow(RangeError);
    expect(() => createRng(2 ** 40)).toThrow(RangeError);
    expect(() => createRng(1, -1)).toThrow(RangeError);
  });
});
