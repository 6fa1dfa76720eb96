import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.ts';
import { optionsFromText } from '../../models/options.ts';
import { nash } from '../../models/nash.ts';
import { optionFlagPath, splitOptionPairs } from './options.ts';

describe('--option KEY=VALUE at the CLI edge', () => {
  it('splits KEY=VALUE, trimming around the key and the value', () => {
    expect(splitOptionPairs(['exponent=1.5', ' weight = capability-salience '])).toEqual([
      ['exponent', '1.5'],
      ['weight', 'capability-salience'],
    ]);
    expect(() => splitOptionPairs(['exponent'])).toThrow(InputError);
    expect(() => splitOptionPairs(['=1'])).toThrow('"=1" is not KEY=VALUE');
  });

  it('names a bad option by the flag, the models layer by options.KEY', () => {
    const pairs = splitOptionPairs(['exponent=9']);
    expect(() => optionsFromText(nash, pairs, optionFlagPath)).toThrow(
      '--option exponent: nash: "9" is not valid: expected a value in 1..8',
    );
    expect(() => optionsFromText(nash, pairs)).toThrow(/^options\.exponent: /);
  });
});
