/**
 * A small RFC 4180 CSV reader that keeps each field's line and column, so errors can point at
 * the field. Quoted fields, doubled quotes, CRLF, a BOM and blank lines are handled.
 */
export interface CsvField {
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

export type CsvRow = CsvField[];

export function readCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let row: CsvRow = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = i;
  const n = text.length;
  let atRowStart = true;
  while (i < n) {
    const startLine = line;
    const startCol = i - lineStart + 1;
    let value = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= n) break;
        const ch = text[i]!;
        if (ch === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (ch === '\n') {
          line++;
          lineStart = i + 1;
        }
        value += ch;
        i++;
      }
      // Anything between the closing quote and the delimiter is kept (lenient, like spreadsheets).
      while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') value += text[i++]!;
    } else {
      while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') value += text[i++]!;
    }
    row.push({ text: value, line: startLine, column: startCol });
    atRowStart = false;
    if (i < n && text[i] === ',') {
      i++;
      if (i < n && text[i] !== '\n' && text[i] !== '\r') continue;
      // A comma at the end of a line: one more, empty, field.
      row.push({ text: '', line, column: i - lineStart + 1 });
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    if (!(row.length === 1 && row[0]!.text.trim() === '')) rows.push(row);
    row = [];
    atRowStart = true;
    line++;
    lineStart = i;
  }
  if (!atRowStart && row.length) rows.push(row);
  return rows;
}
