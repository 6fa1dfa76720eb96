import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.ts';
import { createRng } from '../core/rng.ts';
import { makeNumericInput } from '../core/numeric-input.ts';
import { checkOptions, describeOptions, optionsFromText, resolveOptions } from './options.ts';
import { EUM_OPTIONS } from './eum/options.ts';
import { listModels } from './registry.ts';
import { nash } from './nash.ts';
import { eum } from './eum/eum.ts';
import { smp } from './smp/smp.ts';
import { compromise } from './compromise.ts';

function problems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return err.problems.map((p) => `${p.path}: ${p.message}`);
  }
  throw new Error('expected an InputError');
}

describe('model options: one zod schema each', () => {
  it('derives the documented specs from the schema: type, values or bounds, nullable, doc', () => {
    expect(nash.options).toEqual({
      exponent: {
        type: 'number',
        min: 1,
        max: 8,
        doc: 'Utility exponent a ≥ 1 (default 2, quadratic loss).',
      },
      weight: {
        type: 'enum',
        values: ['capability', 'capability-salience'],
        doc: 'Bargaining weight: c_i (default, docs/spec/models.md) or c_i·s_i.',
      },
      useReference: {
        type: 'boolean',
        doc: "Disagreement at the issue's reference point when it has one (default true).",
      },
    });
    expect(Object.keys(describeOptions(EUM_OPTIONS).tolerance!)).toEqual([
      'type',
      'min',
      'nullable',
      'doc',
    ]);
    expect(eum.options.rounds).toMatchObject({ type: 'integer', min: 1, max: 10_000 });
  });

  it('derives the defaults from the schema, in its order, for every model', () => {
    expect(nash.defaults).toEqual({ exponent: 2, weight: 'capability', useReference: true });
    expect(Object.keys(eum.defaults)).toEqual(Object.keys(eum.options));
    for (const m of listModels()) {
      expect(resolveOptions(m, {})).toEqual(m.defaults);
      // Every option is documented with a sentence.
      for (const spec of Object.values(m.options)) expect(spec.doc.length).toBeGreaterThan(10);
    }
  });

  it('coerces KEY=VALUE text by the option type, later pairs winning', () => {
    expect(
      optionsFromText(eum, [
        ['Q', '0.5'],
        ['tolerance', 'off'],
        ['Q', '0.25'],
      ]),
    ).toMatchObject({ Q: 0.25, tolerance: null });
    expect(optionsFromText(nash, [['useReference', 'no']]).useReference).toBe(false);
    expect(optionsFromText(smp, [['ktabCompat', 'on']]).ktabCompat).toBe(true);
    expect(problems(() => optionsFromText(nash, [['useReference', 'maybe']]))).toEqual([
      'options.useReference: nash: "maybe" is not valid: expected true or false',
    ]);
    expect(problems(() => optionsFromText(eum, [['rounds', '2.5']]))).toEqual([
      'options.rounds: eum: "2.5" is not valid: expected an integer',
    ]);
  });

  it('reports every problem at once, at the path the shell names', () => {
    const at = (key: string | undefined) => `--option ${key}`;
    expect(
      problems(() =>
        optionsFromText(
          eum,
          [
            ['Q', '2'],
            ['speed', '1'],
            ['variant', 'bdm'],
          ],
          at,
        ),
      ),
    ).toEqual([
      '--option variant: eum: "bdm" is not valid: expected one of scholz2011, printed',
      '--option Q: eum: "2" is not valid: expected a value in 0..1',
      '--option speed: eum has no option "speed"; options: variant, Q, rounds, tolerance, capitulation, tail',
    ]);
    expect(problems(() => resolveOptions(compromise, { speed: 1 }))).toEqual([
      'options.speed: mean has no option "speed" (it takes none)',
    ]);
    expect(problems(() => resolveOptions(nash, [1]))).toEqual([
      'options: nash: expected an object of options, got [1]',
    ]);
  });

  it('makes the same mistake the same InputError in every model run from code', () => {
    const input = makeNumericInput({ capability: [1, 2], position: [10, 80], salience: [1, 1] });
    const ctx = { rng: createRng(1), trace: false };
    for (const [model, bad] of [
      [nash, { exponent: 0 }],
      [eum, { rounds: 0 }],
      [smp, { maxTurns: 0 }],
    ] as const) {
      expect(() => model.run(input, { ...model.defaults, ...bad } as never, ctx)).toThrow(
        InputError,
      );
    }
    expect(checkOptions('eum', EUM_OPTIONS, { Q: 0.5 }).Q).toBe(0.5);
  });
});
