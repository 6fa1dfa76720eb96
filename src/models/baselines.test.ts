import { describe, expect, it } from 'vitest';
import { ModelError } from '../core/errors.ts';
import { makeNumericInput } from '../core/numeric-input.ts';
import { createRng } from '../core/rng.ts';
import { compromise } from './compromise.ts';
import { median } from './median.ts';
import { NASH_DEFAULTS, nash } from './nash.ts';

const ctx = { rng: createRng(1), trace: false };

// Bueno de Mesquita (1994) EC car-emissions inputs (Scholz, Calbert & Smith 2011, Table 1).
const EC = makeNumericInput({
  capability: [0.08, 0.08, 0.03, 0.16, 0.16, 0.16, 0.16, 0.05, 0.05, 0.08],
  position: [4, 7, 4, 4, 10, 10, 10, 7, 4, 7],
  salience: [0.8, 0.4, 0.2, 0.8, 0.6, 0.6, 0.9, 0.1, 1, 0.7],
  scaleMin: [0],
  scaleMax: [10],
});

describe('weighted mean (compromise model)', () => {
  it('is Σ c·s·x / Σ c·s', () => {
    const input = makeNumericInput({
      capability: [1, 2, 3],
      position: [0, 50, 100],
      salience: [1, 0.5, 0.25],
    });
    // weights 1, 1, 0.75 → (0 + 50 + 75) / 2.75
    expect(compromise.run(input, {}, ctx).forecast[0]).toBeCloseTo(125 / 2.75, 12);
  });

  it('gives 5.003 / 0.677 ≈ 7.39 on the EC car-emissions inputs (by hand: Σ c·s = 0.677, Σ c·s·x = 5.003)', () => {
    expect(compromise.run(EC, {}, ctx).forecast[0]).toBeCloseTo(5.003 / 0.677, 12);
  });

  it('throws a model error naming the issue when every weight is zero', () => {
    const input = makeNumericInput({
      capability: [0, 0],
      position: [10, 20],
      salience: [1, 1],
      issueIds: ['tax'],
    });
    expect(() => compromise.run(input, {}, ctx)).toThrow(ModelError);
    expect(() => compromise.run(input, {}, ctx)).toThrow(/issue "tax"/);
  });

  it('runs each issue of a multi-issue input separately', () => {
    const input = makeNumericInput({
      d: 2,
      capability: [1, 1],
      position: [0, 100, 100, 0],
      salience: [1, 1, 1, 0.25],
    });
    const f = compromise.run(input, {}, ctx).forecast;
    expect(f[0]).toBeCloseTo(50, 12);
    expect(f[1]).toBeCloseTo(80, 12);
  });
});

describe('weighted median', () => {
  it('is the position where the c·s weight below reaches half', () => {
    const input = makeNumericInput({
      capability: [1, 1, 3],
      position: [10, 20, 90],
      salience: [1, 1, 1],
    });
    expect(median.run(input, {}, ctx).forecast[0]).toBe(90);
  });

  it('takes the lowest minimiser on an exact tie', () => {
    const input = makeNumericInput({ capability: [1, 1], position: [30, 70], salience: [1, 1] });
    expect(median.run(input, {}, ctx).forecast[0]).toBe(30);
  });

  it('is 7 on the EC car-emissions inputs (the c·s weight at or below 7 first exceeds half)', () => {
    expect(median.run(EC, {}, ctx).forecast[0]).toBe(7);
  });

  it('minimises Σ c·s·|x_i − x| over the actor positions (brute force)', () => {
    const rng = createRng(9);
    for (let t = 0; t < 50; t++) {
      const n = 2 + Math.floor(rng.next() * 9);
      const capability = Array.from({ length: n }, () => rng.next());
      const salience = Array.from({ length: n }, () => rng.next());
      const position = Array.from({ length: n }, () => Math.round(rng.next() * 100));
      const f = median.run(makeNumericInput({ capability, position, salience }), {}, ctx)
        .forecast[0]!;
      const loss = (x: number) =>
        position.reduce((acc, p, i) => acc + capability[i]! * salience[i]! * Math.abs(p - x), 0);
      const best = Math.min(...position.map(loss));
      expect(loss(f)).toBeCloseTo(best, 9);
      // and no lower position attains it
      for (const p of position)
        if (p < f) expect(loss(p)).toBeGreaterThan(best + 1e-9 * (1 + best));
    }
  });
});

describe('asymmetric Nash bargaining', () => {
  const gridArgmax = (f: (x: number) => number, lo: number, hi: number) => {
    let best = lo;
    let bestV = -Infinity;
    for (let i = 0; i <= 200000; i++) {
      const x = lo + ((hi - lo) * i) / 200000;
      const v = f(x);
      if (v > bestV) {
        bestV = v;
        best = x;
      }
    }
    return best;
  };

  it('maximises Σ c_i log(u_i(x) − u_i(q)) with the reference point as disagreement (grid check)', () => {
    const capability = [1, 2, 0.5];
    const position = [20, 60, 90];
    const q = 95;
    const input = makeNumericInput({
      capability,
      position,
      salience: [0.5, 1, 0.8],
      reference: [q],
    });
    const f = nash.run(input, NASH_DEFAULTS, ctx).forecast[0]!;
    const product = (x: number) =>
      position.reduce(
        (acc, p, i) => acc + capability[i]! * Math.log((q - p) ** 2 - (x - p) ** 2),
        0,
      );
    expect(f).toBeCloseTo(
      gridArgmax((x) => (Number.isNaN(product(x)) ? -Infinity : product(x)), 0, 100),
      2,
    );
  });

  it('splits the difference between two equal actors when there is no reference point', () => {
    const input = makeNumericInput({ capability: [1, 1], position: [20, 80], salience: [1, 1] });
    expect(nash.run(input, NASH_DEFAULTS, ctx).forecast[0]).toBeCloseTo(50, 9);
  });

  it('leans toward the stronger actor', () => {
    const input = makeNumericInput({ capability: [1, 3], position: [20, 80], salience: [1, 1] });
    expect(nash.run(input, NASH_DEFAULTS, ctx).forecast[0]).toBeGreaterThan(55);
  });

  it('falls back to the weighted mean, with a warning, when no outcome gives everyone a gain', () => {
    // Actors on both sides of the status quo: any move hurts one of them.
    const input = makeNumericInput({
      capability: [1, 1],
      position: [0, 100],
      salience: [1, 1],
      reference: [50],
    });
    const r = nash.run(input, NASH_DEFAULTS, ctx);
    expect(r.forecast[0]).toBeCloseTo(50, 12);
    expect(r.warnings.join(' ')).toMatch(/fell back to the weighted mean/);
  });

  it('weights by capability only by default, by capability × salience on request', () => {
    const input = makeNumericInput({ capability: [1, 1], position: [20, 80], salience: [1, 0.2] });
    expect(nash.run(input, NASH_DEFAULTS, ctx).forecast[0]).toBeCloseTo(50, 9);
    const cs = nash.run(input, { ...NASH_DEFAULTS, weight: 'capability-salience' }, ctx)
      .forecast[0]!;
    expect(cs).toBeLessThan(45);
  });
});
