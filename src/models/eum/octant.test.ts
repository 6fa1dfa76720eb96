import { describe, expect, it } from 'vitest';
import { dyadOctant } from './octant.ts';

describe('dyadOctant(a, b) reads BDM’s eight octants (docs/spec/eum.md, "Dyad octants")', () => {
  it.each([
    [2, 1, 'conflict-i-prevails'],
    [1, 2, 'conflict-j-prevails'],
    [2, -1, 'compromise-j-concedes'],
    [1, -2, 'i-compels-j'],
    [1, -1, 'i-compels-j'], // |b| ≥ |a|
    [-1, 2, 'compromise-i-concedes'],
    [-2, 1, 'j-compels-i'],
    [-1, 1, 'j-compels-i'], // |a| ≥ |b|
    [-1, -2, 'stalemate'],
    [-2, -1, 'stalemate'],
  ] as const)('a = %d, b = %d → %s', (a, b, octant) => {
    expect(dyadOctant(a, b, false)).toBe(octant);
  });

  it('same position → same-position, whatever a and b', () => {
    expect(dyadOctant(0, 0, true)).toBe('same-position');
    expect(dyadOctant(1, -1, true)).toBe('same-position');
  });

  it('on a boundary the literature leaves open (a or b = 0, a = b > 0) → indeterminate', () => {
    expect(dyadOctant(0, 1, false)).toBe('indeterminate');
    expect(dyadOctant(-1, 0, false)).toBe('indeterminate');
    expect(dyadOctant(1, 1, false)).toBe('indeterminate');
  });

  it('treats differences below 1e-12 as ties, so rounding noise cannot pick a side', () => {
    expect(dyadOctant(1 + 1e-14, 1, false)).toBe('indeterminate');
    expect(dyadOctant(1e-14, 1, false)).toBe('indeterminate');
    expect(dyadOctant(-1, 1 + 1e-14, false)).toBe('j-compels-i');
  });
});
