import { describe, expect, it } from 'vitest';
import { StateRing, hasConverged, limitCyclePeriod, stateDistance } from './stop.ts';

describe('the stopping rule (KTAB SMPModel::stopSMP)', () => {
  it('D(a, b) sums the actors’ Euclidean moves, unweighted', () => {
    const a = Float64Array.of(0, 0, 1, 1);
    const b = Float64Array.of(0.3, 0.4, 1, 0.5);
    expect(stateDistance(a, 0, b, 0, 2, 2)).toBeCloseTo(0.5 + 0.5, 15);
  });
  it('converges after turn t ≥ 2 when D(s_{t−1}, s_t)/(D(s_0, s_1) + 1e-4) < 0.02', () => {
    expect(hasConverged(1, 0, 1)).toBe(false);
    expect(hasConverged(2, 0.0199, 1 - 1e-4)).toBe(true);
    expect(hasConverged(2, 0.02, 1 - 1e-4)).toBe(false);
    // A motionless start: D(s_0, s_1) = 0, and nothing moves afterwards.
    expect(hasConverged(2, 0, 0)).toBe(true);
  });
});

describe('limit-cycle detection at the turn limit', () => {
  /** Pushes states x_t (one actor, one issue) into a ring. */
  const ring = (xs: number[]) => {
    const r = new StateRing(1, 1);
    for (const x of xs) r.push(Float64Array.of(x));
    return r;
  };
  it('finds the smallest period p ≤ 10 with D(s_T, s_{T−p})/(D(s_0, s_1) + 1e-4) < 0.02', () => {
    const xs = Array.from({ length: 30 }, (_, t) => [0.2, 0.5, 0.9][t % 3]!);
    expect(limitCyclePeriod(ring(xs), 0.3)).toBe(3);
  });
  it('tolerates a near-cycle drifting a little each lap', () => {
    const xs = Array.from({ length: 40 }, (_, t) => (t % 2 === 0 ? 0.7 : 0.3) - 0.001 * t);
    expect(limitCyclePeriod(ring(xs), 0.4)).toBe(2);
  });
  it('reports 0 when nothing repeats within 10 turns', () => {
    const xs = Array.from({ length: 40 }, (_, t) => 0.02 * t);
    expect(limitCyclePeriod(ring(xs), 0.02)).toBe(0);
  });
  it('never looks further back than the states it has', () => {
    expect(limitCyclePeriod(ring([0.1, 0.9]), 0.8)).toBe(0);
  });
});
