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
