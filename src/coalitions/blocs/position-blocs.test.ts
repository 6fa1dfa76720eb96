import { describe, expect, it } from 'vitest';
import { averageSilhouette } from './silhouette.ts';
import { positionBlocs, silhouetteStrength } from './position-blocs.ts';

describe('positionBlocs(values): k chosen by the average silhouette (Rousseeuw 1987)', () => {
  it('finds three well-separated groups', () => {
    const b = positionBlocs([0, 2, 1, 50, 52, 98, 100, 99]);
    expect(b.k).toBe(3);
    expect(Array.from(b.labels)).toEqual([0, 0, 0, 1, 1, 2, 2, 2]);
    expect(b.rule).toBe('silhouette');
    expect(silhouetteStrength(b.silhouette)).toBe('strong');
  });

  it('keeps one bloc when no split’s silhouette exceeds minSilhouette, or all positions are equal', () => {
    const even = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    // evenly spread positions still split with a "reasonable" silhouette (a known bias of the
    // criterion); a stricter threshold keeps them together
    expect(silhouetteStrength(positionBlocs(even).silhouette)).toBe('reasonable');
    const b = positionBlocs(even, { minSilhouette: 0.7 });
    expect(b.rule).toBe('one-bloc');
    expect(b.k).toBe(1);
    expect(b.silhouette).toBe(0);
    expect(positionBlocs([5, 5, 5]).k).toBe(1);
  });

  it('uses a fixed k when given', () => {
    const b = positionBlocs([0, 1, 2, 3], { k: 2 });
    expect(b.rule).toBe('fixed');
    expect(Array.from(b.labels)).toEqual([0, 0, 1, 1]);
  });
});

describe('averageSilhouette(values, labels)', () => {
  it('is 1 for tight far-apart clusters, 0 when every cluster is a singleton', () => {
    expect(averageSilhouette([0, 0, 10, 10], [0, 0, 1, 1])).toBe(1);
    expect(averageSilhouette([0, 5, 10], [0, 1, 2])).toBe(0);
  });

  it('computes (b − a)/max(a, b) per point', () => {
    // points 0, 2 | 10: for 0: a = 2, b = 10 → 0.8; for 2: a = 2, b = 8 → 0.75; singleton 10 → 0
    expect(averageSilhouette([0, 2, 10], [0, 0, 1])).toBeCloseTo((0.8 + 0.75) / 3, 14);
  });
});
