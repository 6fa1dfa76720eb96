import { describe, expect, it } from 'vitest';
import {
  COMMIT_CODE,
  CONTEST_FLOOR,
  type ContestState,
  anyRule,
  contest,
  perceivedColumn,
  propSemiCommit,
} from './challenge.ts';
import { smpUtility } from './utility.ts';
import { VOTE_CODE } from './vote.ts';

/** Three actors on one issue, risk-neutral: d_ab = |x_a − x_b|. */
function state(commit: number, vote = VOTE_CODE.Prop): ContestState {
  const x = [0.1, 0.5, 0.8];
  const n = 3;
  const distT = new Float64Array(n * n);
  for (let a = 0; a < n; a++)
    for (let b = 0; b < n; b++) distT[b * n + a] = Math.abs(x[a]! - x[b]!);
  return {
    n,
    distT,
    riskHat: new Float64Array(n * n),
    salienceSum: Float64Array.of(0.5, 0.8, 1),
    weight: Float64Array.of(0.5 * 100, 0.8 * 50, 1 * 20),
    vote,
    commit,
  };
}

/** docs/spec/smp.md, turn step 2, written out for actor 0 challenging actor 1 with third party 2. */
function byHand(commit: 'SemiCommit' | 'FullCommit' | 'NoCommit') {
  const u = (a: number, b: number) =>
    smpUtility(Math.abs([0.1, 0.5, 0.8][a]! - [0.1, 0.5, 0.8][b]!), 0);
  const w = [50, 40, 20];
  const vi = w[0]! * (1 - u(0, 1));
  const vj = w[1]! * (u(1, 0) - 1);
  const a0 = CONTEST_FLOOR + Math.max(vi, 0) + Math.max(vj, 0);
  const b0 = CONTEST_FLOOR + Math.max(-vi, 0) + Math.max(-vj, 0);
  const vm = w[2]! * (u(2, 0) - u(2, 1));
  const pi = (a0 + Math.max(vm, 0)) / (a0 + Math.max(vm, 0) + b0 + Math.max(-vm, 0));
  const [umi, umj] = [u(2, 0), u(2, 1)];
  const ei = commit === 'SemiCommit' ? pi * (2 * umi + 1) + (1 - pi) * 3 * umj : 0;
  const ej = commit === 'SemiCommit' ? pi * 3 * umi + (1 - pi) * (2 * umj + 1) : 0;
  const t = w[2]! * (ei - ej);
  const P = (a0 + Math.max(t, 0)) / (a0 + b0 + Math.abs(t));
  const sj = 0.8;
  const gain = (1 - sj) * 2 + sj * (P * 2 + (1 - P) * 2 * u(0, 1)) - (1 + u(0, 1));
  return { P, gain };
}

describe('contests (KTAB SMPState::probEduChlg)', () => {
  it('SemiCommit: principals vote S·c on their utility differences, the third party joins by expected utility against A₀, B₀', () => {
    const st = state(COMMIT_CODE.SemiCommit);
    const col = new Float64Array(3);
    const out = new Float64Array(2);
    perceivedColumn(st, 0, 0, col);
    contest(st, 0, 0, 0, 1, col, out);
    const want = byHand('SemiCommit');
    expect(out[1]).toBeCloseTo(want.P, 14);
    expect(out[0]).toBeCloseTo(want.gain, 14);
  });
  it('FullCommit and NoCommit leave third parties indifferent (E_i = E_j), so P = A₀/(A₀ + B₀)', () => {
    for (const c of ['FullCommit', 'NoCommit'] as const) {
      const st = state(COMMIT_CODE[c]);
      const col = new Float64Array(3);
      const out = new Float64Array(2);
      perceivedColumn(st, 0, 0, col);
      contest(st, 0, 0, 0, 1, col, out);
      expect(out[1]).toBeCloseTo(byHand(c).P, 14);
    }
  });
  it('the general loop (any rule, any commitment) agrees bit for bit with the specialised Prop/SemiCommit loop', () => {
    const st = state(COMMIT_CODE.SemiCommit, VOTE_CODE.Prop);
    const col = new Float64Array(3);
    for (const [i, j] of [
      [0, 1],
      [0, 2],
      [2, 1],
    ] as const) {
      perceivedColumn(st, i, i, col);
      const [a0, b0] = [0.3, 0.2];
      const fast = propSemiCommit(
        st.n,
        st.distT,
        st.riskHat,
        st.weight,
        i * 3,
        j * 3,
        i,
        j,
        col,
        a0,
        b0,
      );
      expect(anyRule(st, i * 3, j * 3, i, j, col, a0, b0)).toBe(fast);
    }
  });
});
