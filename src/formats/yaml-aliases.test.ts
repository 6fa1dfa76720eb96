import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { InputError } from '../core/errors.ts';
import { parseScenarioText } from './scenario-file.ts';
import { MAX_ALIAS_VALUES, aliasProblems } from './yaml-aliases.ts';

const problems = (text: string) => aliasProblems(parseDocument(text));

function errorOf(text: string): string {
  try {
    parseScenarioText(text, 'x.yaml');
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).message;
  }
  throw new Error('expected an InputError');
}

describe('aliasProblems: YAML aliases checked before expansion', () => {
  it('accepts documents without aliases, and ordinary aliases', () => {
    expect(problems('a: 1\nb: [1, 2]\n')).toEqual([]);
    expect(problems('a: &x { value: 3, low: 2 }\nb: *x\nc: *x\n')).toEqual([]);
  });
  it('accepts an alias used hundreds of times (the library alone refused more than 100)', () => {
    const text = `base: &m { value: 50, low: 40, high: 60 }\nlist: [${Array(500).fill('*m').join(', ')}]\n`;
    expect(problems(text)).toEqual([]);
  });
  it('refuses an alias before (or without) its anchor, at the alias', () => {
    expect(problems('a: *x\nb: &x 1\n')).toEqual([
      { offset: 3, message: 'not valid YAML: alias *x has no anchor &x before it' },
    ]);
  });
  it('refuses an alias inside the node it names (a cycle)', () => {
    const [p] = problems('a: &x [1, *x]\n');
    expect(p?.message).toMatch(/alias \*x is inside the node &x it names \(a cycle\)/);
    expect(p?.offset).toBe(10);
    expect(errorOf('id: &x { self: *x }\n')).toMatch(/^x\.yaml:1:16: alias \*x is inside/);
  });
  it('refuses aliases that expand beyond the limit, at the alias that expands the most', () => {
    const levels = ['a: &a [1,1,1,1,1,1,1,1,1,1]'];
    for (let k = 1; k < 6; k++)
      levels.push(
        `l${k}: &l${k} [${Array(10)
          .fill(k === 1 ? '*a' : `*l${k - 1}`)
          .join(',')}]`,
      );
    const [p] = problems(levels.join('\n'));
    expect(p?.message).toContain(`more than ${MAX_ALIAS_VALUES.toLocaleString('en-US')} values`);
    expect(errorOf(levels.join('\n'))).toMatch(/^x\.yaml:6:\d+: aliases expand/);
  });
});
