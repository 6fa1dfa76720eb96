import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.ts';
import { parseWarJoin } from './warjoin.ts';

const TRAIN = join(
  import.meta.dirname,
  '..',
  'analysis',
  'joins',
  'data',
  'warjoin_candidates_train.csv',
);
const text = readFileSync(TRAIN, 'utf8');
const [header, ...lines] = text.trimEnd().split('\n');
const cols = header!.split(',');
/** A two-row file with the first data row's cell in `column` replaced by `value`. */
function withCell(column: string, value: string): string {
  const j = cols.indexOf(column);
  const cells = lines[0]!.split(',');
  cells[j] = value;
  return [header, cells.join(','), lines[1]].join('\n');
}
function problemsOf(src: string) {
  try {
    parseWarJoin(src, 'c.csv');
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).problems;
  }
  throw new Error('expected an InputError');
}
/** 1-based column of the named field on line 2 of `src` (no quoted commas in this file). */
const columnOf = (src: string, name: string) =>
  src
    .split('\n')[1]!
    .split(',')
    .slice(0, cols.indexOf(name))
    .reduce((c, f) => c + f.length + 1, 1);

describe('parseWarJoin(text, file)', () => {
  it('reads the training file: 1,277 candidates of 66 wars, 52 joins, missing values as NaN', () => {
    const { rows } = parseWarJoin(text, 'train.csv');
    expect(rows).toHaveLength(1277);
    expect(new Set(rows.map((r) => r.warnum)).size).toBe(66);
    expect(rows.filter((r) => r.outcome !== 0)).toHaveLength(52);
    expect(rows.filter((r) => r.outcome === 1)).toHaveLength(40);
    expect(rows.filter((r) => Number.isNaN(r.polyarchyPrev))).toHaveLength(108);
    expect(rows.filter((r) => !Number.isNaN(r.tradeSharePrev[0]))).toHaveLength(790);
    expect(rows[0]).toMatchObject({ warnum: 4, stateabb: 'UKG', majorPower: true, line: 2 });
    expect(rows[0]!.allyPrev).toEqual(['consul', 'none']);
  });

  it('reports a missing column by name', () => {
    const src = text.replace(/,vdem_polyarchy_prev/, ',vdem_x');
    expect(problemsOf(src)).toContainEqual(
      expect.objectContaining({ file: 'c.csv', line: 1, path: 'vdem_polyarchy_prev' }),
    );
  });

  it('reports a non-numeric value at its file, line and column with the column name', () => {
    const src = withCell('cinc', 'abc');
    const p = problemsOf(src);
    expect(p).toEqual([
      {
        file: 'c.csv',
        line: 2,
        column: columnOf(src, 'cinc'),
        path: 'cinc',
        message: '"abc" is not a number',
      },
    ]);
  });

  it('reports an unknown label and an unknown provision, each at its cell', () => {
    const badLabel = withCell('label', 'joined_3');
    const badTie = withCell('ally_s2_prev', 'entente');
    expect(columnOf(badLabel, 'label')).toBeGreaterThan(100);
    expect(problemsOf(badLabel)[0]).toMatchObject({
      line: 2,
      column: columnOf(badLabel, 'label'),
      path: 'label',
    });
    expect(problemsOf(badLabel)[0]!.message).toContain('unknown label "joined_3"');
    expect(problemsOf(badTie)[0]).toMatchObject({
      line: 2,
      column: columnOf(badTie, 'ally_s2_prev'),
      path: 'ally_s2_prev',
    });
    expect(problemsOf(badTie)[0]!.message).toContain('unknown provision "entente"');
  });

  it('reports every bad cell at once, and a row with the wrong number of fields', () => {
    const src = `${withCell('contig_s1', '7')}\n4,short,row`;
    const p = problemsOf(src);
    expect(p.map((x) => x.path)).toEqual(['contig_s1', '']);
    expect(p[1]).toMatchObject({ line: 4 });
    expect(p[1]!.message).toContain('3 fields');
  });

  it('rejects an empty file and a header without rows', () => {
    expect(problemsOf('')[0]).toMatchObject({ line: 1, column: 1 });
    expect(problemsOf('')[0]!.message).toMatch(/empty file/);
    expect(problemsOf(`${header}\n`)[0]!.message).toMatch(/no data rows/);
  });
});
