import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.ts';
import { type Scenario, valueOf } from '../core/scenario.ts';
import { parseScenarioText } from './scenario-file.ts';
import {
  applyChanges,
  applyVariant,
  lazyLocator,
  parseOverlayText,
  parseSetArg,
  variantChanges,
  variantEntries,
} from './variants.ts';

const BASE = readFileSync(new URL('../../test/fixtures/commitment.yaml', import.meta.url), 'utf8');

/** The fixture with a `variants:` block appended (its lines start after the fixture's). */
function withVariants(block: string): { text: string; firstLine: number } {
  const firstLine = BASE.trimEnd().split('\n').length + 1;
  return { text: `${BASE.trimEnd()}\n${block}`, firstLine };
}

function problems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err.message.split('\n');
    throw err;
  }
  return [];
}

const base = (): Scenario => parseScenarioText(BASE, 'commitment.yaml');
const set = (target: string, value: unknown) => parseSetArg(`${target}=${JSON.stringify(value)}`);
const cm = (s: Scenario) => s.coalition!.commitment!;

describe('applying changes', () => {
  it('set on a measure changes its value and keeps its range and evidence', () => {
    const r = applyChanges(base(), [set('coalition.commitment.credibility', 0.6)]);
    expect(cm(r.scenario).credibility).toMatchObject({
      value: 0.6,
      low: 0.5,
      high: 0.85,
      evidence: ['ev'],
    });
    expect(r.warnings).toEqual([]);
    expect(r.changes[0]!.fields).toEqual(['coalition.commitment.credibility']);
  });

  it('a value outside its evidence range is kept, widened for draws and listed as a warning', () => {
    const r = applyChanges(base(), [set('coalition.commitment.credibility', 0.95)]);
    expect(cm(r.scenario).credibility).toMatchObject({ value: 0.95, low: 0.5, high: 0.95 });
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(
      /coalition\.commitment\.credibility: 0\.95 lies outside its evidence range 0\.5–0\.85/,
    );
  });

  it('addresses list elements by id and does not touch the base', () => {
    const b = base();
    const r = applyChanges(b, [set('actors.B.stances.q.salience', 80)]);
    expect(valueOf(r.scenario.actors[3]!.stances.q!.salience)).toBe(80);
    expect(valueOf(b.actors[3]!.stances.q!.salience)).toBe(50);
  });

  it('scale multiplies value, low and high; * reaches every candidate', () => {
    const r = applyChanges(base(), [
      {
        kind: 'scale',
        target: 'coalition.commitment.candidates.*.coercion',
        by: 1.2,
        source: { kind: 'argv', text: 'x' },
      },
    ]);
    expect(cm(r.scenario).candidates.A!.coercion).toMatchObject({ value: 0.6, low: 0.36 });
    expect((cm(r.scenario).candidates.A!.coercion as { high: number }).high).toBeCloseTo(0.84);
    expect(r.changes[0]!.fields).toHaveLength(3);
  });

  it('scale clamps a range that crosses its natural bound, and warns', () => {
    const r = applyChanges(base(), [
      {
        kind: 'scale',
        target: 'coalition.commitment.candidates.A.security',
        by: 1.05,
        source: { kind: 'argv', text: 'x' },
      },
    ]);
    expect(cm(r.scenario).candidates.A!.security).toMatchObject({ high: 1 });
    expect(r.warnings.join('\n')).toMatch(/security: high 1\.05 clamped to 1/);
  });

  it('scale on a record scales every measure in it', () => {
    const r = applyChanges(base(), [
      {
        kind: 'scale',
        target: 'coalition.commitment.rival.capability',
        by: 2,
        source: { kind: 'argv', text: 'x' },
      },
    ]);
    expect(cm(r.scenario).rival.capability).toEqual({ milex: 600, cinc: 0.46 });
  });

  it('add appends an actor; remove takes an actor out of the coalition block too', () => {
    const actor = {
      id: 'D',
      name: 'Ally D',
      kind: 'government',
      capability: 1,
      stances: { q: { position: 50, salience: 30 } },
    };
    const r = applyChanges(base(), [
      { kind: 'add', target: 'actors', value: actor, source: { kind: 'argv', text: 'x' } },
      { kind: 'remove', target: 'actors.C', source: { kind: 'argv', text: 'y' } },
    ]);
    expect(r.scenario.actors.map((a) => a.id)).toEqual(['L', 'R', 'A', 'B', 'D']);
    expect(r.scenario.coalition!.candidates).toEqual(['A', 'B']);
    expect(Object.keys(cm(r.scenario).candidates)).toEqual(['A', 'B']);
    expect(r.changes[1]!.effects.join('; ')).toMatch(/left coalition\.candidates/);
  });

  it('remove of an evidence item drops its citations', () => {
    const r = applyChanges(base(), [
      { kind: 'remove', target: 'evidence.ev', source: { kind: 'argv', text: 'x' } },
    ]);
    expect(r.scenario.evidence).toEqual([]);
    expect(cm(r.scenario).credibility).not.toHaveProperty('evidence', ['ev']);
  });

  it('sets a measure choice (a plain string)', () => {
    const r = applyChanges(base(), [set('coalition.commitment.capabilityMeasure', 'cinc')]);
    expect(cm(r.scenario).capabilityMeasure).toBe('cinc');
  });

  it('refuses an unknown actor, an unknown field and a value of the wrong type', () => {
    expect(problems(() => applyChanges(base(), [set('actors.atlantis.capability', 1)]))).toEqual([
      expect.stringMatching(
        /^actors\.atlantis\.capability: --set .*: unknown id "atlantis" in actors; known: L, R, A, B, C$/,
      ),
    ]);
    expect(
      problems(() => applyChanges(base(), [set('coalition.commitment.credibilty', 1)]))[0],
    ).toMatch(/unknown field "credibilty" in coalition\.commitment; fields: levels, joinLevel/);
    expect(
      problems(() =>
        applyChanges(base(), [parseSetArg('coalition.commitment.credibility=high')]),
      )[0],
    ).toMatch(
      /^coalition\.commitment\.credibility: --set coalition\.commitment\.credibility=high: expected a number or \{ value/,
    );
    expect(
      problems(() => applyChanges(base(), [set('coalition.commitment.credibility', 1.5)]))[0],
    ).toMatch(/probability 1\.5 is out of range: expected within 0\.\.1/);
  });

  it('a --set problem points at the field in the base file', () => {
    const p = problems(() =>
      applyChanges(base(), [parseSetArg('coalition.commitment.credibility=true')], {
        baseLocate: lazyLocator(BASE, 'commitment.yaml'),
      }),
    );
    const line = BASE.split('\n').findIndex((l) => l.includes('credibility:')) + 1;
    expect(p[0]).toMatch(
      new RegExp(`^commitment\\.yaml:${line}:\\d+ coalition\\.commitment\\.credibility: `),
    );
  });

  it('parses --set values as JSON when they parse, else as text', () => {
    expect(parseSetArg('a.b=0.4').value).toBe(0.4);
    expect(parseSetArg('a.b={"value":1}').value).toEqual({ value: 1 });
    expect(parseSetArg('a.b=cinc').value).toBe('cinc');
    expect(problems(() => parseSetArg('nothing'))[0]).toMatch(/is not PATH=VALUE/);
  });
});

describe('variants in a scenario file', () => {
  const block = `variants:
  - id: low-cred
    name: Low credibility
    changes:
      - { set: coalition.commitment.credibility, value: 0.3, note: halved, evidence: [ev] }
  - id: low-cred-coerced
    name: Low credibility and coercion
    extends: low-cred
    changes:
      - { scale: coalition.commitment.candidates.A.coercion, by: 1.2 }
`;

  it('applies a variant after the one it extends, with notes and evidence on the measure', () => {
    const s = parseScenarioText(withVariants(block).text, 'v.yaml');
    const r = applyVariant(s, 'low-cred-coerced');
    expect(cm(r.scenario).credibility).toMatchObject({ value: 0.3, low: 0.3, evidence: ['ev'] });
    expect((cm(r.scenario).credibility as { derivation: string }).derivation).toMatch(
      /^variant "low-cred": set coalition\.commitment\.credibility: halved/,
    );
    expect(valueOf(cm(r.scenario).candidates.A!.coercion)).toBeCloseTo(0.6);
    expect(r.warnings[0]).toMatch(/0\.3 lies outside its evidence range 0\.5–0\.85/);
    expect(r.changes.map((c) => c.variant)).toEqual(['low-cred', 'low-cred-coerced']);
  });

  it('an unknown variant names the known ones', () => {
    const s = parseScenarioText(withVariants(block).text, 'v.yaml');
    expect(problems(() => applyVariant(s, 'nope'))).toEqual([
      '--variant: unknown variant "nope"; variants: low-cred, low-cred-coerced',
    ]);
  });

  it('a broken variant is a problem of the file, at the change', () => {
    const { text, firstLine } = withVariants(`variants:
  - id: bad
    name: Bad
    changes:
      - { set: actors.atlantis.capability, value: 2 }
      - { set: actors.A.stances.q.salience, value: 120 }
      - { scale: coalition.commitment.credibility }
`);
    expect(problems(() => parseScenarioText(text, 'v.yaml'))).toEqual([
      `v.yaml:${firstLine + 6}:9 variants[0].changes[2].by: missing: scale needs by: a number`,
    ]);
    const fixed = text.replace(/\n.*scale: coalition.*\n$/, '\n');
    expect(problems(() => parseScenarioText(fixed, 'v.yaml'))).toEqual([
      `v.yaml:${firstLine + 4}:16 variants[0].changes[0]: variant "bad": set actors.atlantis.capability: unknown id "atlantis" in actors; known: L, R, A, B, C`,
    ]);
    const second = fixed.replace('atlantis', 'A');
    expect(problems(() => parseScenarioText(second, 'v.yaml'))).toEqual([
      `v.yaml:${firstLine + 5}:52 variants[0].changes[1]: variant "bad": set actors.A.stances.q.salience: salience 120 is out of range: expected within 0..100`,
    ]);
  });

  it('a cycle of extends is an error at the extends', () => {
    const { text, firstLine } = withVariants(`variants:
  - { id: a, name: A, extends: b, changes: [] }
  - { id: b, name: B, extends: a, changes: [] }
`);
    expect(problems(() => parseScenarioText(text, 'v.yaml'))).toEqual([
      `v.yaml:${firstLine + 2}:32 variants[1].extends: variant cycle: a → b → a`,
      `v.yaml:${firstLine + 1}:32 variants[0].extends: variant cycle: b → a → b`,
    ]);
  });

  it('duplicate variant ids and unknown extends are refused', () => {
    const dup = withVariants(`variants:
  - { id: a, name: A, changes: [] }
  - { id: a, name: A2, changes: [] }
`);
    expect(problems(() => parseScenarioText(dup.text, 'v.yaml'))[0]).toMatch(
      /duplicate variant id "a"/,
    );
    const unknown = withVariants(`variants:
  - { id: a, name: A, extends: zz, changes: [] }
`);
    expect(problems(() => parseScenarioText(unknown.text, 'v.yaml'))[0]).toMatch(
      /variants\[0\]\.extends: unknown variant "zz"/,
    );
  });

  it('variantChanges lists the chain root first', () => {
    const s = parseScenarioText(withVariants(block).text, 'v.yaml');
    expect(variantChanges(variantEntries(s), 'low-cred-coerced').map((c) => c.kind)).toEqual([
      'set',
      'scale',
    ]);
  });
});

describe('overlay files', () => {
  it('reads a changes list and a list of variants, each placed in the file', () => {
    const o = parseOverlayText(
      'changes:\n  - { set: coalition.commitment.credibility, value: 0.4 }\n',
      'o.yaml',
    );
    expect(o.changes).toHaveLength(1);
    const r = applyChanges(base(), o.changes);
    expect(valueOf(cm(r.scenario).credibility)).toBe(0.4);
    const bad = parseOverlayText(
      'changes:\n  - { set: actors.X.capability, value: 1 }\n',
      'o.yaml',
    );
    expect(problems(() => applyChanges(base(), bad.changes))[0]).toMatch(
      /^o\.yaml:2:12 changes\[0\]: set actors\.X\.capability: unknown id "X"/,
    );
    const list = parseOverlayText(
      '- { id: v, name: V, changes: [{ remove: actors.C }] }\n',
      'o.yaml',
    );
    expect(list.variants.map((v) => v.variant.id)).toEqual(['v']);
    expect(problems(() => parseOverlayText('changes: [{ set: x }]\n', 'o.yaml'))[0]).toMatch(
      /^o\.yaml:1:11 changes\[0\]\.value: missing: set needs a value/,
    );
  });
  it('gets the same alias protection as scenario files (a billion laughs, an undefined alias)', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let k = 1; k < 9; k++) {
      const prev = String.fromCharCode(96 + k);
      const name = String.fromCharCode(97 + k);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    expect(
      problems(() => parseOverlayText(`${levels.join('\n')}\nchanges: []\n`, 'o.yaml'))[0],
    ).toMatch(/^o\.yaml:\d+:\d+: aliases expand to more than 100,000 values/);
    expect(problems(() => parseOverlayText('changes: *nope\n', 'o.yaml'))[0]).toMatch(
      /^o\.yaml:1:10: .*alias \*nope/,
    );
  });
});
