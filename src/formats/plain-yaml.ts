/**
 * A fast reader for the plain YAML most scenario files are written in (what `entente import`
 * and `scenarioToYaml` write, and what people write by hand): block mappings and sequences
 * indented with spaces, one-line plain, single- and double-quoted scalars, one-line flow
 * collections (`[a, b]`, `{id: x, min: 0}`), comments; and JSON text. It gives exactly the value the
 * `yaml` library's `parseDocument(…).toJS()` gives (YAML 1.2 core schema), or `undefined` as soon
 * as the text holds anything else (anchors, tags, block scalars, multi-line scalars, duplicate
 * keys, tabs, odd characters, anything the library would warn about or refuse), and the caller
 * parses it with the library: so every message, line and column still come from the library, and
 * this reader only has to be right about the texts it accepts (test/plain-yaml.test.ts checks it
 * against the library on the built-in scenarios and on generated and mutated texts).
 *
 * Why: the library parses a 50-actor KTAB scenario (50 KB) in ≈ 0.15 s in a new process, most of
 * a one-shot `entente forecast`; this reader takes a few milliseconds. Pure: no I/O.
 */

/** What {@link readPlainYaml} found: the value, boxed (a document may be `null`). */
export interface PlainYaml {
  readonly value: unknown;
}

/** A character the reader does not take on (the library may, with its own rules). */
// Controls other than LF, tab, DEL and C1 controls, NEL and the Unicode line separators, BOM,
// non-characters; tabs and CR too (indentation and line-folding rules it does not model).
// eslint-disable-next-line no-control-regex
const UNSUPPORTED_CHAR = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;

/** A plain key the core schema reads as a string (not a number, bool or null). */
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_\-./]*$/;
const NOT_STRING_KEYS = new Set([
  'null',
  'Null',
  'NULL',
  'true',
  'True',
  'TRUE',
  'false',
  'False',
  'FALSE',
  '__proto__',
]);

// The YAML 1.2 core schema, as the library resolves plain scalars (yaml/dist/schema/core).
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** Octal, hex, .inf and .nan: valid, rare, left to the library. */
const OTHER_NUMBER = /^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
/** Long integers: JSON.parse and the library's parseInt might round them differently. */
const LONG_INTEGER = /(?<![.0-9])[0-9]{16,}(?![.0-9eE])/;

/** Thrown inside the reader when the text is outside its subset; never escapes it. */
class Unsupported extends Error {}
const UNSUPPORTED = new Unsupported('outside the plain subset');

/**
 * The value of `text` as the `yaml` library would give it, or `undefined` when the text is
 * outside the subset this reader takes (the caller then uses the library).
 */
export function readPlainYaml(text: string): PlainYaml | undefined {
  if (UNSUPPORTED_CHAR.test(text)) return undefined;
  try {
    const first = text.search(/\S/);
    if (first >= 0 && (text[first] === '{' || text[first] === '[')) return readJson(text);
    return { value: new BlockReader(text).document() };
  } catch {
    // Outside the subset, or nested deeper than the stack allows: the library's turn.
    return undefined;
  }
}

/** A plain scalar's value under the core schema; throws for forms left to the library. */
function plainValue(s: string): unknown {
  if (NULL.test(s)) return null;
  if (BOOL.test(s)) return s[0] === 't' || s[0] === 'T';
  const c = s.charCodeAt(0);
  // Only a digit, sign or dot can start a number.
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) {
    if (OTHER_NUMBER.test(s)) throw UNSUPPORTED;
    if (INT.test(s)) return parseInt(s, 10);
    if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
  }
  return s;
}

/** Characters that may not start a plain scalar (or that start a form left to the library). */
const INDICATOR = new Set([...'-?:,[]{}#&*!|>\'"%@`']);

/**
 * A one-line plain scalar in block context, `s` already cut at its comment and trimmed: its
 * value. Refuses what would make the library see more structure (`: `, a trailing `:`).
 */
