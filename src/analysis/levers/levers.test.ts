import { describe, expect, it } from 'vitest';
import { Scenario } from '../../core/scenario.ts';
import { InlineExecutor } from '../../executors/inline.ts';
import { getModel } from '../../models/registry.ts';
import { runLevers } from './levers.ts';
import { parseTarget } from './target.ts';

/**
 * Two actors of equal weight on a 0–100 issue, A at 0 and B at 100: the weighted mean is 50.
 * By hand, for mean ≥ 75 (= (c_A·x_A + 100)/(c_A + 1) with saliences equal):
 * - A's capability down to 1/3 (range 0..2: a change of 2/3, size 1/3);
 * - A's position up to 50 (size 0.5);
 * - A's salience down to 33.3 (100/(s + 1) with s in units of B's salience: size 0.667).
 * B is at the top of every range that would help, so B has no lever.
 */
const scenario = Scenario.parse({
  id: 'by-hand',
  title: 'By hand',
  question: 'Where?',
  asOf: '2025-01-01',
  issues: [
    { id: 'x', name: 'X', scale: { min: 0, max: 100 }, threshold: { value: 75, label: 'high' } },
  ],
  actors: [
    {
      id: 'a',
      name: 'A',
      kind: 'state',
      capability: 1,
      stances: { x: { position: 0, salience: 100 } },
    },
    {
      id: 'b',
      name: 'B',
      kind: 'state',
      capability: 1,
      stances: { x: { position: 100, salience: 100 } },
    },
  ],
});
const mean = { model: getModel('mean'), options: {} };

describe('levers', () => {
  it('finds the single levers known by hand, smallest first, each verified', async () => {
    const r = await runLevers(
      new InlineExecutor(),
      scenario,
      mean,
      parseTarget('x>=75', scenario),
      { seed: 1 },
    );
    expect(r.goal).toBe('reach');
    expect(r.base).toBe(50);
    expect(r.noSingleLever).toBe(false);
    expect(r.singles.map((l) => l.input)).toEqual(['a.capability', 'a.x.position', 'a.x.salience']);
    const [cap, pos, sal] = r.singles;
    const tol = 1e-4 * 100 + 1e-9; // bisection tolerance: 1e-4 of the range
    expect(cap!.to).toBeLessThanOrEqual(1 / 3);
    expect(1 / 3 - cap!.to).toBeLessThan(2e-4 + 1e-12);
    expect(cap!.size).toBeCloseTo(1 / 3, 3);
    expect(pos!.to).toBeGreaterThanOrEqual(50);
    expect(pos!.to - 50).toBeLessThan(tol);
    expect(pos!.change).toBeCloseTo(50, 1);
    expect(sal!.to).toBeLessThanOrEqual(100 / 3);
    expect(100 / 3 - sal!.to).toBeLessThan(tol);
    for (const l of r.singles) expect(l.reached).toBeGreaterThanOrEqual(75);
  });

  it('finds a pair that beats both inputs alone (target 90: capability and position together)', async () => {
    // Alone: capability ≤ 1/9 (size 0.444), position ≥ 80 (0.8). Together, both moving by t of
    // their range: (1 − 2t)(100t − 90) + 10 ≥ 0, so t = 0.4 (capability 0.2, position 40).
    const r = await runLevers(
      new InlineExecutor(),
      scenario,
      mean,
      parseTarget('x>=90', scenario),
      { seed: 1 },
    );
    expect(r.singles[0]!.input).toBe('a.capability');
    expect(r.singles[0]!.size).toBeCloseTo(4 / 9, 3);
    const pair = r.pairs.find(
      (p) => p.changes.map((c) => c.input).join() === 'a.capability,a.x.position',
    );
    expect(pair).toBeDefined();
    expect(pair!.size).toBeCloseTo(0.4, 3);
    expect(pair!.changes[0].to).toBeCloseTo(0.2, 3);
    expect(pair!.changes[1].to).toBeCloseTo(40, 1);
    expect(pair!.reached).toBeGreaterThanOrEqual(90);
  });

  it('says plainly when no single input within its range suffices, with the closest', async () => {
    const ranged = Scenario.parse({
      ...scenario,
      actors: [
        {
          ...scenario.actors[0]!,
          capability: { value: 1, low: 0.8, high: 1.2 },
          stances: { x: { position: { value: 0, low: 0, high: 10 }, salience: 100 } },
        },
        scenario.actors[1]!,
      ],
    });
    const r = await runLevers(new InlineExecutor(), ranged, mean, parseTarget('x>=75', ranged), {
      seed: 1,
      within: 'range',
    });
    expect(r.inputsSearched).toBe(2);
    expect(r.noSingleLever).toBe(true);
    expect(r.singles).toEqual([]);
    // Best alone: capability 0.8 gives 100/1.8 = 55.6; position 10 gives 55.
    expect(r.closest.map((c) => c.input)).toEqual(['a.capability', 'a.x.position']);
    expect(r.closest[0]!.to).toBeCloseTo(0.8, 10);
    expect(r.closest[0]!.reached).toBeCloseTo(100 / 1.8, 10);
    expect(r.pairs).toEqual([]); // together: (0.8·10 + 100)/1.8 = 60 < 75
  });

  it('turns to what would undo a target that already holds', async () => {
    const r = await runLevers(
      new InlineExecutor(),
      scenario,
      mean,
      parseTarget('x>=40', scenario),
      { seed: 1, pairCandidates: 0 },
    );
    expect(r.goal).toBe('undo');
    expect(r.searchedFor.op).toBe('<');
    // B's capability down to below 2/3: 100c/(1 + c) < 40.
    const b = r.singles.find((l) => l.input === 'b.capability')!;
    expect(b.to).toBeLessThan(2 / 3);
    expect(b.reached).toBeLessThan(40);
  });

  it('targets an actor’s final position', async () => {
    const r = await runLevers(
      new InlineExecutor(),
      scenario,
      mean,
      parseTarget('actor:a:x>=30', scenario),
      { seed: 1, pairCandidates: 0 },
    );
    // The mean model does not move actors: only A's own position reaches it.
    expect(r.singles.map((l) => l.input)).toEqual(['a.x.position']);
    expect(r.singles[0]!.to).toBeCloseTo(30, 1);
  });
});
