import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../formats/scenario-file.ts';
import { mergeIntoScenario } from './merge.ts';

const ROOT = join(import.meta.dirname, '../..');
const ARTICLE = readFileSync(
  join(ROOT, 'test/fixtures/evidence/us-asia-coalition-rco-news-2025.txt'),
  'utf8',
);
const SCENARIO = readFileSync(join(ROOT, 'scenarios/east-asia-coalition-2025.yaml'), 'utf8');
const opts = { file: 'ea.yaml', articleFile: 'article.txt', asOf: '2025-12-15' };

describe('mergeIntoScenario(article, scenario)', () => {
  it('leaves a scenario of accepted numbers byte for byte as it was, reporting what the article suggests', () => {
    const r = mergeIntoScenario(ARTICLE, SCENARIO, opts);
    expect(r.text).toBe(SCENARIO);
    expect(r.changes.every((c) => c.action === 'kept')).toBe(true);
    // The article's actors land on the scenario's own ids (by group and aliases).
    expect(r.changes.map((c) => c.label)).toContain('korea-gov.coalition.position');
    expect(r.changes.map((c) => c.label)).toContain('korea-public.coalition.position');
  });
  it('replaces a proposed number and cites existing evidence quoting the same sentence', () => {
    const proposed = SCENARIO.replace(
      '        high: 40\n        evidence: [art-p6-korea-reluctant',
      '        high: 40\n        status: proposed\n        evidence: [art-p6-korea-reluctant',
    );
    expect(proposed).not.toBe(SCENARIO);
    const r = mergeIntoScenario(ARTICLE, proposed, opts);
    expect(r.changes.filter((c) => c.action === 'replaced').map((c) => c.label)).toEqual([
      'korea-gov.coalition.position',
    ]);
    expect(r.evidenceReused).toContain('art-p6-korea-reluctant');
    const s = parseScenarioText(r.text);
    const pos = s.actors.find((a) => a.id === 'korea-gov')!.stances.coalition!.position;
    expect(pos).toMatchObject({
      status: 'proposed',
      evidence: expect.arrayContaining(['art-p6-korea-reluctant']) as unknown,
    });
    // Accepted numbers elsewhere are untouched.
    expect(s.actors.find((a) => a.id === 'usa')!.stances.coalition!.position).toMatchObject({
      value: 80,
    });
  });
  it('adds a stance where an actor has none, and new actors, all proposed', () => {
    const small = `id: s
title: T
question: Q?
asOf: '2025-12-15'
issues:
  - id: coalition
    name: Coalition
    scale: { min: 0, max: 100 }
actors:
  - id: seoul
    name: South Korea
    kind: state
    capability: 1
    stances: {}
  - id: tokyo
    name: Japan
    kind: state
    capability: 1
    stances:
      coalition: { position: 65, salience: 60 }
`;
    const r = mergeIntoScenario(
      ARTICLE,
      small
        .replace('    stances: {}\n', '    stances:\n      other: { position: 1, salience: 1 }\n')
        .replace(
          '  - id: coalition',
          '  - id: other\n    name: Other\n    scale: { min: 0, max: 100 }\n  - id: coalition',
        ),
      { ...opts, issue: 'coalition' },
    );
    const s = parseScenarioText(r.text);
    expect(s.actors.find((a) => a.id === 'seoul')!.stances.coalition!.position).toMatchObject({
      status: 'proposed',
    });
    expect(s.actors.find((a) => a.id === 'tokyo')!.stances.coalition!.position).toBe(65);
    expect(r.newActors).toEqual(
      expect.arrayContaining(['usa', 'china', 'philippines', 'australia']),
    );
    expect(s.evidence.length).toBeGreaterThan(5);
    expect(s.evidence.every((e) => e.status === 'proposed' && e.quote && e.locator)).toBe(true);
  });
  it('refuses an unknown --issue with the known ids', () => {
    expect(() => mergeIntoScenario(ARTICLE, SCENARIO, { ...opts, issue: 'nope' })).toThrow(
      'ea.yaml: --issue: unknown issue id "nope"; known issue ids: coalition, usfk-flexibility',
    );
  });
});
