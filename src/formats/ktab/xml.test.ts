import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.ts';
import { child, children, escapeXml, parseXml } from './xml.ts';

function errorOf(text: string): string {
  try {
    parseXml(text, 'f.xml');
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).message;
  }
  throw new Error('expected an InputError');
}

describe('parseXml, the small tolerant XML reader', () => {
  it('reads elements, attributes, text, entities, CDATA, comments, declarations', () => {
    const root = parseXml(
      '<?xml version="1.0"?>\n<!DOCTYPE x>\n<!-- hi -->\n<A k="v &amp; w">\n  <b>1 &lt; 2 &#65;&#x42;</b>\n  <B><![CDATA[<raw>]]></B>\n  <c/>\n</A>\n',
    );
    expect(root.name).toBe('A');
    expect(root.attributes).toEqual({ k: 'v & w' });
    expect(child(root, 'b')!.text).toBe('1 < 2 AB');
    expect(children(root, 'B').map((e) => e.text)).toEqual(['1 < 2 AB', '<raw>']);
    expect(child(root, 'c')).toMatchObject({ children: [], text: '', line: 7, column: 3 });
  });
  it('escapeXml round-trips through the reader', () => {
    const s = `a & b < c > d "e" 'f'`;
    expect(parseXml(`<x a="${escapeXml(s)}">${escapeXml(s)}</x>`)).toMatchObject({
      text: s,
      attributes: { a: s },
    });
  });
  it('mismatched tags are reported where they close', () => {
    expect(errorOf('<a>\n  <b></c>\n</a>')).toBe(
      'f.xml:2:6: not well-formed XML: </c> closes <b> opened at line 2',
    );
  });
  it('an unclosed element is reported', () => {
    expect(errorOf('<a>\n<b>')).toBe(
      'f.xml:2:4: not well-formed XML: <b> opened at line 2 is never closed',
    );
  });
  it('unknown entities, stray text and second roots are errors', () => {
    expect(errorOf('<a>&nbsp;</a>')).toBe('f.xml:1:4: not well-formed XML: unknown entity &nbsp;');
    expect(errorOf('hello <a/>')).toBe(
      'f.xml:1:1: not well-formed XML: text outside the root element',
    );
    expect(errorOf('<a/><b/>')).toBe('f.xml:1:5: not well-formed XML: a second root element <b>');
    expect(errorOf('')).toBe('f.xml:1:1: not well-formed XML: no root element');
  });
});

describe('parseXml: character references and DOCTYPE (issue 17)', () => {
  it('decodes decimal and hex references to any XML character, astral ones too', () => {
    expect(parseXml('<a>&#233;&#xE9;&#x1F600;&#9;</a>').text).toBe('éé😀\t');
  });
  it('refuses references beyond U+10FFFF, to non-characters, or malformed, at their column', () => {
    expect(errorOf('<a>\n  x &#x110000;</a>')).toBe(
      'f.xml:2:5: not well-formed XML: character reference &#x110000; is beyond U+10FFFF, the last Unicode code point',
    );
    expect(errorOf('<a b="&#0;"/>')).toBe(
      'f.xml:1:7: not well-formed XML: character reference &#0; (U+0000) is not a character XML allows',
    );
    expect(errorOf('<a>&#xD800;</a>')).toMatch(/1:4: .*\(U\+D800\) is not a character XML allows/);
    expect(errorOf('<a>&#xFFFE;</a>')).toMatch(/\(U\+FFFE\) is not a character XML allows/);
    expect(errorOf('<a>&#12zz;</a>')).toMatch(/1:4: .*bad character reference &#12zz;: expected/);
    expect(errorOf('<a>&#99999999999999999999;</a>')).toMatch(/is beyond U\+10FFFF/);
  });
  it('refuses a DOCTYPE with an internal subset; skips one without', () => {
    expect(errorOf('<?xml version="1.0"?>\n<!DOCTYPE a [\n<!ENTITY e "x">\n]>\n<a>&e;</a>')).toBe(
      'f.xml:2:1: not well-formed XML: a DOCTYPE with an internal subset ("[ … ]", entity declarations) is not supported: remove the DOCTYPE',
    );
    expect(parseXml('<!DOCTYPE a SYSTEM "a.dtd">\n<a>1</a>').text).toBe('1');
  });
});
