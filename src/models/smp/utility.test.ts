import { describe, expect, it } from 'vitest';
import { salienceDistance, smpUtility } from './utility.ts';

describe('KTAB spatial utility (SMPModel::bvDiff, bsUtil)', () => {
  it("distance weights each issue by the evaluating actor's squared salience and normalises by Σ s²", () => {
    const ideal = Float64Array.of(0.2, 0.8);
    const sal = Float64Array.of(0.3, 0.1);
    const pos = Float64Array.of(0.6, 0.3);
    const expected = Math.sqrt(((0.3 * 0.4) ** 2 + (0.1 * 0.5) ** 2) / (0.09 + 0.01));
    expect(salienceDistance(ideal, sal, 0, pos, 0, 2)).toBeCloseTo(expected, 15);
  });
  it('distance is 0 at the ideal and 1 at the far corner', () => {
    const a = Float64Array.of(0, 1);
    const s = Float64Array.of(0.4, 0.2);
    expect(salienceDistance(a, s, 0, a, 0, 2)).toBe(0);
    expect(salienceDistance(a, s, 0, Float64Array.of(1, 0), 0, 2)).toBeCloseTo(1, 15);
  });
  it('an actor with no salience is indifferent (distance 0), not NaN', () => {
    expect(
      salienceDistance(Float64Array.of(0), Float64Array.of(0), 0, Float64Array.of(1), 0, 1),
    ).toBe(0);
  });
  it('u(d; R) = (1 − d)(1 + R d): risk-averse above linear, risk-seeking below, equal at 0 and 1', () => {
    expect(smpUtility(0.5, 0)).toBe(0.5);
    expect(smpUtility(0.5, 1)).toBe(0.75);
    expect(smpUtility(0.5, -1)).toBe(0.25);
    for (const r of [-1, -0.5, 0, 0.5, 1]) {
      expect(smpUtility(0, r)).toBe(1);
      expect(smpUtility(1, r)).toBe(0);
    }
  });
  it('beyond d = 1 the utility continues as (1 − d)(1 + R)', () => {
    expect(smpUtility(1.5, 0.5)).toBeCloseTo(-0.75, 15);
  });
});
