import { describe, expect, it } from 'vitest';
import { Scenario } from '../../core/scenario.ts';
import { InlineExecutor } from '../../executors/inline.ts';
import { getModel } from '../../models/registry.ts';
import { prepareSobol, runSobol, summarizeSobol } from './sobol.ts';
import { runTornado } from './tornado.ts';

const mean = [{ model: getModel('mean'), options: {} }];

function scenario(a: object, b: object): Scenario {
  return Scenario.parse({
    id: 'two',
    title: 'Two actors',
    question: 'Where?',
    asOf: '2025-01-01',
    issues: [
      { id: 'x', name: 'X', scale: { min: 0, max: 100 }, threshold: { value: 55, label: 'high' } },
    ],
    actors: [
      { id: 'a', name: 'A', kind: 'state', ...a },
      { id: 'b', name: 'B', kind: 'state', ...b },
    ],
  });
}

describe('tornado', () => {
  it('gives each input’s outcome at its low and high, longest bar first (weighted mean, by hand)', () => {
    const s = scenario(
      {
        capability: { value: 1, low: 0.5, high: 2 },
        stances: { x: { position: { value: 0, low: 0, high: 20 }, salience: 50 } },
      },
      { capability: 1, stances: { x: { position: 100, salience: 50 } } },
    );
    const r = runTornado(s, mean, { seed: 1 });
    const t = r.issues[0]!.models.mean!;
    expect(t.base).toBe(50);
    expect(r.runs).toBe(5);
    // Capability of A: 100/(c + 1) at c = 0.5 and 2.
    expect(t.bars[0]).toMatchObject({
      input: 'a.capability',
      low: 0.5,
      high: 2,
      crossesThreshold: true,
    });
    expect(t.bars[0]!.atLow).toBeCloseTo(200 / 3, 10);
    expect(t.bars[0]!.atHigh).toBeCloseTo(100 / 3, 10);
    // Position of A: (x + 100)/2 at 0 and 20.
    expect(t.bars[1]).toMatchObject({
      input: 'a.x.position',
      atLow: 50,
      atHigh: 60,
      swing: 10,
      crossesThreshold: true,
    });
  });
});

describe('Sobol indices on a scenario', () => {
  it('equal weights, positions uniform on 0–100 and 40–60: S = ST = Var share, 10000/10400 and 400/10400', async () => {
    const s = scenario(
      {
        capability: 1,
        stances: { x: { position: { value: 50, low: 0, high: 100 }, salience: 50 } },
      },
      {
        capability: 1,
        stances: { x: { position: { value: 50, low: 40, high: 60 }, salience: 50 } },
      },
    );
    const prepared = prepareSobol(s, mean, { samples: 4000, seed: 3, distribution: 'uniform' });
    const r = summarizeSobol(s, prepared, await runSobol(new InlineExecutor(), prepared));
    expect(r.runs).toBe(4000 * 4);
    expect(r.partial).toBe(false);
    const t = r.issues[0]!.models.mean!.outcome;
    const [a, b] = t.indices;
    expect(a!.input).toBe('a.x.position');
    expect(a!.first!).toBeCloseTo(10000 / 10400, 1);
    expect(a!.total!).toBeCloseTo(10000 / 10400, 1);
    expect(Math.abs(b!.first! - 400 / 10400)).toBeLessThan(0.03);
    expect(Math.abs(b!.total! - 400 / 10400)).toBeLessThan(0.01);
    // Var(outcome) = (100² + 20²)/12/4.
    expect(t.variance).toBeCloseTo(10400 / 48, -1);
    // P(outcome ≥ 55) has its own indices; the probability itself is the table's mean.
    const p = r.issues[0]!.models.mean!.atOrAbove!;
    expect(p.mean!).toBeGreaterThan(0.2);
    expect(p.indices[0]!.input).toBe('a.x.position');
  });

  it('is bit-identical whatever the chunk delivery (chunks merged in order)', async () => {
    const s = scenario(
      {
        capability: { value: 1, low: 0.5, high: 3 },
        stances: { x: { position: { value: 20, low: 0, high: 50 }, salience: 50 } },
      },
      {
        capability: 1,
        stances: {
          x: {
            position: { value: 70, low: 60, high: 90 },
            salience: { value: 50, low: 20, high: 80 },
          },
        },
      },
    );
    const prepared = prepareSobol(s, mean, { samples: 300, seed: 3, chunkSize: 40 });
    const a = summarizeSobol(s, prepared, await runSobol(new InlineExecutor(), prepared));
    const b = summarizeSobol(s, prepared, await runSobol(new InlineExecutor(), prepared));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});
