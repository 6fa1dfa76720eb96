import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng.ts';
import { addMoment, emptyMoments, mergeMoments, readMoments } from './moments.ts';

describe('moments: Welford updates merged by Chan et al.', () => {
  it('merging chunk moments equals one pass over all values (to 1e-12)', () => {
    const rng = createRng(3);
    const xs = Array.from({ length: 5000 }, () => 40 + 10 * rng.next() ** 2);
    const whole = emptyMoments(1);
    xs.forEach((x) => addMoment(whole, 0, x));
    const merged = emptyMoments(1);
    for (let c = 0; c < 5000; c += 700) {
      const part = emptyMoments(1);
      xs.slice(c, c + 700).forEach((x) => addMoment(part, 0, x));
      mergeMoments(merged, part);
    }
    const a = readMoments(whole, 0);
    const b = readMoments(merged, 0);
    expect(b.count).toBe(5000);
    expect(b.mean).toBeCloseTo(a.mean, 12);
    expect(b.sd).toBeCloseTo(a.sd, 12);
    expect([b.min, b.max]).toEqual([a.min, a.max]);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1));
    expect(a.mean).toBeCloseTo(mean, 12);
    expect(a.sd).toBeCloseTo(sd, 12);
  });

  it('reads an empty cell as NaN and a single value with sd 0', () => {
    const m = emptyMoments(2);
    addMoment(m, 1, 7);
    expect(readMoments(m, 0).mean).toBeNaN();
    expect(readMoments(m, 1)).toEqual({ count: 1, mean: 7, sd: 0, min: 7, max: 7 });
  });
});
