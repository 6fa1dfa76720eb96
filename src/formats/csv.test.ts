import { describe, expect, it } from 'vitest';
import { readCsv } from './csv.ts';

const texts = (rows: ReturnType<typeof readCsv>) => rows.map((r) => r.map((f) => f.text));

describe('readCsv', () => {
  it('splits rows and fields, keeping line and column of each field', () => {
    const rows = readCsv('a,b\n1,22\n');
    expect(texts(rows)).toEqual([
      ['a', 'b'],
      ['1', '22'],
    ]);
    expect(rows[1]![1]).toEqual({ text: '22', line: 2, column: 3 });
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const rows = readCsv('name,note\n"Alpha, Inc.","said ""no""\nthen yes"\nB,x\n');
    expect(texts(rows)).toEqual([
      ['name', 'note'],
      ['Alpha, Inc.', 'said "no"\nthen yes'],
      ['B', 'x'],
    ]);
    expect(rows[2]![0]!.line).toBe(4);
  });

  it('handles CRLF, a BOM, blank lines, a trailing comma and no final newline', () => {
    expect(texts(readCsv('\ufeffa,b\r\n\r\n1,2,\r\n3,4'))).toEqual([
      ['a', 'b'],
      ['1', '2', ''],
      ['3', '4'],
    ]);
  });
});
