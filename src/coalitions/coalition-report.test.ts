import { describe, expect, it } from 'vitest';
import { Scenario } from '../core/scenario.ts';
import { scenarioCoalitionSpec } from './coalition-input.ts';
import { coalitionReport } from './coalition-report.ts';
import { coalitionTestScenario } from './test-scenario.ts';

const scenario = Scenario.parse(coalitionTestScenario());
const spec = scenarioCoalitionSpec(scenario)!;

describe('coalitionReport(scenario, spec): the coalition question answered', () => {
  it('lists every coalition of the lead with the candidates with its stability and payoffs', () => {
    const r = coalitionReport(scenario, spec);
    expect(r.candidates).toEqual(['near', 'far']);
    expect(r.stability.listed).toBe('all');
    expect(r.stability.coalitions.map((c) => c.members)).toEqual([
      [],
      ['near'],
      ['far'],
      ['near', 'far'],
    ]);
    for (const c of r.stability.coalitions) {
      expect(Object.keys(c.payoffs)).toEqual(['L', ...c.members]);
      expect(c.welfare).toBeCloseTo(
        Object.values(c.payoffs).reduce((a, b) => a + b, 0),
        12,
      );
      if (c.nashStable) expect(c.individuallyRational).toBe(true);
      if (c.coreStable) expect(c.individuallyRational).toBe(true);
    }
    // the predicted coalition is Nash stable when any is
    const predicted = r.stability.coalitions.find(
      (c) => c.members.join() === r.stability.predicted.members.join(),
    )!;
    if (r.stability.counts.nash > 0) expect(predicted.nashStable).toBe(true);
    expect(r.structure!.blocs.flat().sort()).toEqual(['L', 'far', 'near']);
  });

  it('evaluates choosing sides for every third party, the candidates’ public and bystanders included', () => {
    const r = coalitionReport(scenario, spec);
    expect(r.sides.map((s) => s.actor)).toEqual(['near', 'P', 'far', 'B']);
    const far = r.sides.find((s) => s.actor === 'far')!;
    expect(far.stake).toBeLessThan(0); // closer to R (10) than to L (90)
  });

  it('is reproducible under draws with a seed, and probabilities lie in [0, 1]', () => {
    const a = coalitionReport(scenario, spec, { draws: 300, seed: 3 });
    const b = coalitionReport(scenario, spec, { draws: 300, seed: 3 });
    expect(a.draws).toEqual(b.draws);
    expect(a.draws!.ranged).toBe(3);
    for (const j of Object.values(a.draws!.joins)) {
      expect(j.inPredicted).toBeGreaterThanOrEqual(0);
      expect(j.inPredicted).toBeLessThanOrEqual(1);
    }
  });
});
