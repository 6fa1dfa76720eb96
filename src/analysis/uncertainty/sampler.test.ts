import { describe, expect, it } from 'vitest';
import { makeNumericInput } from '../../core/numeric-input.ts';
import { createRng } from '../../core/rng.ts';
import { applyValues, bindInputs } from './input-space.ts';
import type { UncertainInput } from './inputs.ts';
import { Sampler } from './sampler.ts';

const input = makeNumericInput({
  capability: [1, 2],
  position: [10, 60],
  salience: [0.5, 0.8],
  actorIds: ['a', 'b'],
  issueIds: ['x'],
});
const inputs: UncertainInput[] = [
  {
    id: 'a.capability',
    actor: 'a',
    issue: null,
    field: 'capability',
    low: 0.5,
    mode: 1,
    high: 2,
    scale: [0, 4],
  },
  {
    id: 'a.x.position',
    actor: 'a',
    issue: 'x',
    field: 'position',
    low: 0,
    mode: 10,
    high: 30,
    scale: [0, 100],
  },
  {
    id: 'a.x.salience',
    actor: 'a',
    issue: 'x',
    field: 'salience',
    low: 40,
    mode: 50,
    high: 70,
    scale: [0, 100],
  },
  {
    id: 'b.x.position',
    actor: 'b',
    issue: 'x',
    field: 'position',
    low: 50,
    mode: 60,
    high: 90,
    scale: [0, 100],
  },
];

function ranks(xs: Float64Array): Float64Array {
  const order = Array.from(xs.keys()).sort((i, j) => xs[i]! - xs[j]!);
  const r = new Float64Array(xs.length);
  order.forEach((i, rank) => (r[i] = rank));
  return r;
}

function correlation(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]! / n;
    my += y[i]! / n;
  }
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

function drawMany(rho: number, n: number) {
  const space = bindInputs(inputs, input);
  const sampler = new Sampler(space, { distribution: 'triangular', correlation: rho });
  const rng = createRng(11);
  const cols = inputs.map(() => new Float64Array(n));
  const out = new Float64Array(inputs.length);
  for (let r = 0; r < n; r++) {
    sampler.draw(rng, out);
    out.forEach((v, j) => (cols[j]![r] = v));
  }
  return cols;
}

describe('Sampler', () => {
  it('writes a draw into the numeric input in place, saliences scaled to 0–1', () => {
    const space = bindInputs(inputs, input);
    const copy = {
      ...input,
      capability: input.capability.slice(),
      position: input.position.slice(),
      salience: input.salience.slice(),
    };
    applyValues(copy, space, Float64Array.from([1.5, 20, 60, 70]));
    expect(Array.from(copy.capability)).toEqual([1.5, 2]);
    expect(Array.from(copy.position)).toEqual([20, 70]);
    expect(Array.from(copy.salience)).toEqual([0.6, 0.8]);
    expect(Array.from(input.position)).toEqual([10, 60]); // the original is untouched
  });

  it('without correlation, draws are independent (rank correlation within 4/√n of 0)', () => {
    const n = 20_000;
    const cols = drawMany(0, n);
    expect(Math.abs(correlation(ranks(cols[0]!), ranks(cols[1]!)))).toBeLessThan(4 / Math.sqrt(n));
  });

  it('with ρ, one actor’s inputs have Spearman correlation (6/π)·asin(ρ/2); other actors stay independent', () => {
    const n = 20_000;
    const rho = 0.6;
    const cols = drawMany(rho, n);
    const expected = (6 / Math.PI) * Math.asin(rho / 2);
    expect(correlation(ranks(cols[0]!), ranks(cols[1]!))).toBeCloseTo(expected, 1);
    expect(Math.abs(correlation(ranks(cols[1]!), ranks(cols[2]!)) - expected)).toBeLessThan(0.03);
    expect(Math.abs(correlation(ranks(cols[1]!), ranks(cols[3]!)))).toBeLessThan(4 / Math.sqrt(n));
  });

  it('keeps each input’s marginal distribution under correlation (mean of the triangular)', () => {
    const n = 20_000;
    const cols = drawMany(0.9, n);
    const mean = cols[1]!.reduce((s, x) => s + x, 0) / n;
    const sd = Math.sqrt((0 * 0 + 30 * 30 + 10 * 10 - 0 - 0 - 300) / 18);
    // Draws are independent across runs (the correlation is within a draw): the usual SE.
    expect(Math.abs(mean - 40 / 3)).toBeLessThan((4 * sd) / Math.sqrt(n));
  });

  it('consumes a fixed number of uniforms per draw', () => {
    const space = bindInputs(inputs, input);
    expect(new Sampler(space, { distribution: 'pert', correlation: 0 }).uniformsPerDraw).toBe(4);
    expect(new Sampler(space, { distribution: 'pert', correlation: 0.3 }).uniformsPerDraw).toBe(6);
  });
});
