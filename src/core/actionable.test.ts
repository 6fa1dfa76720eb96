import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../formats/scenario-file.ts';
import { InputError } from './errors.ts';
import { actionableInputs, leverableInputs, pathNames } from './actionable.ts';

const BASE = `id: t
title: T
question: Q?
asOf: '2025-01-01'
issues:
  - { id: x, name: X, scale: { min: 0, max: 100 }, referencePoint: 50 }
actors:
  - { id: a, name: A, kind: state, capability: 1, stances: { x: { position: 0, salience: 50 } } }
  - { id: b.c, name: B, kind: state, capability: 1, stances: { x: { position: 100, salience: 50 } } }
`;

function problems(levers: string): string[] {
  try {
    parseScenarioText(`${BASE}levers:\n${levers}`, 'm.yaml');
    return [];
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return err.problems.map((p) => `${p.line}:${p.column} ${String(p.path)}: ${p.message}`);
  }
}

describe('pathNames', () => {
  it('matches whole tokens, `*` for one token, a prefix for everything under it, dotted ids whole', () => {
    const t = ['actors', 'b.c', 'stances', 'x', 'salience'];
    expect(pathNames('actors.b.c.stances.x.salience', t)).toBe(true);
    expect(pathNames('actors.*.stances.x.salience', t)).toBe(true);
    expect(pathNames('actors.b.c', t)).toBe(true);
    expect(pathNames('actors.b', t)).toBe(false);
    expect(pathNames('actors.*.stances.x.position', t)).toBe(false);
    expect(pathNames('actors.b.c.stances.x.salience.value', t)).toBe(false);
  });
});

describe('levers markings', () => {
  it('default to each input’s owner, and list every marking that names an input', () => {
    const s = parseScenarioText(
      `${BASE}levers:\n  - { path: 'actors.*.stances.x', how: own }\n  - { path: actors.a.stances.x.salience, by: [b.c], how: pressure }\n`,
      'm.yaml',
    );
    const map = actionableInputs(s)!;
    expect(map.get('actors.b.c.stances.x.position')).toEqual([
      { by: ['b.c'], how: 'own', mark: 0 },
    ]);
    expect(map.get('actors.a.stances.x.salience')).toEqual([
      { by: ['a'], how: 'own', mark: 0 },
      { by: ['b.c'], how: 'pressure', mark: 1 },
    ]);
    expect(map.has('actors.a.capability')).toBe(false);
    expect(leverableInputs(s).map((x) => x.path)).toContain('issues.x.referencePoint');
  });

  it('is null when the scenario marks nothing', () => {
    expect(actionableInputs(parseScenarioText(BASE, 'm.yaml'))).toBeNull();
  });

  it('rejects an unknown actor, a path naming no input, and an unowned input without by, at line:col', () => {
    expect(
      problems(
        [
          '  - { path: actors.a.capability, by: [atlantis], how: h }',
          '  - { path: actors.a.stances.y.position, how: h }',
          '  - { path: coalition.parties.a.tradeWithRival, how: h }',
          '  - { path: issues.x.referencePoint, how: h }',
          '  - { path: issues.x.referencePoint, by: [a], how: h }',
        ].join('\n'),
      ),
    ).toEqual([
      '11:39 levers[0].by[0]: unknown actor id "atlantis"; known actor ids: a, b.c',
      '12:13 levers[1].path: "actors.a.stances.y.position" names no input a lever can move; e.g. actors.a.stances.x.position, actors.a.stances.x.salience',
      '13:13 levers[2].path: "coalition.parties.a.tradeWithRival" names no input a lever can move; inputs are actors.ID.capability, actors.ID.stances.ISSUE.position|salience, issues.ID.referencePoint and the commitment terms coalition.commitment.…',
      '14:13 levers[3].path: issues.x.referencePoint belongs to no actor: expected by: [actor ids] saying who would act',
    ]);
  });

  it('needs a how', () => {
    expect(problems('  - { path: actors.a.capability }')[0]).toMatch(/^11:5 levers\[0\]\.how: /);
  });
});
