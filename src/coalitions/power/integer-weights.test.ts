import { describe, expect, it } from 'vitest';
import { makeNumericInput } from '../../core/numeric-input.ts';
import { integerWeights } from './integer-weights.ts';
import { issuePower } from './issue-power.ts';

describe('integerWeights(real, {resolution, quotaFraction})', () => {
  it('rescales to a total of about R and rounds to the nearest integer', () => {
    const r = integerWeights([1, 2, 7], { resolution: 100 });
    expect(r.weights).toEqual([10, 20, 70]);
    expect(r.total).toBe(100);
    expect(r.maxShareError).toBe(0);
  });

  it('sets the quota at ⌊f·W⌋ + 1: strictly more than the fraction f of the total', () => {
    expect(integerWeights([1, 1], { resolution: 100 }).quota).toBe(51);
    expect(integerWeights([1, 1], { resolution: 100, quotaFraction: 0.7 }).quota).toBe(71);
    expect(integerWeights([1, 2], { resolution: 3, quotaFraction: 2 / 3 }).quota).toBe(3);
  });

  it('reports the largest change of a share through rounding', () => {
    const r = integerWeights([1, 1, 1], { resolution: 10 });
    expect(r.weights).toEqual([3, 3, 3]);
    expect(r.maxShareError).toBeCloseTo(0, 12);
    const s = integerWeights([0.004, 0.996], { resolution: 100 });
    expect(s.weights).toEqual([0, 100]);
    expect(s.maxShareError).toBeCloseTo(0.004, 12);
  });

  it('rejects negative weights, an all-zero vector and fractions outside (0, 1)', () => {
    expect(() => integerWeights([-1, 2])).toThrow(/finite and >= 0/);
    expect(() => integerWeights([0, 0])).toThrow(/at least one weight must be positive/);
    expect(() => integerWeights([1], { quotaFraction: 1 })).toThrow(/within \(0, 1\)/);
  });
});

describe('issuePower(input, k): the weighted game an issue induces (weights c·s)', () => {
  it('weighs each present actor by capability × salience and skips absent ones', () => {
    const input = makeNumericInput({
      capability: [4, 4, 2, 9],
      position: [0, 0, 0, 0],
      salience: [1, 0.5, 1, 1],
      present: [1, 1, 1, 0],
    });
    const p = issuePower(input, 0, { resolution: 10, quotaFraction: 0.6 });
    expect(p.players.map((x) => x.actor)).toEqual([0, 1, 2]);
    expect(p.players.map((x) => x.weight)).toEqual([5, 3, 3]);
    expect(p.quota).toBe(7);
    // [7; 5, 3, 3]: the big actor with either small one wins, the two small ones do not
    expect(p.players.map((x) => x.shapleyShubikExact)).toEqual(['2/3', '1/6', '1/6']);
    expect(p.players.map((x) => x.banzhafExact)).toEqual(['3/5', '1/5', '1/5']);
  });

  it('is unchanged when every capability is scaled by the same factor', () => {
    const mk = (f: number) =>
      makeNumericInput({
        capability: [3 * f, 2 * f, 1 * f],
        position: [0, 0, 0],
        salience: [0.5, 0.5, 0.9],
      });
    expect(issuePower(mk(1), 0).players).toEqual(
      issuePower(mk(1000), 0).players.map((p, i) => ({
        ...p,
        realWeight: issuePower(mk(1), 0).players[i]!.realWeight,
      })),
    );
  });
});
