/**
 * Reading text files for the shells (CLI and server): UTF-8 or UTF-16 with a byte-order mark,
 * with a missing or unreadable file as an input error naming it.
 */
import { readFileSync, statSync } from 'node:fs';
import { InputError } from '../core/errors.ts';
import { checkBytes } from '../core/limits.ts';

/**
 * Text from a file's bytes: UTF-8, or UTF-16 when the file starts with a UTF-16 byte-order mark
 * (what some Windows editors save). A UTF-16 file that is not valid UTF-16 is an input error.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (!le && !be) return Buffer.from(bytes).toString('utf8');
  try {
    return new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError({
      file,
      path: '',
      message: 'starts as UTF-16 but is not valid UTF-16: save it as UTF-8',
    });
  }
}

/** Reads a text file, turning a missing or unreadable file into an input error naming it. */
export function readTextFile(file: string): string {
  let bytes: Buffer;
  let size = 0;
  try {
    const stat = statSync(file);
    if (stat.isFile()) size = stat.size;
  } catch {
    // Reported by the read below, with the reason.
  }
  // Refused by its size before a byte is read (ENTENTE_MAX_BYTES).
  checkBytes(size, file);
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory, expected a file'
          : `cannot be read (${code ?? 'error'})`;
    throw new InputError({ file, path: '', message: why });
  }
  return decodeText(bytes, file);
}
