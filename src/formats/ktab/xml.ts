/**
 * A small, tolerant XML reader: enough for KTAB's scenario files without a dependency. Elements,
 * attributes, text, CDATA, comments, processing instructions, a DOCTYPE (skipped) and the five
 * predefined entities plus numeric character references. Every element keeps its line and
 * column so errors can point at it. Not a validating parser: namespaces are kept in names.
 */
import { InputError } from '../../core/errors.ts';

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** The element's own text (children's text excluded), entities decoded. */
  text: string;
  readonly line: number;
  readonly column: number;
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/** Whether XML 1.0 allows code point `cp` in a document (its `Char` production). */
function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/** Parses XML text into its root element, or throws an {@link InputError} at the faulty place. */
export function parseXml(text: string, file?: string): XmlElement {
  const src = text.replace(/^\uFEFF/, '');
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const fail = (message: string, at = i): never => {
    // Recount to the failing offset so the column is exact even after multi-line constructs.
    let l = 1;
    let ls = 0;
    for (let k = 0; k < at && k < src.length; k++) {
      if (src[k] === '\n') {
        l++;
        ls = k + 1;
      }
    }
    throw new InputError({
      ...(file === undefined ? {} : { file }),
      line: l,
      column: at - ls + 1,
      path: '',
      message: `not well-formed XML: ${message}`,
    });
  };
  const advance = (to: number) => {
    for (; i < to; i++) {
      if (src.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
  };
  const decode = (raw: string, at: number): string =>
    raw.replace(/&([^;\s&<]*);?/g, (whole, ent: string, offset: number) => {
      const here = at + offset;
      if (!whole.endsWith(';')) return fail(`"&" must start an entity such as &amp;`, here);
      if (ent.startsWith('#')) {
        const hex = /^#[xX][0-9A-Fa-f]+$/.test(ent);
        if (!hex && !/^#[0-9]+$/.test(ent))
          return fail(
            `bad character reference &${ent};: expected &#DIGITS; or &#xHEX; (e.g. &#233; or &#xE9;)`,
            here,
          );
        const cp = hex ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
        if (cp > 0x10ffff)
          return fail(
            `character reference &${ent}; is beyond U+10FFFF, the last Unicode code point`,
            here,
          );
        if (!isXmlChar(cp))
          return fail(
            `character reference &${ent}; (U+${cp.toString(16).toUpperCase().padStart(4, '0')}) is not a character XML allows`,
            here,
          );
        return String.fromCodePoint(cp);
      }
      const v = ENTITIES[ent];
      return v ?? fail(`unknown entity &${ent};`, here);
    });
  const skipTo = (end: string, what: string) => {
    const k = src.indexOf(end, i);
    if (k < 0) fail(`unterminated ${what}`);
    advance(k + end.length);
  };
  const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
  const readName = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(src);
    if (!m) return fail('expected a name');
    advance(i + m[0].length);
    return m[0];
  };
  const skipSpace = () => {
    while (i < src.length && /\s/.test(src[i]!)) advance(i + 1);
  };

  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (i < src.length) {
    const lt = src.indexOf('<', i);
    const textEnd = lt < 0 ? src.length : lt;
    if (textEnd > i) {
      const raw = src.slice(i, textEnd);
      const top = stack[stack.length - 1];
      if (top) top.text += decode(raw, i);
      else if (raw.trim() !== '') fail('text outside the root element');
      advance(textEnd);
      if (lt < 0) break;
    }
    if (src.startsWith('<!--', i)) {
      skipTo('-->', 'comment');
    } else if (src.startsWith('<![CDATA[', i)) {
      const k = src.indexOf(']]>', i);
      if (k < 0) fail('unterminated CDATA section');
      const top = stack[stack.length - 1];
      if (!top) fail('CDATA outside the root element');
      top!.text += src.slice(i + 9, k);
      advance(k + 3);
    } else if (src.startsWith('<?', i)) {
      skipTo('?>', 'processing instruction');
    } else if (/^<!DOCTYPE/i.test(src.slice(i, i + 9))) {
      // A DOCTYPE is skipped; one with an internal subset ("[ … ]") would declare entities this
      // reader does not expand, so it is refused rather than half-read.
      const end = src.indexOf('>', i);
      const subset = src.indexOf('[', i);
      if (subset >= 0 && (end < 0 || subset < end))
        fail(
          'a DOCTYPE with an internal subset ("[ … ]", entity declarations) is not supported: remove the DOCTYPE',
        );
      skipTo('>', 'DOCTYPE');
    } else if (src.startsWith('<!', i)) {
      skipTo('>', 'declaration');
    } else if (src.startsWith('</', i)) {
      const at = i;
      advance(i + 2);
      const name = readName();
      skipSpace();
      if (src[i] !== '>') fail(`expected ">" to close </${name}`);
      advance(i + 1);
      const top = stack.pop();
      if (!top) fail(`closing tag </${name}> without an open element`, at);
      if (top!.name !== name)
        fail(`</${name}> closes <${top!.name}> opened at line ${top!.line}`, at);
    } else {
      const at = i;
      const elLine = line;
      const elCol = i - lineStart + 1;
      advance(i + 1);
      const name = readName();
      const attributes: Record<string, string> = {};
      for (;;) {
        skipSpace();
        if (src.startsWith('/>', i) || src[i] === '>') break;
        if (i >= src.length) fail(`unterminated tag <${name}`, at);
        const attr = readName();
        skipSpace();
        if (src[i] !== '=') fail(`expected "=" after attribute ${attr}`);
        advance(i + 1);
        skipSpace();
        const q = src[i];
        if (q !== '"' && q !== "'") fail(`attribute ${attr} needs a quoted value`);
        const end = src.indexOf(q!, i + 1);
        if (end < 0) fail(`unterminated value of attribute ${attr}`);
        attributes[attr] = decode(src.slice(i + 1, end), i + 1);
        advance(end + 1);
      }
      const el: XmlElement = {
        name,
        attributes,
        children: [],
        text: '',
        line: elLine,
        column: elCol,
      };
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(el);
      else if (root) fail(`a second root element <${name}>`, at);
      else root = el;
      if (src.startsWith('/>', i)) advance(i + 2);
      else {
        advance(i + 1);
        stack.push(el);
      }
    }
  }
  if (stack.length > 0) {
    const open = stack[stack.length - 1]!;
    fail(`<${open.name}> opened at line ${open.line} is never closed`, src.length);
  }
  if (!root) return fail('no root element', 0);
  return root;
}

/** The first child named `name` (case-insensitive, as KTAB users' files vary). */
export function child(el: XmlElement, name: string): XmlElement | undefined {
  const lower = name.toLowerCase();
  return el.children.find((c) => c.name.toLowerCase() === lower);
}

/** Every child named `name` (case-insensitive). */
export function children(el: XmlElement, name: string): XmlElement[] {
  const lower = name.toLowerCase();
  return el.children.filter((c) => c.name.toLowerCase() === lower);
}

/** Escapes text for element content or a double-quoted attribute. */
export function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
