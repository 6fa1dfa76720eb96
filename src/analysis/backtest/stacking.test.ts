import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deuCases } from '../../formats/deu-cases.ts';
import { parseCouncilVotes } from '../../formats/deu-council-votes.ts';
import { parseDeu } from '../../formats/deu.ts';
import { fitEnsemble } from './fit.ts';
import { type StackingData, fitStack, nestedCv } from './stacking.ts';

const ROOT = join(import.meta.dirname, '../../..');
const data = parseDeu(
  readFileSync(join(ROOT, 'test/fixtures/deu/deu3_train.csv'), 'utf8'),
  'deu3_train.csv',
);
const votes = parseCouncilVotes(
  readFileSync(join(ROOT, 'src/analysis/backtest/data/council_vote_weights.csv'), 'utf8'),
  'votes.csv',
);
// A small subset (the first 20 proposals) keeps nested CV fast in tests.
const proposals = [...new Set(data.issues.map((i) => i.proposalId))].slice(0, 20);
const subset = { ...data, issues: data.issues.filter((i) => proposals.includes(i.proposalId)) };
const cases = deuCases(subset, { capability: 'council-votes', votes });
const scoreable = cases.cases.filter((c) => c.scoreable);
const stackData = (outcomes?: Float64Array): StackingData => ({
  inputs: scoreable.map((c) => c.input),
  outcomes: outcomes ?? Float64Array.from(scoreable, (c) => c.issue.outcome),
  groups: scoreable.map((c) => c.issue.proposalId),
});
const grid = [
  { capabilityExponent: 0, salienceExponent: 1 },
  { capabilityExponent: 1, salienceExponent: 1 },
];
const opts = { seed: 3, outerFolds: 4, innerFolds: 3, grid };

describe('nestedCv(data, options) on a subset of DEU III', () => {
  const cv = nestedCv(stackData(), opts);

  it('forecasts every issue out of fold, with weights on the simplex', () => {
    expect(cv.oof.every(Number.isFinite)).toBe(true);
    for (const o of cv.outer) {
      const w = Object.values(o.weights);
      expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      expect(w.every((x) => x >= 0)).toBe(true);
    }
  });

  it('never lets an issue’s own outcome reach its forecast (no leakage across folds)', () => {
    // Scramble the outcomes of fold 0: its out-of-fold forecasts must not change.
    const y = stackData().outcomes.slice();
    cv.folds.forEach((f, i) => {
      if (f === 0) y[i] = 100 - y[i]!;
    });
    const again = nestedCv(stackData(y), opts);
    cv.folds.forEach((f, i) => {
      if (f === 0) expect(again.oof[i]).toBe(cv.oof[i]);
    });
  });

  it('is deterministic for a seed', () => {
    expect(Array.from(nestedCv(stackData(), opts).oof)).toEqual(Array.from(cv.oof));
  });
});

describe('fitEnsemble(cases, options)', () => {
  it('saves a versioned spec with provenance and an out-of-fold column aligned with the cases', () => {
    const fit = fitEnsemble(cases, { ...opts, source: { file: 'sub.csv', hash: 'sha256:x' } });
    expect(fit.spec).toMatchObject({
      format: 'entente-ensemble',
      version: 1,
      capability: 'council-votes',
    });
    expect(fit.spec.residualQuantiles).toHaveLength(21);
    expect(fit.spec.fit).toMatchObject({
      data: 'sub.csv',
      hash: 'sha256:x',
      outerFolds: 4,
      innerFolds: 3,
    });
    expect(fit.column.forecasts).toHaveLength(cases.cases.length);
    cases.cases.forEach((c, i) =>
      expect(Number.isNaN(fit.column.forecasts[i]!)).toBe(!c.scoreable),
    );
    expect(fit.cv.oofMae).toBeCloseTo(nestedCv(stackData(), opts).oofMae, 12);
    const final = fitStack(stackData(), opts);
    expect(fit.spec.weights).toEqual(final.weights);
  });
});
