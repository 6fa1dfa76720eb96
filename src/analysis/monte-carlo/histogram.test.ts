import { describe, expect, it } from 'vitest';
import { binOf, coarsen, histogramQuantile } from './histogram.ts';

describe('fixed-bin histograms', () => {
  it('bins a value on the scale, clamping the ends (the maximum goes to the last bin)', () => {
    expect(binOf(0, 0, 100, 1000)).toBe(0);
    expect(binOf(49.95, 0, 100, 1000)).toBe(499);
    expect(binOf(100, 0, 100, 1000)).toBe(999);
    expect(binOf(-3, 0, 100, 1000)).toBe(0);
  });

  it('reads quantiles of a uniform histogram to within one bin', () => {
    const counts = new Float64Array(100).fill(10);
    expect(histogramQuantile(counts, 0, 100, 0, 10, 0.5)).toBeCloseTo(5, 10);
    expect(histogramQuantile(counts, 0, 100, 0, 10, 0.1)).toBeCloseTo(1, 10);
  });

  it('reads a point mass exactly once clamped to the exact min and max', () => {
    const counts = new Float64Array(1000);
    counts[400] = 50; // every run at 40
    expect(histogramQuantile(counts, 0, 1000, 0, 100, 0.5, 40, 40)).toBe(40);
  });

  it('coarsens by summing whole groups of bins', () => {
    const counts = Float64Array.from({ length: 10 }, (_, i) => i);
    expect(coarsen(counts, 0, 10, 5)).toEqual([1, 5, 9, 13, 17]);
  });
});
