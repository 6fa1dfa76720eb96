import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../core/scenario.ts';
import { InlineExecutor } from '../../executors/inline.ts';
import { parseScenarioText } from '../../formats/scenario-file.ts';
import { getModel } from '../../models/registry.ts';
import { runCommitmentLevers } from './commitment.ts';
import { runLevers } from './levers.ts';
import { parseTarget } from './target.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures');
const load = (name: string) => parseScenarioText(readFileSync(join(FIXTURES, name), 'utf8'), name);
const unmarked = (s: Scenario): Scenario => ({ ...s, levers: [] });
const mean = { model: getModel('mean'), options: {} };

describe('levers on a scenario that marks actionable inputs (levers-actionable.yaml)', () => {
  const s = load('levers-actionable.yaml');
  const run = (scenario: Scenario, target: string, within?: 'scale' | 'range') =>
    runLevers(new InlineExecutor(), scenario, mean, parseTarget(target, scenario), {
      seed: 1,
      ...(within ? { within } : {}),
    });

  it('unmarked, the smallest lever is the adversary’s own input, and a note says nothing was marked', async () => {
    const r = await run(unmarked(s), 'x>=54');
    expect(r.actionable).toBe(false);
    expect(r.within).toBe('scale');
    expect(r.notes.join(' ')).toMatch(/marks no input actionable/);
    expect(r.singles[0]!.actor).toBe('a');
    expect(r.singles[0]!.by).toEqual(['a']);
    expect(r.singles[0]!.actions).toEqual([]);
  });

  it('marked, proposes only the marked input, within its evidence range, naming who acts and how', async () => {
    const r = await run(s, 'x>=54');
    expect(r.actionable).toBe(true);
    expect(r.within).toBe('range');
    expect(r.inputsSearched).toBe(1);
    expect(r.singles).toHaveLength(1);
    const l = r.singles[0]!;
    expect(l).toMatchObject({
      input: 'c.x.salience',
      path: 'actors.c.stances.x.salience',
      by: ['b'],
      actions: [{ by: ['b'], how: 'B makes the issue a test of the alliance' }],
      withinRange: true,
      range: [30, 70],
    });
    // By hand: (5000 + 60 s) / (100 + s) >= 54 gives s >= 66.67, 16.67 of the 40-point range.
    expect(l.to).toBeGreaterThanOrEqual(200 / 3);
    expect(l.to - 200 / 3).toBeLessThan(0.01);
    expect(l.shareOfRange!).toBeCloseTo(50 / 3 / 40, 3);
    expect(l.reached).toBeGreaterThanOrEqual(54);
  });

  it('keeps to the evidence range unless searching beyond it (54.5 needs a salience of 81.8)', async () => {
    const inside = await run(s, 'x>=54.5');
    expect(inside.singles).toEqual([]);
    expect(inside.noSingleLever).toBe(true);
    expect(inside.closest[0]).toMatchObject({ input: 'c.x.salience', to: 70 });
    const beyond = await run(s, 'x>=54.5', 'scale');
    const l = beyond.singles[0]!;
    expect(l.input).toBe('c.x.salience');
    expect(l.to).toBeGreaterThanOrEqual(900 / 11);
    expect(l.to - 900 / 11).toBeLessThan(0.02);
    expect(l.withinRange).toBe(false);
    expect(l.by).toEqual(['b']);
    expect(beyond.singles.every((x) => x.input === 'c.x.salience')).toBe(true);
  });

  it('notes the marked inputs that have no range and were not searched', async () => {
    const withCapability: Scenario = {
      ...s,
      levers: [...s.levers!, { path: 'actors.b.capability', how: 'B rearms' }],
    };
    const r = await run(withCapability, 'x>=54');
    expect(r.notes.join(' ')).toMatch(/1 input\(s\) have no evidence range.*b\.capability/);
    const beyond = await run(withCapability, 'x>=54', 'scale');
    expect(beyond.singles.map((l) => l.input).sort()).toEqual(['b.capability', 'c.x.salience']);
  });
});

describe('commitment levers (levers-commitment.yaml)', () => {
  const s = load('levers-commitment.yaml');
  const target = parseTarget('commit:A<0.5', s);

  it('unmarked, the nearest change that stops A committing is the lead’s credibility, as the flips say', async () => {
    const r = await runCommitmentLevers(unmarked(s), target, { seed: 1, draws: 0 });
    expect(r.singles[0]).toMatchObject({ input: 'credibility', by: ['L'] });
    expect(r.singles[0]!.to).toBeCloseTo(0.66, 2);
  });

  it('marked, proposes only the marked terms, within range, naming the actor', async () => {
    const r = await runCommitmentLevers(s, target, { seed: 1, draws: 0 });
    expect(r.base).toBe(1);
    expect(r.singles.map((l) => l.input)).toEqual(['A.localThreat']);
    const l = r.singles[0]!;
    expect(l).toMatchObject({
      by: ['A'],
      actions: [{ by: ['A'], how: 'A moves forces away from its own border' }],
      withinRange: true,
      reached: 0,
    });
    expect(l.to).toBeGreaterThan(0.1);
    expect(l.to).toBeLessThanOrEqual(0.2);
  });

  it('with draws, P(A commits) moves with the lever and the lever meets the target on the same draws', async () => {
    const up = parseTarget('commit:A>=0.5', s);
    const r = await runCommitmentLevers(s, up, { seed: 3, draws: 200 });
    expect(r.base).toBeGreaterThan(0);
    expect(r.base).toBeLessThan(0.5);
    for (const l of r.singles) {
      expect(l.reached).toBeGreaterThanOrEqual(0.5);
      expect(l.withinRange).toBe(true);
    }
    expect(r.singles[0]!.input).toBe('A.localThreat');
    expect(r.singles[0]!.change).toBeLessThan(0); // less local threat, likelier to commit
  });
});
