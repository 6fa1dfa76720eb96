import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MIN_COALITION,
  PCE_CODE,
  VICTORY_CODE,
  coalitionStrengths,
  conditionalPce,
  createElectionWorkspace,
  drawOption,
  markovIncentivePce,
  markovUniformPce,
  mostProbable,
  runElection,
  victoryMatrix,
  victoryProbability,
} from './election.ts';
import { VOTE_CODE } from './vote.ts';

/** A random election: nOpt options, nVoters voters, utilities option-major. */
const electionArb = fc
  .record({ nOpt: fc.integer({ min: 2, max: 7 }), nVoters: fc.integer({ min: 1, max: 6 }) })
  .chain(({ nOpt, nVoters }) =>
    fc.record({
      nOpt: fc.constant(nOpt),
      nVoters: fc.constant(nVoters),
      weight: fc.array(fc.double({ min: 0, max: 200, noNaN: true }), {
        minLength: nVoters,
        maxLength: nVoters,
      }),
      util: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
        minLength: nOpt * nVoters,
        maxLength: nOpt * nVoters,
      }),
    }),
  );

function setUp(e: { nOpt: number; nVoters: number; weight: number[]; util: number[] }) {
  const ws = createElectionWorkspace(e.nOpt);
  const rows = Int32Array.from({ length: e.nOpt }, (_, a) => a * e.nVoters);
  return { ws, rows, weight: Float64Array.from(e.weight), util: Float64Array.from(e.util) };
}

describe('victory probability (KTAB Model::vProb)', () => {
  it('Linear: C_ab/(C_ab + C_ba)', () => {
    expect(victoryProbability(VICTORY_CODE.Linear, 3, 1)).toBe(0.75);
  });
  it('Square, Quartic, Octic: f(x) = x², x⁴, x⁸', () => {
    expect(victoryProbability(VICTORY_CODE.Square, 3, 1)).toBeCloseTo(9 / 10, 15);
    expect(victoryProbability(VICTORY_CODE.Quartic, 3, 1)).toBeCloseTo(81 / 82, 15);
    expect(victoryProbability(VICTORY_CODE.Octic, 3, 1)).toBeCloseTo(6561 / 6562, 15);
  });
  it('powers cannot overflow on huge coalitions', () => {
    expect(victoryProbability(VICTORY_CODE.Octic, 1e200, 2e200)).toBeCloseTo(1 / 257, 15);
  });
  it('Binary: near-certain (1 vs 1e-6) when one side is ≥ 1.1× the other, a ramp (2.1r − 1)/0.1 between', () => {
    expect(victoryProbability(VICTORY_CODE.Binary, 1.1, 1)).toBeCloseTo(1 / (1 + 1e-6), 15);
    expect(victoryProbability(VICTORY_CODE.Binary, 1, 1.1)).toBeCloseTo(1e-6 / (1 + 1e-6), 15);
    expect(victoryProbability(VICTORY_CODE.Binary, 1, 1)).toBeCloseTo(0.5, 12);
    const r = 1.05 / 2.05;
    expect(victoryProbability(VICTORY_CODE.Binary, 1.05, 1)).toBeCloseTo((2.1 * r - 1) / 0.1, 12);
  });
  it('P(a>b) + P(b>a) = 1 and P(a>a) = ½ for every model', () => {
    fc.assert(
      fc.property(electionArb, fc.constantFrom(...Object.values(VICTORY_CODE)), (e, vpm) => {
        const { ws, rows, weight, util } = setUp(e);
        coalitionStrengths(ws, e.nOpt, e.nVoters, weight, util, rows, VOTE_CODE.Prop);
        victoryMatrix(ws, e.nOpt, vpm);
        for (let a = 0; a < e.nOpt; a++) {
          expect(ws.victory[a * e.nOpt + a]).toBe(0.5);
          for (let b = 0; b < e.nOpt; b++) {
            expect(ws.victory[a * e.nOpt + b]! + ws.victory[b * e.nOpt + a]!).toBeCloseTo(1, 12);
          }
        }
      }),
    );
  });
});

