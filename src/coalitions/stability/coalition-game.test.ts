import { describe, expect, it } from 'vitest';
import { makeNumericInput } from '../../core/numeric-input.ts';
import type { CoalitionInput } from '../coalition-input.ts';
import { coalitionGame } from './coalition-game.ts';

/** Actors: 0 lead (x 100), 1 rival (x 0), 2 candidate (x 60), 3 the candidate's public (x 20). */
function setup(coef: [number, number, number] = [0, 0, 0]) {
  const input = makeNumericInput({
    capability: [3, 4, 1, 0.5],
    position: [100, 0, 60, 20],
    salience: [0.5, 0.5, 0.8, 0.5],
    reference: [30],
  });
  const c: CoalitionInput = {
    issue: 0,
    lead: 0,
    rival: 1,
    candidates: Int32Array.from([2]),
    publicOf: Int32Array.from([-1, -1, 3, -1]),
    tradeWithRival: Float64Array.from([0, 0, 0.25, 0]),
    tradeWithLead: new Float64Array(4),
    distance: new Float64Array(4).fill(1),
    tie: new Float64Array(16),
    coefficients: Float64Array.from(coef),
  };
  return { input, c };
}

describe('coalitionGame(input, coalition): payoffs of blocs against the rival', () => {
  it('gives each member s_i [EU_i(C) − EU_i({i})] without costs (docs/coalitions.md)', () => {
    const { input, c } = setup();
    const g = coalitionGame(input, c);
    // bloc {lead, candidate}: E = 4, P = 4/8 = 0.5; x_C = (3·0.5·100 + 1·0.8·60)/(1.5 + 0.8) = 198/2.3
    const xc = 198 / 2.3;
    const eu2 = 0.5 * (1 - Math.abs(60 - xc) / 100) + 0.5 * (1 - 0.6);
    const p2 = 1 / 5;
    const base2 = p2 + (1 - p2) * 0.4;
    expect(g.payoff(1, 0b11)).toBeCloseTo(0.8 * (eu2 - base2), 12);
    const eu0 = 0.5 * (1 - Math.abs(100 - xc) / 100) + 0.5 * 0;
    const p0 = 3 / 7;
    expect(g.payoff(0, 0b11)).toBeCloseTo(0.5 * (eu0 - p0), 12);
    expect(g.payoff(0, 0b01)).toBe(0);
    expect(g.value(0b11)).toBeCloseTo(g.payoff(0, 0b11) + g.payoff(1, 0b11), 12);
  });

  it('subtracts θ_trade·τ_i and θ_pub·s_p(|x_p − x_C| − |x_p − q|)/R from a candidate’s payoff', () => {
    const base = coalitionGame(setup().input, setup().c).payoff(1, 0b11);
    const { input, c } = setup([0.2, 0.5, 0]);
    const xc = 198 / 2.3;
    const publicLoss = (0.5 * (Math.abs(20 - xc) - Math.abs(20 - 30))) / 100;
    expect(coalitionGame(input, c).payoff(1, 0b11)).toBeCloseTo(
      base - 0.2 * 0.25 - 0.5 * publicLoss,
      12,
    );
  });
});
