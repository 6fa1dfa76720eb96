import { describe, expect, it } from 'vitest';
import { histogramCrps } from './crps.ts';

describe('histogramCrps(counts, min, max, y)', () => {
  it('equals the closed form for a uniform distribution, y² − y + 1/3 on [0, 1]', () => {
    const counts = new Float64Array(1000).fill(7);
    for (const y of [0, 0.2, 0.5, 0.93, 1])
      expect(histogramCrps(counts, 0, 1, y)).toBeCloseTo(y * y - y + 1 / 3, 12);
  });

  it('adds the distance to the scale for an outcome outside it', () => {
    const counts = new Float64Array(10).fill(1);
    expect(histogramCrps(counts, 0, 1, 1.5)).toBeCloseTo(1 / 3 + 0.5, 12);
  });

  it('is E|X − y| − ½E|X − X′| for all runs in one narrow bin (uniform on 40.0–40.1)', () => {
    const counts = new Float64Array(1000);
    counts[400] = 5;
    // E|X − 55| = 14.95; E|X − X′| = 0.1/3 for a uniform of width 0.1.
    expect(histogramCrps(counts, 0, 100, 55)).toBeCloseTo(14.95 - 0.1 / 6, 12);
  });
});
