import { describe, expect, it } from 'vitest';
import { makeNumericInput } from '../core/numeric-input.ts';
import { createRng } from '../core/rng.ts';
import {
  ENSEMBLE_COMPONENTS,
  type EnsembleSpec,
  createEnsembleModel,
  ensemble,
  ensembleComponents,
  ensembleSpecProblems,
} from './ensemble.ts';

const ctx = { rng: createRng(1), trace: false };
const base: EnsembleSpec = {
  format: 'entente-ensemble',
  version: 1,
  weights: { mean: 1 },
  capabilityExponent: 1,
  salienceExponent: 1,
  institutions: { commission: 'com', parliament: 'ep' },
  capability: 'equal',
  residualQuantiles: [-1, 0, 1],
  fit: {},
};
const input = makeNumericInput({
  capability: [1, 2, 1],
  position: [0, 60, 100],
  salience: [1, 0.5, 0.5],
  actorIds: ['com', 'de', 'ep'],
  reference: [10],
});

describe('ensembleComponents(input, spec)', () => {
  it('gives mean, median, nash, commission, parliament, reference and midpoint', () => {
    const g = ensembleComponents(input, base);
    const byName = Object.fromEntries(ENSEMBLE_COMPONENTS.map((c, j) => [c, g[j]]));
    // weights v = c·s = 1, 1, 0.5 → mean (0 + 60 + 50)/2.5 = 44
    expect(byName.mean).toBeCloseTo(44, 12);
    expect(byName.median).toBe(60);
    expect(byName.commission).toBe(0);
    expect(byName.parliament).toBe(100);
    expect(byName.reference).toBe(10);
    expect(byName.midpoint).toBe(50);
  });
  it('falls back to the mean when the Commission, Parliament or reference point is absent or inert', () => {
    const other = makeNumericInput({
      capability: [1, 1],
      position: [0, 100],
      salience: [1, 0],
      actorIds: ['a', 'ep'],
    });
    const g = ensembleComponents(other, base);
    expect(g[3]).toBe(0); // commission → mean (only a weighs)
    expect(g[4]).toBe(0); // ep has zero salience → mean
    expect(g[5]).toBe(0); // no reference → mean
  });
  it('treats capability 0 as inert even when the capability exponent is 0', () => {
    const z = makeNumericInput({ capability: [1, 0], position: [20, 90], salience: [1, 1] });
    expect(ensembleComponents(z, { ...base, capabilityExponent: 0 })[0]).toBe(20);
  });
});

describe('the ensemble model', () => {
  it('is the spec’s convex combination, clamped to the scale', () => {
    const m = createEnsembleModel({ ...base, weights: { mean: 0.5, midpoint: 0.5 } });
    expect(m.run(input, {}, ctx).forecast[0]).toBeCloseTo(47, 12);
  });
  it('ships a valid fitted spec', () => {
    expect(ensembleSpecProblems(ensemble.spec)).toEqual([]);
    expect(ensemble.id).toBe('ensemble');
  });
  it('reports what is wrong with a bad spec', () => {
    expect(
      ensembleSpecProblems({ ...base, version: 2, weights: { mean: 0.5, oracle: 0.5 } }),
    ).toEqual([
      'version: 2 is not supported (expected 1)',
      'weights.oracle: unknown component (mean, median, nash, commission, parliament, reference, midpoint)',
      'weights: sum to 0.5, expected 1',
    ]);
    const bad = createEnsembleModel({ ...base, weights: {} });
    expect(() => bad.run(input, {}, ctx)).toThrow(/ensemble spec is unusable: weights: sum to 0/);
  });
});
