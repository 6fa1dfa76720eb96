import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.ts';
import { checkArticleSize, decodeArticle, firstInvalidUtf8, MAX_ARTICLE_BYTES } from './decode.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const message = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    if (err instanceof InputError) return err.message;
    throw err;
  }
  return 'no error';
};

describe('decodeArticle(bytes, file)', () => {
  it('decodes UTF-8, drops a byte-order mark and turns CRLF into LF', () => {
    expect(decodeArticle(bytes('\uFEFFOne.\r\nTwo.'), 'a.txt')).toBe('One.\nTwo.');
  });
  it('refuses an empty file, naming it', () => {
    expect(message(() => decodeArticle(new Uint8Array(0), 'a.txt'))).toBe(
      'a.txt: is empty: expected the text of an article',
    );
  });
  it('refuses a file of white space only', () => {
    expect(message(() => decodeArticle(bytes(' \n\t\n'), 'a.txt'))).toMatch(
      /^a\.txt: is empty \(only white space\)/,
    );
  });
  it('refuses a binary file at its first NUL byte', () => {
    expect(
      message(() => decodeArticle(new Uint8Array([0x50, 0x4b, 0x03, 0x00, 0x01]), 'x.zip')),
    ).toBe(
      'x.zip: looks like a binary file (a NUL byte at offset 3): expected plain text (UTF-8) or HTML',
    );
  });
  it('refuses text that is not UTF-8 and says where', () => {
    // Latin-1 "café".
    expect(message(() => decodeArticle(new Uint8Array([0x63, 0x61, 0x66, 0xe9]), 'l1.txt'))).toBe(
      'l1.txt: is not valid UTF-8 text (byte 0xe9 at offset 3): save it as UTF-8',
    );
  });
  it(`refuses files over ${MAX_ARTICLE_BYTES} bytes before decoding`, () => {
    expect(message(() => checkArticleSize(5 * 1024 * 1024, 'big.txt'))).toBe(
      'big.txt: is 5.0 MB: articles over 2 MB are refused (pass an excerpt or split the text)',
    );
    expect(() => checkArticleSize(MAX_ARTICLE_BYTES, 'ok.txt')).not.toThrow();
  });
});

describe('firstInvalidUtf8(bytes)', () => {
  it('accepts multi-byte characters and rejects overlong forms, surrogates and cut sequences', () => {
    expect(firstInvalidUtf8(bytes('Seoul’s “balance” 한국 😀'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0xc0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xed, 0xa0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xe2, 0x80]))).toBe(1);
  });
});