describe('coalition strengths (KTAB Model::coalitions)', () => {
  it('C(a,b) = 1e-8 + Σ_k max(0, v_k(a:b)) and C(b,a) = 1e-8 + Σ_k max(0, −v_k(a:b))', () => {
    // Two voters (weights 2, 3), two options: voter 0 prefers option 1 by 0.5, voter 1 option 0 by 0.25.
    const ws = createElectionWorkspace(2);
    const util = Float64Array.of(0.2, 0.75, /* option 1 */ 0.7, 0.5);
    coalitionStrengths(ws, 2, 2, Float64Array.of(2, 3), util, Int32Array.of(0, 2), VOTE_CODE.Prop);
    expect(ws.strength[1 * 2 + 0]).toBeCloseTo(MIN_COALITION + 2 * 0.5, 15);
    expect(ws.strength[0 * 2 + 1]).toBeCloseTo(MIN_COALITION + 3 * 0.25, 15);
    expect(ws.strength[0]).toBe(MIN_COALITION);
  });
  it('with no voters (or zero weights) every pair is a coin toss', () => {
    const { ws, rows, util } = setUp({
      nOpt: 3,
      nVoters: 2,
      weight: [0, 0],
      util: [0, 1, 0.5, 0.2, 1, 0],
    });
    const p = new Float64Array(3);
    runElection(
      ws,
      3,
      2,
      Float64Array.of(0, 0),
      util,
      rows,
      { vote: 0, victory: 0, pce: 0, markovSteps: 1000 },
      p,
    );
    for (const v of p) expect(v).toBeCloseTo(1 / 3, 12);
  });
});