function blockPlain(s: string): unknown {
  const c = s[0]!;
  if (INDICATOR.has(c) && !(c === '-' && s.length > 1 && s[1] !== ' ')) throw UNSUPPORTED;
  if (s.includes(': ') || s.endsWith(':')) throw UNSUPPORTED;
  return plainValue(s);
}

/**
 * `s` without its trailing spaces. Only spaces: the library keeps other white space (no-break and
 * Unicode spaces are part of a scalar), where `String.prototype.trimEnd` would drop it.
 */
function trimSpaces(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 32) end--;
  return s.slice(0, end);
}

/** Index of the comment in `line` from `from` on (a `#` after a space), or the line's length. */
function commentAt(line: string, from: number): number {
  for (let i = line.indexOf('#', from); i >= 0; i = line.indexOf('#', i + 1)) {
    if (i === from || line[i - 1] === ' ') return i;
  }
  return line.length;
}

/** Reads a quoted scalar starting at `line[at]`; returns its value and the index after it. */
function quoted(line: string, at: number): [string, number] {
  const q = line[at]!;
  if (q === "'") {
    let out = '';
    let i = at + 1;
    for (;;) {
      const j = line.indexOf("'", i);
      if (j < 0) throw UNSUPPORTED; // continues on the next line
      out += line.slice(i, j);
      if (line[j + 1] === "'") {
        out += "'";
        i = j + 2;
        continue;
      }
      return [out, j + 1];
    }
  }
  let out = '';
  let i = at + 1;
  for (;;) {
    const j = line.slice(i).search(/["\\]/);
    if (j < 0) throw UNSUPPORTED; // continues on the next line
    out += line.slice(i, i + j);
    i += j;
    if (line[i] === '"') return [out, i + 1];
    const e = line[i + 1];
    const simple = e === undefined ? undefined : ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      i += 2;
    } else if (e === 'u') {
      const hex = line.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw UNSUPPORTED;
      out += String.fromCodePoint(parseInt(hex, 16));
      i += 6;
    } else throw UNSUPPORTED;
  }
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  '"': '"',
  '/': '/',
  '\\': '\\',
};

/** After a scalar ended at `i`: nothing but spaces and a comment may follow. */
function expectEnd(line: string, i: number): void {
  const rest = line.slice(i);
  if (/^ *$/.test(rest) || /^ +#/.test(rest)) return;
  throw UNSUPPORTED;
}

/**
 * A one-line flow collection from `line[at]` (`[` or `{`): sequences and mappings of scalars and
 * of each other, `[a, 'b', 2]`, `{id: x, scale: {min: 0, max: 1}}`. Returns the value and the
 * index after it. Refuses comments, plain scalars with `:` or `#`, keys without values, empty
 * entries and trailing commas, pairs inside sequences, and anything spanning lines.
 */
function flowCollection(line: string, at: number): [unknown, number] {
  let i = at;
  const skip = () => {
    while (line[i] === ' ') i++;
  };
  /** A scalar or a nested collection at `i`. */
  const node = (): unknown => {
    skip();
    const c = line[i];
    if (c === '[' || c === '{') {
      const [v, end] = flowCollection(line, i);
      i = end;
      return v;
    }
    if (c === "'" || c === '"') {
      const [v, end] = quoted(line, i);
      i = end;
      return v;
    }
    let j = i;
    while (j < line.length && !',[]{}#:'.includes(line[j]!)) j++;
    const s = trimSpaces(line.slice(i, j));
    if (s === '' || (INDICATOR.has(s[0]!) && !(s[0] === '-' && s.length > 1 && s[1] !== ' '))) {
      throw UNSUPPORTED;
    }
    i = j;
    return plainValue(s);
  };
  /** After an entry: `,` and another (true), or the closing bracket (false). */
  const more = (close: string): boolean => {
    skip();
    if (line[i] === ',') {
      i++;
      skip();
      if (line[i] === close) throw UNSUPPORTED; // a trailing comma
      return true;
    }
    if (line[i] === close) {
      i++;
      return false;
    }
    throw UNSUPPORTED; // a comment, a pair, or the next line
  };
  i++;
  skip();
  if (line[at] === '[') {
    const out: unknown[] = [];
    if (line[i] === ']') return [out, i + 1];
    do out.push(node());
    while (more(']'));
    return [out, i];
  }
  const out: Record<string, unknown> = {};
  if (line[i] === '}') return [out, i + 1];
  const seen = new Set<string>();
  do {
    skip();
    let key: string;
    if (line[i] === "'" || line[i] === '"') [key, i] = quoted(line, i);
    else {
      const j = line.indexOf(':', i);
      if (j < 0) throw UNSUPPORTED;
      key = line.slice(i, j);
      if (!PLAIN_KEY.test(key) || NOT_STRING_KEYS.has(key)) throw UNSUPPORTED;
      i = j;
    }
    if (line[i] !== ':' || line[i + 1] !== ' ' || key === '__proto__' || seen.has(key)) {
      throw UNSUPPORTED;
    }
    if (key.length > 1000) {
      // The library bounds implicit keys (1,024 characters).
      throw UNSUPPORTED;
    }
    seen.add(key);
    i++;
    out[key] = node();
  } while (more('}'));
  return [out, i];
}

/** Block-style YAML, line by line. */
class BlockReader {
  readonly #lines: string[];
  /** Index of the current line (the next one not consumed). */
  #at = 0;

  constructor(text: string) {
    this.#lines = text.split('\n');
  }

  /** Skips blank and comment-only lines; the indentation of the next content line, or -1. */
  #peek(): number {
    const lines = this.#lines;
    while (this.#at < lines.length) {
      const line = lines[this.#at]!;
      let n = 0;
      while (line.charCodeAt(n) === 32) n++;
      if (n === line.length || line[n] === '#') {
        this.#at++;
        continue;
      }
      return n;
    }
    return -1;
  }

  document(): unknown {
    const n = this.#peek();
    if (n !== 0) throw UNSUPPORTED; // empty, or indented as a whole
    const line = this.#lines[this.#at]!;
    if (line.startsWith('---') || line.startsWith('...') || line[0] === '%') throw UNSUPPORTED;
    const value = this.#isItem(line, 0) ? this.#sequence(0) : this.#mapping(0);
    if (this.#peek() !== -1) throw UNSUPPORTED; // something the blocks above did not take
    return value;
  }

  /** Whether `line` at indentation `n` is a sequence item (`- …` or a lone `-`). */
  #isItem(line: string, n: number): boolean {
    return line[n] === '-' && (n + 1 === line.length || line[n + 1] === ' ');
  }

  /** A key at `line[at]` (`key:` followed by a space or the end): [key, index after the colon]. */
  #key(line: string, at: number): [string, number] | undefined {
    let key: string;
    let i: number;
    const c = line[at];
    if (c === "'" || c === '"') {
      [key, i] = quoted(line, at);
      if (line[i] !== ':') return undefined;
    } else {
      i = line.indexOf(':', at);
      if (i < 0) return undefined;
      key = line.slice(at, i);
      if (!PLAIN_KEY.test(key)) return undefined;
      if (NOT_STRING_KEYS.has(key)) throw UNSUPPORTED;
    }
    if (i + 1 < line.length && line[i + 1] !== ' ') return undefined;
    if (key === '__proto__' || i - at > 1000) throw UNSUPPORTED;
    return [key, i + 1];
  }

  /** A block mapping whose keys sit at indentation `n`; the first key is on the current line. */
  #mapping(n: number, firstAt = n): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const seen = new Set<string>();
    let at = firstAt;
    for (;;) {
      const line = this.#lines[this.#at]!;
      const k = this.#key(line, at);
      if (!k) throw UNSUPPORTED;
      const [key, after] = k;
      if (seen.has(key)) throw UNSUPPORTED; // the library refuses duplicate keys
      seen.add(key);
      out[key] = this.#value(line, after, n, true);
      const next = this.#peek();
      if (next < n) return out;
      if (next > n) throw UNSUPPORTED;
      const nextLine = this.#lines[this.#at]!;
      if (this.#isItem(nextLine, n)) {
        // A sequence item at the mapping's own indentation ends it only where the mapping is
        // itself a sequence item's content (then the item's sequence sits further left).
        throw UNSUPPORTED;
      }
      at = n;
    }
  }

  /** A block sequence whose `-` sit at indentation `n`, from the current line. */
  #sequence(n: number): unknown[] {
    const out: unknown[] = [];
    for (;;) {
      const line = this.#lines[this.#at]!;
      if (!this.#isItem(line, n)) throw UNSUPPORTED;
      let i = n + 1;
      while (line[i] === ' ') i++;
      if (i < line.length && line[i] !== '#' && this.#key(line, i)) {
        // `- key: value`: a mapping whose keys sit at the first key's column.
        out.push(this.#mapping(i, i));
      } else {
        out.push(this.#value(line, n + 1, n, false));
      }
      const next = this.#peek();
      if (next < n) return out;
      if (next > n) throw UNSUPPORTED;
      if (!this.#isItem(this.#lines[this.#at]!, n)) return out; // a key of the parent mapping
    }
  }

  /**
   * The value after a key's colon (or an item's dash) at `line[from]`, the key or dash at
   * indentation `n`: on the line itself, or the block on the lines below. `inMap`: a mapping's
   * value may be a sequence at the key's own indentation.
   */
  #value(line: string, from: number, n: number, inMap: boolean): unknown {
    let i = from;
    while (line[i] === ' ') i++;
    this.#at++;
    if (i === line.length || line[i] === '#') {
      const next = this.#peek();
      if (next > n) {
        const nextLine = this.#lines[this.#at]!;
        return this.#isItem(nextLine, next) ? this.#sequence(next) : this.#mapping(next);
      }
      if (next === n && inMap && this.#isItem(this.#lines[this.#at]!, n)) return this.#sequence(n);
      return null;
    }
    let value: unknown;
    const c = line[i];
    if (c === "'" || c === '"') {
      const [v, end] = quoted(line, i);
      expectEnd(line, end);
      value = v;
    } else if (c === '[' || c === '{') {
      const [v, end] = flowCollection(line, i);
      expectEnd(line, end);
      value = v;
    } else {
      value = blockPlain(trimSpaces(line.slice(i, commentAt(line, i))));
    }
    // A more indented line below would continue the scalar (or be an error): the library's call.
    if (this.#peek() > n) throw UNSUPPORTED;
    return value;
  }
}

/**
 * JSON text: `JSON.parse` gives the library's value unless a key repeats (the library refuses
 * it, JSON.parse keeps the last), a key is `__proto__`, or a number is long enough to round two
 * ways; those, and anything JSON.parse refuses, are left to the library.
 */
function readJson(text: string): PlainYaml | undefined {
  if (text.includes('__proto__') || LONG_INTEGER.test(text)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  // Every key the text writes (a string followed by a colon) must be a key of the value.
  let written = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) !== 34) continue;
    const start = i;
    for (i++; text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92) i++;
    let j = i + 1;
    while (text[j] === ' ') j++;
    if (text[j] === ':') {
      if (i - start > 1000) return undefined; // an implicit key the library finds too long
      written++;
    } else if (text[j] === '\n') {
      while (text[j] === ' ' || text[j] === '\n') j++;
      if (text[j] === ':') return undefined; // a key's colon on another line: not YAML
    }
  }
  return countKeys(value) === written ? { value } : undefined;
}

function countKeys(v: unknown): number {
  if (Array.isArray(v)) return v.reduce((n: number, x) => n + countKeys(x), 0);
  if (v === null || typeof v !== 'object') return 0;
  let n = 0;
  for (const x of Object.values(v)) n += 1 + countKeys(x);
  return n;
}
