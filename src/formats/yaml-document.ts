/**
 * YAML or JSON text → a plain value and a `locate` from field paths to line:col, with every
 * problem of the text itself (UTF-16 read as UTF-8, syntax, undefined or exploding aliases) as an
 * {@link InputError} naming the file, line and column. Shared by scenario files and overlays, so
 * both get the same protection (yaml-aliases.ts).
 */
import { parseDocument } from 'yaml';
import { InputError, type Problem } from '../core/errors.ts';
import { LineCounter, locator } from './locate.ts';
import { readPlainYaml } from './plain-yaml.ts';
import { aliasProblems } from './yaml-aliases.ts';

/** Maps a field path to its place in the file. */
export type Locate = (
  path: readonly (string | number)[],
  preferKey?: boolean,
) => Omit<Problem, 'path' | 'message'>;

export function readYamlDocument(text: string, file?: string): { raw: unknown; locate: Locate } {
  const at = file === undefined ? {} : { file };
  // UTF-16 read as UTF-8 (or sent as such) shows up as a NUL between every ASCII character.
  if (text.includes('\u0000')) {
    throw new InputError({
      ...at,
      path: '',
      message:
        'the text contains NUL characters: is it UTF-16? Save it as UTF-8 (files starting with a UTF-16 byte-order mark are read as UTF-16)',
    });
  }
  // Most files are plain YAML (or JSON) that plain-yaml.ts reads in milliseconds, giving the
  // library's value; the library then runs only if a problem needs a line and column.
  const plain = readPlainYaml(text);
  if (plain !== undefined) return { raw: plain.value, locate: lazyLocate(text, file) };
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const locate = locator(doc, lines, file);
  if (doc.errors.length > 0) {
    throw new InputError(
      doc.errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        return {
          ...at,
          line: pos.line,
          column: pos.col,
          path: '',
          message: `not valid YAML/JSON: ${e.message.split('\n')[0]}`,
        };
      }),
    );
  }
  const aliases = aliasProblems(doc);
  if (aliases.length > 0) {
    throw new InputError(
      aliases.map((p) => {
        const pos = lines.linePos(p.offset);
        return { ...at, line: pos.line, column: pos.col, path: '', message: p.message };
      }),
    );
  }
  let raw: unknown;
  try {
    // aliasProblems bounded the expansion, so the library's own alias count is not needed.
    raw = doc.toJS({ maxAliasCount: -1 });
  } catch (err) {
    // Not expected after the checks above; a YAML construct the checks miss is still the
    // file's problem, not a crash.
    throw new InputError({ ...at, path: '', message: `not valid YAML/JSON: ${String(err)}` });
  }
  return { raw, locate };
}

/** A {@link Locate} that parses `text` with the library the first time it is asked. */
export function lazyLocate(text: string, file: string | undefined): Locate {
  let located: Locate | undefined;
  return (path, preferKey) => {
    if (!located) {
      const lines = new LineCounter();
      const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
      located = locator(doc, lines, file);
    }
    return located(path, preferKey);
  };
}