describe('probabilistic Condorcet elections (KTAB condPCE, markovUniformPCE, markovIncentivePCE)', () => {
  it('Conditional: P_a ∝ Π_b P(a>b)', () => {
    const ws = createElectionWorkspace(3);
    ws.victory.set([0.5, 0.7, 0.6, 0.3, 0.5, 0.8, 0.4, 0.2, 0.5]);
    const p = new Float64Array(3);
    conditionalPce(ws, 3, p);
    const raw = [0.5 * 0.7 * 0.6, 0.3 * 0.5 * 0.8, 0.4 * 0.2 * 0.5];
    const total = raw.reduce((s, v) => s + v, 0);
    raw.forEach((v, a) => expect(p[a]).toBeCloseTo(v / total, 15));
  });
  it('Conditional survives products that underflow (computed in logs)', () => {
    const n = 400;
    const ws = createElectionWorkspace(n);
    for (let a = 0; a < n; a++)
      for (let b = 0; b < n; b++) ws.victory[a * n + b] = a === b ? 0.5 : a < b ? 0.1 : 0.9;
    const p = new Float64Array(n);
    conditionalPce(ws, n, p);
    expect(p.every((v) => Number.isFinite(v))).toBe(true);
    expect(p.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    expect(mostProbable(p, n)).toBe(n - 1);
  });
  it.each(Object.entries(PCE_CODE))('%s gives probabilities in [0, 1] that sum to 1', (_, pce) => {
    fc.assert(
      fc.property(electionArb, fc.constantFrom(...Object.values(VICTORY_CODE)), (e, victory) => {
        const { ws, rows, weight, util } = setUp(e);
        const p = new Float64Array(e.nOpt);
        runElection(
          ws,
          e.nOpt,
          e.nVoters,
          weight,
          util,
          rows,
          { vote: VOTE_CODE.Prop, victory, pce, markovSteps: 100000 },
          p,
        );
        expect(p.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 9);
        for (const v of p) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
      { numRuns: 60 },
    );
  });
  it('MarkovUniform converges to its fixed point q_a = (1/N) Σ_b P(a>b)(p_a + p_b) = p_a', () => {
    fc.assert(
      fc.property(electionArb, (e) => {
        const { ws, rows, weight, util } = setUp(e);
        coalitionStrengths(ws, e.nOpt, e.nVoters, weight, util, rows, VOTE_CODE.Prop);
        victoryMatrix(ws, e.nOpt, VICTORY_CODE.Linear);
        const p = new Float64Array(e.nOpt);
        expect(markovUniformPce(ws, e.nOpt, p, 100000)).toBeGreaterThan(0);
        for (let a = 0; a < e.nOpt; a++) {
          let q = 0;
          for (let b = 0; b < e.nOpt; b++) q += ws.victory[a * e.nOpt + b]! * (p[a]! + p[b]!);
          expect(q / e.nOpt).toBeCloseTo(p[a]!, 5);
        }
      }),
      { numRuns: 40 },
    );
  });
  it('MarkovIncentive converges to its fixed point q_a = Σ_b P(a>b)[p_a Q(b|a) + p_b Q(a|b)] = p_a', () => {
    fc.assert(
      fc.property(electionArb, (e) => {
        const { ws, rows, weight, util } = setUp(e);
        coalitionStrengths(ws, e.nOpt, e.nVoters, weight, util, rows, VOTE_CODE.Prop);
        victoryMatrix(ws, e.nOpt, VICTORY_CODE.Linear);
        const p = new Float64Array(e.nOpt);
        expect(markovIncentivePce(ws, e.nOpt, p, 100000)).toBeGreaterThan(0);
        const N = e.nOpt;
        for (let b = 0; b < N; b++) {
          let col = 0;
          for (let a = 0; a < N; a++) col += ws.incentive[a * N + b]!;
          expect(col).toBeCloseTo(1, 12);
        }
        for (let a = 0; a < N; a++) {
          let q = 0;
          for (let b = 0; b < N; b++) {
            q +=
              ws.victory[a * N + b]! *
              (p[a]! * ws.incentive[b * N + a]! + p[b]! * ws.incentive[a * N + b]!);
          }
          expect(q).toBeCloseTo(p[a]!, 6);
        }
      }),
      { numRuns: 40 },
    );
  });
  it('a Markov PCE that runs out of steps says so (returns −1)', () => {
    const { ws, rows, weight, util } = setUp({
      nOpt: 3,
      nVoters: 2,
      weight: [1, 2],
      util: [0, 1, 0.5, 0.2, 1, 0],
    });
    coalitionStrengths(ws, 3, 2, weight, util, rows, VOTE_CODE.Prop);
    victoryMatrix(ws, 3, VICTORY_CODE.Linear);
    expect(markovUniformPce(ws, 3, new Float64Array(3), 1)).toBe(-1);
  });
  it('one option wins with certainty', () => {
    const { ws, rows, weight, util } = setUp({ nOpt: 1, nVoters: 1, weight: [1], util: [0.3] });
    const p = new Float64Array(1);
    expect(
      runElection(
        ws,
        1,
        1,
        weight,
        util,
        rows,
        { vote: 0, victory: 0, pce: 1, markovSteps: 10 },
        p,
      ),
    ).toBe(true);
    expect(p[0]).toBe(1);
  });
});

describe('picking from an election', () => {
  it('mostProbable takes the first option on ties (KTAB ndxMaxProb)', () => {
    expect(mostProbable(Float64Array.of(0.2, 0.4, 0.4), 3)).toBe(1);
  });
  it('drawOption inverts the cumulative distribution', () => {
    const p = Float64Array.of(0.2, 0.5, 0.3);
    expect(drawOption(p, 3, 0)).toBe(0);
    expect(drawOption(p, 3, 0.19)).toBe(0);
    expect(drawOption(p, 3, 0.2)).toBe(1);
    expect(drawOption(p, 3, 0.69)).toBe(1);
    expect(drawOption(p, 3, 0.71)).toBe(2);
    expect(drawOption(p, 3, 0.9999999)).toBe(2);
  });
});
