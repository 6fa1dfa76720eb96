/**
 * The header of a CSV table with required columns: every problem at once (a column named twice, a
 * required column missing) as file:line:col, or the column index by lower-cased name. Shared by
 * the DEU and war-joining readers.
 */
import { InputError, type Problem } from '../core/errors.ts';
import { type CsvRow, readCsv } from './csv.ts';

export interface CsvTable {
  readonly rows: CsvRow[];
  /** Column index by lower-cased, trimmed header name. */
  readonly col: Map<string, number>;
}

/** Reads `text` and checks its header; `what` names the file kind in messages ("a DEU file"). */
export function readCsvTable(
  text: string,
  file: string,
  required: readonly string[],
  what: string,
): CsvTable {
  const rows = readCsv(text);
  if (rows.length === 0) {
    throw new InputError({
      file,
      line: 1,
      column: 1,
      path: '',
      message: `empty file: expected a header with ${required.join(',')}`,
    });
  }
  const col = new Map<string, number>();
  const problems: Problem[] = [];
  rows[0]!.forEach((f, j) => {
    const name = f.text.trim().toLowerCase();
    if (col.has(name) && name !== '') {
      problems.push({
        file,
        line: f.line,
        column: f.column,
        path: name,
        message: `column "${name}" appears twice`,
      });
    }
    col.set(name, j);
  });
  for (const name of required) {
    if (!col.has(name)) {
      problems.push({
        file,
        line: 1,
        column: 1,
        path: name,
        message: `missing column "${name}"; ${what} needs ${required.join(', ')}`,
      });
    }
  }
  if (problems.length) throw new InputError(problems);
  return { rows, col };
}
