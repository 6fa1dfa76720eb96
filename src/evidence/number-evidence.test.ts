import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../formats/scenario-file.ts';
import { listNumberEvidence } from './number-evidence.ts';

const s = parseScenarioText(
  readFileSync(join(import.meta.dirname, '../../scenarios/east-asia-coalition-2025.yaml'), 'utf8'),
);

describe('listNumberEvidence(scenario)', () => {
  it('lists every number with the evidence it cites or that supports it, with quote, source and locator', () => {
    const list = listNumberEvidence(s);
    const korea = list.find((n) => n.label === 'korea-gov.coalition.position')!;
    expect(korea).toMatchObject({ value: 30, low: 20, high: 40, status: 'accepted' });
    expect(korea.evidence.find((e) => e.id === 'art-p6-korea-reluctant')).toMatchObject({
      source: 'rco-news-2025',
      locator: 'para 6 (line 8 of the stored text)',
      quote: expect.stringContaining('more reluctant than any') as unknown,
    });
  });
  it('includes reference points and the coalition block', () => {
    const labels = listNumberEvidence(s).map((n) => n.label);
    expect(labels).toContain('coalition.referencePoint');
    expect(labels).toContain('coalition.parties.japan-gov.tradeWithRival');
    expect(labels).toContain('coalition.commitment.credibility');
    expect(labels).toContain('coalition.commitment.candidates.korea-gov.coercion');
    expect(labels).toContain('coalition.commitment.rival.capability.milex');
  });
  it('reports status and confidence of proposed numbers', () => {
    const t = parseScenarioText(`id: t
title: T
question: Q?
asOf: '2025'
issues: [{ id: i, name: I, scale: { min: 0, max: 100 } }]
actors:
  - { id: a, name: A, kind: state, capability: 1, stances: { i: { position: { value: 40, status: proposed, confidence: 0.4 }, salience: 50 } } }
  - { id: b, name: B, kind: state, capability: 1, stances: { i: { position: 60, salience: 50 } } }
`);
    const a = listNumberEvidence(t).find((n) => n.label === 'a.i.position')!;
    expect(a).toMatchObject({ status: 'proposed', confidence: 0.4, evidence: [] });
  });
});
