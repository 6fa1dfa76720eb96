import { describe, expect, it } from 'vitest';
import { groupFolds } from './folds.ts';

describe('groupFolds(groups, k, seed)', () => {
  const groups = Array.from(
    { length: 60 },
    (_, i) => `p${Math.floor(i / 3) + (i % 7 === 0 ? 100 : 0)}`,
  );

  it('never splits a group across folds', () => {
    const f = groupFolds(groups, 5, 1);
    const foldOf = new Map<string, number>();
    groups.forEach((g, i) => {
      if (foldOf.has(g)) expect(f[i]).toBe(foldOf.get(g));
      foldOf.set(g, f[i]!);
    });
  });

  it('deals groups evenly and is the same for the same seed, different for another', () => {
    const f = groupFolds(groups, 5, 1);
    const perFold = [0, 1, 2, 3, 4].map((k) => new Set(groups.filter((_, i) => f[i] === k)).size);
    expect(Math.max(...perFold) - Math.min(...perFold)).toBeLessThanOrEqual(1);
    expect(Array.from(groupFolds(groups, 5, 1))).toEqual(Array.from(f));
    expect(Array.from(groupFolds(groups, 5, 2))).not.toEqual(Array.from(f));
  });

  it('caps k at the number of groups', () => {
    expect(Math.max(...groupFolds(['a', 'b', 'a'], 10, 1))).toBe(1);
  });
});
