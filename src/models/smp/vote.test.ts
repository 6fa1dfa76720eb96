import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VOTE_CODE, vote } from './vote.ts';

describe('vote(rule, w, Δ) follows KTAB Model::vote', () => {
  it('Prop votes wΔ', () => {
    expect(vote(VOTE_CODE.Prop, 3, 0.25)).toBe(0.75);
    expect(vote(VOTE_CODE.Prop, 3, -0.25)).toBe(-0.75);
  });
  it('Binary votes w·clip(Δ/1e-8, −1, 1): full weight beyond 1e-8, a ramp below', () => {
    expect(vote(VOTE_CODE.Binary, 2, 0.1)).toBe(2);
    expect(vote(VOTE_CODE.Binary, 2, -0.1)).toBe(-2);
    expect(vote(VOTE_CODE.Binary, 2, 5e-9)).toBeCloseTo(1, 12);
    expect(vote(VOTE_CODE.Binary, 2, 0)).toBe(0);
  });
  it('PropBin votes w(0.8Δ + 0.2·bin)', () => {
    expect(vote(VOTE_CODE.PropBin, 2, 0.5)).toBeCloseTo(2 * (0.4 + 0.2), 14);
    expect(vote(VOTE_CODE.PropBin, 2, -0.5)).toBeCloseTo(-2 * (0.4 + 0.2), 14);
  });
  it('PropCbc votes w(0.5Δ + 0.5Δ³)', () => {
    expect(vote(VOTE_CODE.PropCbc, 2, 0.5)).toBeCloseTo(2 * (0.25 + 0.0625), 14);
  });
  it('Cubic votes wΔ³', () => {
    expect(vote(VOTE_CODE.Cubic, 2, -0.5)).toBeCloseTo(-0.25, 14);
  });
  it('ASymProsp votes wΔ on losses and (2/3)wΔ on gains', () => {
    expect(vote(VOTE_CODE.ASymProsp, 3, -0.5)).toBe(-1.5);
    expect(vote(VOTE_CODE.ASymProsp, 3, 0.5)).toBeCloseTo(1, 14);
  });
  it('every rule is odd except ASymProsp, and every vote has the sign of Δ', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (du, w) => {
          for (const [name, code] of Object.entries(VOTE_CODE)) {
            const v = vote(code, w, du);
            expect(Math.sign(v) * Math.sign(du)).not.toBe(-1);
            if (name !== 'ASymProsp') expect(vote(code, w, -du)).toBeCloseTo(-v, 12);
          }
        },
      ),
    );
  });
});
