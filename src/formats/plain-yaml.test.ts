/**
 * The fast reader (plain-yaml.ts) against the `yaml` library it stands in for: whenever it
 * accepts a text, the library must read the same text without an error or warning and give the
 * same value (deep, strict: -0, key order, types); otherwise it must decline. Checked on every
 * YAML/JSON file of the repository's scenarios and fixtures, on texts the library writes, on
 * a grammar of small block documents, and on random edits of real files.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseDocument, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.ts';
import { readPlainYaml } from './plain-yaml.ts';
import { readYamlDocument } from './yaml-document.ts';

const ROOT = join(import.meta.dirname, '..', '..');
/** Cases per property; `npm run fuzz` (ENTENTE_FUZZ_RUNS) runs more. */
const RUNS = Number(process.env.ENTENTE_FUZZ_RUNS ?? 800);
const TIMEOUT = Math.max(30_000, RUNS * 20);

/** The library's reading, as readYamlDocument uses it; `ok` when it has nothing to say. */
function library(text: string): { ok: boolean; value?: unknown } {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return { ok: false };
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: -1 }) };
  } catch {
    return { ok: false };
  }
}

/** The reader's contract on one text: declined, or the library's value. Returns the verdict. */
function agrees(text: string): 'declined' | 'same' | 'differs' {
  const plain = readPlainYaml(text);
  if (plain === undefined) return 'declined';
  const lib = library(text);
  return lib.ok && isDeepStrictEqual(plain.value, lib.value) ? 'same' : 'differs';
}

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ya?ml|json)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

