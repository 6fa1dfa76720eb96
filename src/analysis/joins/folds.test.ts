import { describe, expect, it } from 'vitest';
import { crossValidate } from './fit.ts';
import { warFolds } from './folds.ts';
import { trainingRows } from './testdata.ts';

describe('warFolds(rows, k, seed)', () => {
  const rows = trainingRows();

  it('never splits a war across folds', () => {
    for (const seed of [1, 2, 3]) {
      const f = warFolds(rows, 10, seed);
      const foldOf = new Map<number, number>();
      rows.forEach((r, i) => {
        if (foldOf.has(r.warnum)) expect(f[i]).toBe(foldOf.get(r.warnum));
        foldOf.set(r.warnum, f[i]!);
      });
      expect(new Set(f).size).toBe(10);
    }
  });

  it('gives the same folds for the same seed and others for another seed', () => {
    expect(Array.from(warFolds(rows, 10, 5))).toEqual(Array.from(warFolds(rows, 10, 5)));
    expect(Array.from(warFolds(rows, 10, 6))).not.toEqual(Array.from(warFolds(rows, 10, 5)));
  });
});

describe('crossValidate(rows, { folds, seed })', () => {
  // A third of the wars keeps this fast; the property does not depend on the size.
  const rows = trainingRows().filter((r) => r.warnum <= 120);

  it('is deterministic for a seed: the same out-of-fold forecasts, λ and weights', () => {
    const a = crossValidate(rows, { folds: 3, seed: 11, innerFolds: 3 });
    const b = crossValidate(rows, { folds: 3, seed: 11, innerFolds: 3 });
    expect(Array.from(a.oof.commitment)).toEqual(Array.from(b.oof.commitment));
    expect(Array.from(a.oof.logistic)).toEqual(Array.from(b.oof.logistic));
    expect(a.outer).toEqual(b.outer);
  });

  it('scores every pair out of fold: no forecast comes from a fit that saw its war', () => {
    const cv = crossValidate(rows, { folds: 3, seed: 11, innerFolds: 3 });
    const f = warFolds(rows, 3, 11);
    // The base rate of a fold is the join share of the other folds' pairs.
    rows.forEach((_, i) => {
      const others = rows.filter((__, j) => f[j] !== f[i]);
      const joins = others.filter((r) => r.outcome !== 0).length;
      expect(cv.oof['base-rate'][2 * i]).toBeCloseTo(joins / (2 * others.length), 12);
    });
  });
});
