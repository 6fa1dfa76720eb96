import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.ts';
import { parseScenarioText, scenarioToYaml } from './scenario-file.ts';

const GOOD = `id: demo
title: Demo
question: Will it pass?
asOf: 2025-12-01
sources:
  - { id: src, title: A source }
issues:
  - id: tax
    name: Tax rate
    scale: { min: 0, max: 100 }
    threshold: { value: 60, label: passes }
actors:
  - id: a
    name: A
    kind: state
    capability: 2
    stances:
      tax: { position: 20, salience: 50 }
  - id: b
    name: B
    kind: government
    capability: { value: 1, low: 0.5, high: 2, evidence: [e1] }
    stances:
      tax: { position: { value: 80, low: 70, high: 90 }, salience: 40 }
evidence:
  - id: e1
    source: src
    quote: B is strong.
    supports: [{ actor: b, field: capability }]
`;

function problemsOf(text: string): string[] {
  try {
    parseScenarioText(text, 'x.yaml');
  } catch (err) {
    if (err instanceof InputError) return err.message.split('\n');
    throw err;
  }
  return [];
}

describe('parseScenarioText', () => {
  it('reads a valid scenario with points, ranges and evidence', () => {
    const s = parseScenarioText(GOOD, 'x.yaml');
    expect(s.actors.map((a) => a.id)).toEqual(['a', 'b']);
    expect(s.issues[0]!.threshold?.value).toBe(60);
  });

  it('reads the same scenario written as JSON', () => {
    const yaml = parseScenarioText(GOOD, 'x.yaml');
    const json = parseScenarioText(JSON.stringify(yaml, null, 2), 'x.json');
    expect(json).toEqual(yaml);
  });

  it('round-trips through scenarioToYaml', () => {
    const s = parseScenarioText(GOOD, 'x.yaml');
    expect(parseScenarioText(scenarioToYaml(s), 'y.yaml')).toEqual(s);
  });

  it('reports a salience outside 0–100 at its line and column', () => {
    expect(problemsOf(GOOD.replace('salience: 50', 'salience: 150'))).toEqual([
      'x.yaml:18:38 actors[0].stances.tax.salience: salience 150 is out of range: expected within 0..100',
    ]);
  });

  it('reports a position off the issue scale', () => {
    expect(problemsOf(GOOD.replace('position: 20', 'position: 120'))).toEqual([
      'x.yaml:18:24 actors[0].stances.tax.position: position 120 is out of range: expected within 0..100',
    ]);
  });

  it('reports a negative capability', () => {
    expect(problemsOf(GOOD.replace('capability: 2', 'capability: -2'))).toEqual([
      'x.yaml:16:17 actors[0].capability: capability -2 is out of range: expected >= 0',
    ]);
  });

  it('reports a range with low > high', () => {
    expect(problemsOf(GOOD.replace('low: 70, high: 90', 'low: 95, high: 90'))).toEqual([
      'x.yaml:24:42 actors[1].stances.tax.position.low: low 95 is greater than high 90: expected low <= value <= high',
    ]);
  });

  it('reports unknown issue, evidence, source and actor ids', () => {
    const text = GOOD.replace('      tax: { position: 20', '      taxes: { position: 20')
      .replace('evidence: [e1] }', 'evidence: [e2] }')
      .replace('source: src', 'source: nowhere')
      .replace('{ actor: b, field', '{ actor: c, field');
    expect(problemsOf(text)).toEqual([
      'x.yaml:18:14 actors[0].stances.taxes: unknown issue id "taxes"; known issue ids: tax',
      'x.yaml:22:59 actors[1].capability.evidence[0]: unknown evidence id "e2"; known evidence ids: e1',
      'x.yaml:27:13 evidence[0].source: unknown source id "nowhere"; known source ids: src',
      'x.yaml:29:25 evidence[0].supports[0].actor: unknown actor id "c"; known actor ids: a, b',
    ]);
  });

  it('reports duplicate ids', () => {
    expect(problemsOf(GOOD.replace('  - id: b\n    name: B', '  - id: a\n    name: B'))).toEqual([
      'x.yaml:19:9 actors[1].id: duplicate actor id "a" (first used by actors[0])',
      // the evidence item still names b, which the edit removed
      'x.yaml:29:25 evidence[0].supports[0].actor: unknown actor id "b"; known actor ids: a',
    ]);
  });

  it('reports fewer than two actors', () => {
    const one = GOOD.slice(0, GOOD.indexOf('  - id: b')) + 'evidence: []\n';
    expect(problemsOf(one)).toEqual([
      'x.yaml:13:3 actors: a scenario needs at least 2 actors, found 1',
    ]);
  });

  it('reports every structural problem at once, with unknown fields and wrong types', () => {
    const text = GOOD.replace('kind: state', 'kind: empire')
      .replace('capability: 2', 'capability: lots')
      .replace('title: Demo', 'titel: Demo');
    expect(problemsOf(text)).toEqual([
      'x.yaml:1:1 title: missing: expected string',
      'x.yaml:15:11 actors[0].kind: Invalid option: expected one of "state"|"government"|"public"|"faction"|"organisation"',
      'x.yaml:16:17 actors[0].capability: expected a number or { value, low?, high?, evidence?, derivation?, unverified? }',
      'x.yaml:2:1 titel: unknown field "titel"',
    ]);
  });

  it('reports YAML syntax errors with their position', () => {
    const [first] = problemsOf('id: demo\ntitle: [unclosed\n');
    expect(first).toMatch(/^x\.yaml:\d+:\d+: not valid YAML\/JSON: /);
  });

  it('rejects a document that is not a mapping', () => {
    expect(problemsOf('- 1\n- 2\n')).toEqual([
      'x.yaml: expected a scenario: a mapping with id, title, issues, actors…',
    ]);
  });
});
