import { describe, expect, it } from 'vitest';
import { compileScenario } from './compile.ts';
import { evidenceCoverage } from './coverage.ts';
import { issueView } from './numeric-input.ts';
import { Scenario } from './scenario.ts';

const scenario = Scenario.parse({
  id: 's',
  title: 'S',
  question: 'Q?',
  asOf: '2025-01-01',
  sources: [{ id: 'src', title: 'Src' }],
  issues: [
    {
      id: 'p',
      name: 'P',
      scale: { min: 0, max: 10 },
      referencePoint: 4,
      threshold: { value: 7, label: 'high' },
    },
    { id: 'q', name: 'Q', scale: { min: -1, max: 1 } },
  ],
  actors: [
    {
      id: 'a',
      name: 'A',
      kind: 'state',
      capability: { value: 2, low: 1, high: 3, evidence: ['e1'] },
      stances: { p: { position: 3, salience: 50 }, q: { position: -1, salience: 100 } },
    },
    {
      id: 'b',
      name: 'B',
      kind: 'public',
      capability: 1,
      stances: { p: { position: { value: 9, unverified: true }, salience: 20 } },
    },
  ],
  evidence: [
    { id: 'e1', source: 'src', supports: [{ actor: 'b', issue: 'p', field: 'salience' }] },
  ],
});

describe('compileScenario', () => {
  it('lays out positions and saliences actor-major, saliences on 0–1', () => {
    const input = compileScenario(scenario);
    expect([input.n, input.d]).toEqual([2, 2]);
    expect(Array.from(input.capability)).toEqual([2, 1]);
    expect(Array.from(input.position)).toEqual([3, -1, 9, 0]);
    expect(Array.from(input.salience)).toEqual([0.5, 1, 0.2, 0]);
    expect(Array.from(input.reference)).toEqual([4, NaN]);
    expect(Array.from(input.threshold)).toEqual([7, NaN]);
  });

  it('marks actors without a stance as absent, at the midpoint with zero salience', () => {
    const input = compileScenario(scenario);
    expect(Array.from(input.present)).toEqual([1, 1, 1, 0]);
    const view = issueView(input, 1);
    expect(view.m).toBe(1);
    expect(Array.from(view.index)).toEqual([0]);
  });

  it('compiles only the named issues, in the order given', () => {
    const input = compileScenario(scenario, ['q']);
    expect(input.issueIds).toEqual(['q']);
    expect(Array.from(input.position)).toEqual([-1, 0]);
  });
});

describe('evidenceCoverage', () => {
  it('counts numbers citing evidence directly or through `supports`, and unverified ones', () => {
    const c = evidenceCoverage(scenario);
    expect(c.numbers).toBe(1 + 2 + 6); // reference point, 2 capabilities, 3 stances × 2
    expect(c.withEvidence).toBe(2); // a.capability (cited), b.p.salience (supported)
    expect(c.unverified).toEqual(['b.p.position']);
    expect(c.missing).toContain('p.referencePoint');
  });
});

describe('evidenceCoverage of the coalition block', () => {
  it('counts trade shares, coefficients and tie strengths, with their evidence', () => {
    const withBlock = Scenario.parse({
      ...scenario,
      coalition: {
        issue: 'p',
        lead: 'a',
        rival: 'b',
        candidates: ['b'],
        parties: { b: { tradeWithRival: { value: 20, evidence: ['e1'] }, tradeWithLead: 10 } },
        coefficients: { tradeCost: 0.1 },
        allianceTies: [{ between: ['a', 'b'], strength: 1, evidence: ['e1'] }],
      },
    });
    const c = evidenceCoverage(withBlock);
    expect(c.numbers).toBe(9 + 4);
    expect(c.withEvidence).toBe(2 + 2);
    expect(c.missing).toEqual(
      expect.arrayContaining(['coalition.b.tradeWithLead', 'coalition.tradeCost']),
    );
  });
});