describe('readPlainYaml', () => {
  it("gives the library's value for every scenario and fixture it accepts, and accepts the built-ins", () => {
    const files = [...filesUnder('scenarios'), ...filesUnder('test/fixtures')];
    expect(files.length).toBeGreaterThan(8);
    const verdicts = files.map((f) => [f, agrees(readFileSync(f, 'utf8'))] as const);
    expect(verdicts.filter(([, v]) => v === 'differs')).toEqual([]);
    // The fast path is the one real files take (else it would save nothing).
    for (const [f, v] of verdicts)
      if (f.includes('/scenarios/')) expect([f, v]).toEqual([f, 'same']);
    expect(verdicts.filter(([, v]) => v === 'same').length).toBeGreaterThan(files.length * 0.8);
  });

  it('reads scalars as the core schema does', () => {
    const text = [
      'a: 1',
      'b: -2.50',
      'c: 1e3',
      'd: .5',
      'e: -0',
      'f: true',
      'g: False',
      'h: ~',
      'i:',
      'j: null',
      'k: 2025-06-01',
      'l: 1_000',
      'm: http://x.org/a#b',
      "n: 'it''s'",
      'o: "tab\\tnew\\nline \\u00e9"',
      'p: a, b ] c',
      'q: [1, x y, "z", [2]]',
      'r: {min: 0, max: 1e2, tags: []}',
      's: plain # comment',
      "'quoted key': 1",
      '"": empty key',
      't: 0.1000',
      'u: no-break\u00a0',
      'v: ideographic\u3000 # comment',
      'w: [a\u00a0, b]',
    ].join('\n');
    expect(agrees(text)).toBe('same');
    const v = readPlainYaml(text)!.value as Record<string, unknown>;
    expect(Object.is(v.e, -0)).toBe(true);
    expect(v.k).toBe('2025-06-01');
    expect(v.l).toBe('1_000');
    expect(v.m).toBe('http://x.org/a#b');
    expect(v.o).toBe('tab\tnew\nline é');
    expect(v.r).toEqual({ min: 0, max: 100, tags: [] });
    // Only spaces are trimmed: other white space belongs to the scalar, as in the library.
    expect(v.u).toBe('no-break\u00a0');
    expect(v.v).toBe('ideographic\u3000');
    expect(v.w).toEqual(['a\u00a0', 'b']);
  });

  it('reads the nesting forms people write', () => {
    const text = `# header
top:
  list:
  - a
  -   b: 1
      c: [x]
  -
    - nested
  - - bad
`;
    expect(agrees(text)).toBe('declined'); // `- - bad` is left to the library
    const ok = text.replace('  - - bad\n', '');
    expect(agrees(ok)).toBe('same');
    expect(readPlainYaml(ok)!.value).toEqual({
      top: { list: ['a', { b: 1, c: ['x'] }, ['nested']] },
    });
    expect(agrees('- a: 1\n  b:\n  - x\n- c: 2\n')).toBe('same');
    expect(agrees('a:\n    deep: 1\nb: 2\n')).toBe('same');
  });

  it.each([
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a block scalar', 'a: |\n  text\n'],
    ['a folded scalar', 'a: >-\n  text\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['a multi-line quoted scalar', "a: 'one\n  two'\n"],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a duplicate flow key', 'a: {b: 1, b: 2}\n'],
    ['a nested mapping on one line', 'a: b: c\n'],
    ['tab indentation', 'a:\n\tb: 1\n'],
    ['CRLF line ends', 'a: 1\r\nb: 2\r\n'],
    ['a byte-order mark', '\ufeffa: 1\n'],
    ['a document marker', '---\na: 1\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['hex and octal', 'a: 0x1F\n'],
    ['.inf', 'a: .inf\n'],
    ['a non-string key', 'true: 1\n'],
    ['a number key', '2025: 1\n'],
    ['__proto__', '__proto__: 1\n'],
    ['a trailing flow comma', 'a: [1, 2,]\n'],
    ['a key without value in flow', 'a: {b}\n'],
    ['a pair in a flow sequence', 'a: [b: 1]\n'],
    ['a flow collection over lines', 'a: [1,\n  2]\n'],
    ['a comment without a space', "a: 'x'#c\n"],
    ['an unknown escape', 'a: "\\q"\n'],
    ['mixed indentation', 'a:\n  b: 1\n c: 2\n'],
    ['an item where a key belongs', 'a: 1\n- b\n'],
    ['an indented document', '  a: 1\n'],
    ['an empty document', '# nothing\n'],
    ['JSON with a repeated key', '{"a": 1, "a": 2}'],
    ['JSON with a long integer', '{"a": 12345678901234567890}'],
    ['JSON with __proto__', '{"__proto__": {}}'],
    ['JSON with a colon on the next line', '{"a"\n: 1}'],
    ['broken JSON', '{"a": 1,}'],
  ])('leaves %s to the library', (_what, text) => {
    expect(readPlainYaml(text)).toBeUndefined();
  });

  it('reads JSON as the library does', () => {
    const value = {
      id: 'x',
      n: [0, -0, 1.5, 1e21, 1e-7, 2 ** 40, true, null, ''],
      s: 'a: b # c \u00e9 "q" \\ \n',
      o: { toString: 1, '': [{}, []] },
    };
    for (const text of [
      JSON.stringify(value),
      JSON.stringify(value, null, 2),
      JSON.stringify(value, null, 1).replace(/\n +/g, '\n'),
    ]) {
      expect(agrees(text)).toBe('same');
    }
  });

  it(
    'agrees with the library on texts the library writes',
    () => {
      const rng = createRng(5);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)]!;
      const strings = [
        'a',
        'b c',
        'a: b',
        '# x',
        "it's",
        'é',
        'true',
        '1',
        '- x',
        '[x]',
        '',
        'x#y',
      ];
      const value = (depth: number): unknown => {
        const r = rng.next();
        if (depth > 3 || r < 0.4)
          return pick([0, -0, 1, -2.5, 1e21, 0.1, true, false, null, ...strings]);
        if (r < 0.7)
          return Array.from({ length: Math.floor(rng.next() * 4) }, () => value(depth + 1));
        const o: Record<string, unknown> = {};
        for (let i = 0; i < Math.floor(rng.next() * 4); i++) o[pick(strings)] = value(depth + 1);
        return o;
      };
      let same = 0;
      for (let n = 0; n < RUNS / 5; n++) {
        const v = { root: value(0), list: [value(1)] };
        for (const text of [
          JSON.stringify(v, null, 2),
          stringify(v),
          stringify(v, { collectionStyle: 'flow' }),
          stringify(v, { indentSeq: false, defaultStringType: 'QUOTE_SINGLE' }),
        ]) {
          const verdict = agrees(text);
          expect(verdict, text).not.toBe('differs');
          if (verdict === 'same') same++;
        }
      }
      expect(same).toBeGreaterThan(RUNS / 5);
    },
    TIMEOUT,
  );

  it(
    'agrees with the library on a grammar of small documents and on edited real files',
    () => {
      const rng = createRng(11);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)]!;
      const keys = ['a', 'b', 'id', 'k-1', 'a.b', "'q'", '"d q"', 'true', 'toString', "''", 'Yes'];
      const values = [
        ...['', '1', '-2', '0.5', '.5', '1e3', '07', '0x1f', '.nan', 'False', '~', 'abc', 'a b'],
        ...['a:b', 'a: b', 'a #c', 'a#c', "'s'", "'it''s'", '"d\\n"', '"\\x41"', '[]', '{}'],
        ...['[a, [b]]', '{a: 1, b: [2]}', '{a: 1, a: 2}', '[a,]', '# c', '- x', '-', '-x', '*x'],
        ...['&x v', '!!str 1', '|', '"open', 'x ]', '12345678901234567890', '-0', '+.5e+3'],
        ...['x\u00a0', '\u00a0x', "'q'\u00a0", '[a\u3000, b]', 'é ü', '😀'],
      ];
      let same = 0;
      for (let n = 0; n < RUNS; n++) {
        const lines: string[] = [];
        let indent = 0;
        for (let l = 0, count = 1 + Math.floor(rng.next() * 7); l < count; l++) {
          const r = rng.next();
          if (l > 0) indent = Math.max(0, indent + (r < 0.5 ? 0 : r < 0.75 ? 2 : -2));
          const form = rng.next();
          const body =
            form < 0.45
              ? `${pick(keys)}:${pick(['', ' ', '  '])}${pick(values)}`
              : form < 0.7
                ? `- ${pick(keys)}: ${pick(values)}`
                : form < 0.85
                  ? `- ${pick(values)}`
                  : pick(['# comment', '', '-', '---', ...values]);
          lines.push(' '.repeat(indent) + body + (rng.next() < 0.1 ? pick([' # c', ':']) : ''));
        }
        const text = lines.join('\n');
        const verdict = agrees(text);
        expect(verdict, text).not.toBe('differs');
        if (verdict === 'same') same++;
      }
      expect(same).toBeGreaterThan(RUNS / 20);

      const seeds = ['scenarios/ec-car-emissions-1994.yaml', 'test/fixtures/good.yaml'].map((f) =>
        readFileSync(join(ROOT, f), 'utf8'),
      );
      const tokens = [' ', ':', ': ', '- ', '#', ' #', "'", '"', '[', ']', '{', '}', ',', '\n'];
      tokens.push('\n  ', '&a', '*a', '!', '|', '>', '?', 'x', '0', 'null', '\\', '---', '\t');
      tokens.push('\u00a0', '\u3000', '\u2003', '\u0085', '\u2028', '\ufeff', '\r\n');
      for (let n = 0; n < RUNS / 3; n++) {
        let text = pick(seeds);
        for (let e = 0, edits = 1 + Math.floor(rng.next() * 3); e < edits; e++) {
          const at = Math.floor(rng.next() * text.length);
          const cut = rng.next() < 0.5 ? 0 : 1 + Math.floor(rng.next() * 3);
          text = text.slice(0, at) + (rng.next() < 0.8 ? pick(tokens) : '') + text.slice(at + cut);
        }
        expect(agrees(text), text).not.toBe('differs');
      }
    },
    TIMEOUT,
  );
});

describe('readYamlDocument through the fast reader', () => {
  it("places problems by the library's reading when asked", () => {
    const { raw, locate } = readYamlDocument('a: 1\nlist:\n  - x: 1\n    y: [2, 3]\n', 'f.yaml');
    expect(raw).toEqual({ a: 1, list: [{ x: 1, y: [2, 3] }] });
    expect(locate(['list', 0, 'y', 1])).toEqual({ file: 'f.yaml', line: 4, column: 12 });
    expect(locate(['list', 0, 'y'], true)).toEqual({ file: 'f.yaml', line: 4, column: 5 });
  });
});
