import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.ts';
import { valueOf } from '../core/scenario.ts';
import { parseScenarioText } from '../formats/scenario-file.ts';
import { compareInputs, inputValue, valueAtPath } from './compare-inputs.ts';

const BUILTIN = parseScenarioText(
  readFileSync(join(import.meta.dirname, '../../scenarios/east-asia-coalition-2025.yaml'), 'utf8'),
);

describe('valueAtPath(root, path)', () => {
  it('finds list elements by id, the longest id or key with dots first', () => {
    const root = {
      actors: [
        { id: 'a', stances: { deal: { position: 1 } } },
        { id: 'b.c', stances: { 'x.y': { salience: { value: 2, low: 1, high: 3 } } } },
      ],
    };
    expect(valueAtPath(root, 'actors.a.stances.deal.position')).toBe(1);
    expect(valueAtPath(root, 'actors.b.c.stances.x.y.salience')).toEqual({
      value: 2,
      low: 1,
      high: 3,
    });
    expect(valueAtPath(root, 'actors.1.stances.x.y.salience.low')).toBe(1);
    expect(valueAtPath(root, 'actors.z.stances')).toBeUndefined();
  });

  it('inputValue: numbers and measures as numbers, lists as a count, absent as null', () => {
    expect(inputValue(3)).toEqual({ value: 3, low: null, high: null });
    expect(inputValue({ value: 2, low: 1 })).toEqual({ value: 2, low: 1, high: null });
    expect(inputValue([1, 2])).toEqual({ text: '2 items' });
    expect(inputValue(undefined)).toBeNull();
  });
});

describe('compareInputs(scenario, options)', () => {
  it('gives the base, then every variant in the scenario’s order by default', () => {
    const inputs = compareInputs(BUILTIN);
    expect(inputs.map((i) => i.id)).toEqual(['base', ...BUILTIN.variants!.map((v) => v.id)]);
    expect(inputs[0]!.scenario).toBe(BUILTIN);
    expect(compareInputs(BUILTIN, { variants: [] }).map((i) => i.id)).toEqual(['base']);
  });

  it('lists each input a variant changes with its base and variant values, note and evidence', () => {
    const [, col] = compareInputs(BUILTIN, { variants: ['usfk-drawdown-after-shock'] });
    // The variant extends usfk-drawdown: that one's changes come first, tagged with its id.
    expect(col!.changes.map((c) => c.variant)).toEqual([
      'usfk-drawdown',
      'usfk-drawdown',
      'usfk-drawdown-after-shock',
    ]);
    const cred = col!.changes[2]!;
    const written = BUILTIN.variants!.find((v) => v.id === 'usfk-drawdown-after-shock')!
      .changes[0]!;
    expect(cred.note).toBe(written.note);
    expect(cred.evidence).toEqual(written.evidence);
    const base = valueOf(BUILTIN.coalition!.commitment!.credibility);
    const field = cred.fields![0]!;
    expect(field.path).toBe('coalition.commitment.credibility');
    expect(field.base).toMatchObject({ value: base });
    expect(field.variant).toMatchObject({ value: base * written.by! });
    expect(valueOf(col!.scenario.coalition!.commitment!.credibility)).toBeCloseTo(
      base * written.by!,
      12,
    );
  });

  it('gives one field per match of a "*" change', () => {
    const [, col] = compareInputs(BUILTIN, { variants: ['china-trade-coercion'] });
    const fields = col!.changes[0]!.fields!;
    expect(fields.map((f) => f.path)).toEqual(
      BUILTIN.coalition!.candidates.map((id) => `coalition.commitment.candidates.${id}.coercion`),
    );
    for (const f of fields)
      expect((f.variant as { value: number }).value).toBeCloseTo(
        2 * (f.base as { value: number }).value,
        12,
      );
  });

  it('names an unknown variant at the field given, with the known ids', () => {
    let err: unknown;
    try {
      compareInputs(BUILTIN, { variants: ['nope'], path: '--variants' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    const p = (err as InputError).problems[0]!;
    expect(p.path).toBe('--variants');
    expect(p.message).toMatch(/unknown variant "nope"; variants: us-credibility-shock, /);
  });
});
