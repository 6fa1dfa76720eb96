import { describe, expect, it } from 'vitest';
import { RANGE_CODE, estimatedRisk, riskAttitudes, riskEstimates } from './risk.ts';

describe('risk attitudes from the risk-neutral election (KTAB SMPState::setAllAUtil)', () => {
  const p = Float64Array.of(0.1, 0.3, 0.6);
  it('Mid (default) maps p_min → −½ and p_max → 1: R = (3p − p_max − 2p_min)/(2(p_max − p_min))', () => {
    const r = new Float64Array(3);
    expect(riskAttitudes(p, 3, RANGE_CODE.Mid, r)).toBe(true);
    expect(r[0]).toBeCloseTo(-0.5, 15);
    expect(r[1]).toBeCloseTo((0.9 - 0.6 - 0.2) / 1, 15);
    expect(r[2]).toBeCloseTo(1, 15);
  });
  it('Min maps onto [0, 1] and Max onto [−1, 1]', () => {
    const r = new Float64Array(3);
    riskAttitudes(p, 3, RANGE_CODE.Min, r);
    expect(Array.from(r)).toEqual([0, expect.closeTo(0.4, 15), 1]);
    riskAttitudes(p, 3, RANGE_CODE.Max, r);
    expect(Array.from(r)).toEqual([-1, expect.closeTo(-0.2, 15), 1]);
  });
  it('when p_max = p_min (KTAB throws) every R_i is 0 and the call reports it', () => {
    const r = Float64Array.of(9, 9, 9);
    expect(riskAttitudes(Float64Array.of(0.25, 0.25, 0.25), 3, RANGE_CODE.Mid, r)).toBe(false);
    expect(Array.from(r)).toEqual([0, 0, 0]);
  });
});

describe("an actor's estimate of another's risk attitude (KTAB BigRAdjust)", () => {
  it('None R_h, OneThird (2R_h + R_i)/3, Half (R_h + R_i)/2, TwoThirds (R_h + 2R_i)/3, Full R_i', () => {
    expect(estimatedRisk('None', 1, -0.5)).toBe(1);
    expect(estimatedRisk('OneThird', 1, -0.5)).toBeCloseTo(0.5, 15);
    expect(estimatedRisk('Half', 1, -0.5)).toBeCloseTo(0.25, 15);
    expect(estimatedRisk('TwoThirds', 1, -0.5)).toBeCloseTo(0, 15);
    expect(estimatedRisk('Full', 1, -0.5)).toBe(-0.5);
  });
  it("an actor's estimate of itself is exactly its own attitude", () => {
    const risk = Float64Array.of(0.1, 0.7, -0.3);
    const out = new Float64Array(9);
    riskEstimates('Full', risk, 3, out);
    for (let h = 0; h < 3; h++) expect(out[h * 3 + h]).toBe(risk[h]);
    expect(out[0 * 3 + 1]).toBe(0.7);
  });
});
