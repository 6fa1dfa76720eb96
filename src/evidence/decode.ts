/**
 * Bytes → text, refusing what is not an article: empty files, files over the size limit, binary
 * files (a NUL byte) and text that is not valid UTF-8. Every refusal is an {@link InputError} that
 * names the file and says what was expected.
 */
import { InputError } from '../core/errors.ts';

/** Articles over this many bytes are refused (2 MiB: a long report is ~100 KB). */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

function refuse(file: string, message: string): never {
  throw new InputError({ file, path: '', message });
}

/** Refuses a file of `size` bytes over the limit (called before reading it). */
export function checkArticleSize(size: number, file: string): void {
  if (size > MAX_ARTICLE_BYTES) {
    refuse(
      file,
      `is ${(size / 1024 / 1024).toFixed(1)} MB: articles over ${MAX_ARTICLE_BYTES / 1024 / 1024} MB are refused (pass an excerpt or split the text)`,
    );
  }
}

/** Offset of the first byte that breaks UTF-8, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let extra: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [extra, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [extra, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [extra, min] = [3, 0x10000];
    else return i;
    if (i + extra >= bytes.length) return i; // a sequence cut off by the end of the file
    let cp = b & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += extra + 1;
  }
  return -1;
}

/**
 * Decodes an article's bytes as UTF-8 text (a byte-order mark is dropped, CRLF becomes LF), or
 * throws an {@link InputError} naming `file`.
 */
export function decodeArticle(bytes: Uint8Array, file: string): string {
  checkArticleSize(bytes.length, file);
  if (bytes.length === 0) refuse(file, 'is empty: expected the text of an article');
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    refuse(
      file,
      `looks like a binary file (a NUL byte at offset ${nul}): expected plain text (UTF-8) or HTML`,
    );
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    refuse(
      file,
      `is not valid UTF-8 text (byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} at offset ${bad}): save it as UTF-8`,
    );
  }
  const text = new TextDecoder('utf-8')
    .decode(bytes)
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n');
  if (text.trim().length === 0)
    refuse(file, 'is empty (only white space): expected the text of an article');
  return text;
}
