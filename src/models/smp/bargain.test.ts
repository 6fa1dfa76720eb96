import { describe, expect, it } from 'vitest';
import { INTERP_CODE, interpolate, round4 } from './bargain.ts';

describe('bargain interpolation (KTAB SMPActor::interpolateBrgn)', () => {
  const x = Float64Array.of(0.2, 0.9, /* j */ 0.6, 0.1);
  const s = Float64Array.of(0.5, 0.3, /* j */ 0.2, 0.6);
  it('S2P2: a = s_ik²P², b = s_jk²(1−P)², sides ((a+1e-6)x_i + b x_j)/(a+b+1e-6) and (a x_i + (b+1e-6)x_j)/(a+b+1e-6), rounded to 4 decimals', () => {
    const out = new Float64Array(4);
    const P = 0.7;
    interpolate(INTERP_CODE.S2P2, x, s, 0, 1, 2, P, 1 - P, out, 0, 2);
    for (let k = 0; k < 2; k++) {
      const a = s[k]! ** 2 * P ** 2;
      const b = s[2 + k]! ** 2 * (1 - P) ** 2;
      expect(out[k]).toBe(round4(((a + 1e-6) * x[k]! + b * x[2 + k]!) / (a + b + 1e-6)));
      expect(out[2 + k]).toBe(round4((a * x[k]! + (b + 1e-6) * x[2 + k]!) / (a + b + 1e-6)));
    }
  });
  it('S1P1 uses powers 1', () => {
    const out = new Float64Array(4);
    interpolate(INTERP_CODE.S1P1, x, s, 0, 1, 2, 0.7, 0.3, out, 0, 2);
    const a = 0.5 * 0.7;
    const b = 0.2 * 0.3;
    expect(out[0]).toBe(round4(((a + 1e-6) * 0.2 + b * 0.6) / (a + b + 1e-6)));
  });
  it('S2PMax moves only the likely loser, toward the winner, by (P_win − P_lose) × the winner’s share of s²', () => {
    const out = new Float64Array(4);
    interpolate(INTERP_CODE.S2PMax, x, s, 0, 1, 2, 0.7, 0.3, out, 0, 2);
    expect(out[0]).toBe(0.2);
    expect(out[1]).toBe(0.9);
    expect(out[2]).toBeCloseTo(0.6 + 0.4 * (0.25 / (0.25 + 0.04)) * (0.2 - 0.6), 15);
    expect(out[3]).toBeCloseTo(0.1 + 0.4 * (0.09 / (0.09 + 0.36)) * (0.9 - 0.1), 15);
  });
  it('with zero saliences both parties keep their positions (the 1e-6 weights)', () => {
    const out = new Float64Array(2);
    interpolate(
      INTERP_CODE.S2P2,
      Float64Array.of(0.2, 0.6),
      Float64Array.of(0, 0),
      0,
      1,
      1,
      0.5,
      0.5,
      out,
      0,
      1,
    );
    expect(Array.from(out)).toEqual([0.2, 0.6]);
  });
  it('round4(x) = floor(x·1e4 + 0.5)/1e4', () => {
    expect(round4(0.12345)).toBe(0.1235);
    expect(round4(0.12344)).toBe(0.1234);
    expect(round4(0)).toBe(0);
  });
});
