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

describe('evidenceCoverage of the commitment block', () => {
  it('counts credibility, conflict risk, weights, every capability and each candidate term, not the ladder', () => {
    const term = (value: number) => ({ value, low: 0, high: 1 });
    const withBlock = Scenario.parse({
      ...scenario,
      coalition: {
        issue: 'p',
        lead: 'a',
        rival: 'b',
        candidates: ['b'],
        commitment: {
          levels: [
            { id: 'out', label: 'Out', contribution: 0, exposure: 0 },
            { id: 'in', label: 'In', contribution: 1, exposure: 1 },
          ],
          joinLevel: 'in',
          capabilityMeasure: 'milex',
          credibility: { value: 0.6, evidence: ['e1'] },
          conflictRisk: 0.1,
          weights: { war: 2 },
          lead: { capability: { milex: { value: 900, evidence: ['e1'] }, cinc: 0.12 } },
          rival: { capability: { milex: 300 } },
          candidates: {
            b: {
              capability: { milex: 50 },
              security: term(0.5),
              abandonment: term(0.2),
              stake: term(0.5),
              tradeExposure: { value: 0.3, evidence: ['e1'], unverified: true },
              coercion: term(0.5),
              localThreat: term(0.1),
              publicSupport: term(0.4),
              publicDependence: term(0.4),
            },
          },
        },
      },
    });
    const c = evidenceCoverage(withBlock);
    // 9 scenario numbers + credibility, conflict risk, 1 weight, 3 lead/rival capabilities,
    // 1 candidate capability and 8 candidate terms; the ladder's 4 numbers are not counted.
    expect(c.numbers).toBe(9 + 2 + 1 + 3 + 1 + 8);
    expect(c.withEvidence).toBe(2 + 3); // credibility, a.capability.milex, b.tradeExposure
    expect(c.missing).toEqual(
      expect.arrayContaining([
        'coalition.commitment.conflictRisk',
        'coalition.commitment.weights.war',
        'coalition.commitment.a.capability.cinc',
        'coalition.commitment.b.capability.milex',
        'coalition.commitment.b.coercion',
      ]),
    );
    expect(c.missing).not.toContain('coalition.commitment.credibility');
    expect(c.unverified).toContain('coalition.commitment.b.tradeExposure');
  });
});
