/**
 * KTAB's CSV scenario format. Line 1: `name,description,nActors,nDims`; line 2: headers
 * (`Actor,Description,Power|Influence,<dim> Position,<dim> Salience,…`); then one row per actor:
 * `name,description,power,pos1,sal1,pos2,sal2,…`, positions and saliences on 0–100. Real files
 * quote fields, pad numbers with spaces and end lines with a comma; all of that is accepted.
 * Source: KTAB `smp.cpp`, `SMPModel::readCSVStream`.
 */
import { InputError, type Problem } from '../../core/errors.ts';
import { type CsvField, type CsvRow, readCsv } from '../csv.ts';
import { checkKtabActor } from './check-ktab.ts';
import type { KtabActor, KtabData } from './ktab-data.ts';

/** Drops the empty fields a trailing comma leaves. */
function trimRow(row: CsvRow): CsvRow {
  let end = row.length;
  while (end > 0 && row[end - 1]!.text.trim() === '') end--;
  return row.slice(0, end);
}

/** A dimension's name from its position header: "Policy Position" → "Policy"; "Pstn1" → "Dimension 1". */
export function dimensionName(header: string | undefined, k: number): string {
  const h = (header ?? '').trim();
  const m = /^(.*?)[\s_-]*(?:position|pstn|pos)[\s_-]*\d*$/i.exec(h);
  const name = (m ? m[1]! : h).trim();
  return name === '' ? `Dimension ${k + 1}` : name;
}

export function parseKtabCsv(text: string, file?: string): KtabData {
  const rows = readCsv(text);
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const at = (f: CsvField | undefined, fallbackLine: number) => ({
    ...(file === undefined ? {} : { file }),
    line: f?.line ?? fallbackLine,
    column: f?.column ?? 1,
  });
  const fail = (problems: Problem[]): never => {
    throw new InputError(problems);
  };
  if (rows.length === 0) {
    fail([
      {
        ...at(undefined, 1),
        path: '',
        message: 'empty file: expected KTAB CSV, line 1 `name,description,nActors,nDims`',
      },
    ]);
  }
  const first = rows[0]!;
  const count = (idx: number, what: string): number => {
    const f = first[idx];
    const raw = f?.text.trim() ?? '';
    const v = Number(raw);
    if (raw === '' || !Number.isInteger(v) || v < 1) {
      return fail([
        {
          ...at(f ?? first[first.length - 1], 1),
          path: what,
          message: `line 1 field ${idx + 1} must be the number of ${what === 'nActors' ? 'actors' : 'dimensions'} (a positive integer), found "${raw}"; line 1 is name,description,nActors,nDims`,
        },
      ]);
    }
    return v;
  };
  const nActors = count(2, 'nActors');
  const nDims = count(3, 'nDims');
  const width = 3 + 2 * nDims;
  const header = rows[1];
  if (!header) {
    fail([
      {
        ...at(undefined, 2),
        path: 'header',
        message:
          'missing the header line (line 2): Actor,Description,Power,<dim> Position,<dim> Salience,…',
      },
    ]);
  }
  const head = trimRow(header!);
  if (head.length !== width) {
    fail([
      {
        ...at(first[3], 1),
        path: 'nDims',
        message: `line 1 says ${nDims} dimension${nDims === 1 ? '' : 's'}, so the header needs ${width} columns (Actor, Description, Power, then a position and a salience per dimension), but line ${header![0]!.line} has ${head.length}`,
      },
    ]);
  }
  const dimensions = Array.from({ length: nDims }, (_, k) =>
    dimensionName(head[3 + 2 * k]?.text, k),
  );

  const actorRows = rows
    .slice(2)
    .map(trimRow)
    .filter((r) => r.length > 0);
  const problems: Problem[] = [];
  if (actorRows.length !== nActors) {
    problems.push({
      ...at(first[2], 1),
      path: 'nActors',
      message: `line 1 says ${nActors} actor${nActors === 1 ? '' : 's'}, but the file has ${actorRows.length} actor row${actorRows.length === 1 ? '' : 's'}`,
    });
  }
  const actors: KtabActor[] = [];
  actorRows.forEach((row, a) => {
    const name = row[0]!.text.trim();
    const who = `actor "${name}"`;
    if (row.length !== width) {
      problems.push({
        ...at(row[row.length - 1], row[0]!.line),
        path: `actors[${a}]`,
        message: `${who}: expected ${width} fields (name, description, power, then a position and a salience for each of ${nDims} dimension${nDims === 1 ? '' : 's'}), found ${row.length}`,
      });
      return;
    }
    let bad = false;
    const num = (f: CsvField, path: string, what: string): number => {
      const raw = f.text.trim();
      const v = raw === '' ? NaN : Number(raw);
      if (!Number.isFinite(v)) {
        problems.push({
          ...at(f, f.line),
          path,
          message: `${who}: ${what} "${raw}" is not a number`,
        });
        bad = true;
      }
      return v;
    };
    const power = num(row[2]!, `actors[${a}].power`, 'power');
    const positions: number[] = [];
    const saliences: number[] = [];
    for (let k = 0; k < nDims; k++) {
      positions.push(
        num(row[3 + 2 * k]!, `actors[${a}].positions[${k}]`, `position on "${dimensions[k]}"`),
      );
      saliences.push(
        num(row[4 + 2 * k]!, `actors[${a}].saliences[${k}]`, `salience on "${dimensions[k]}"`),
      );
    }
    if (bad) return;
    const place = (f: CsvField) => ({ line: f.line, column: f.column });
    const actor: KtabActor = {
      name,
      description: row[1]!.text.trim(),
      power,
      positions,
      saliences,
      at: {
        name: place(row[0]!),
        power: place(row[2]!),
        positions: positions.map((_, k) => place(row[3 + 2 * k]!)),
        saliences: saliences.map((_, k) => place(row[4 + 2 * k]!)),
      },
      source: (lines[row[0]!.line - 1] ?? '').trim(),
    };
    if (name === '') {
      problems.push({
        ...at(row[0], row[0]!.line),
        path: `actors[${a}].name`,
        message: `actor ${a + 1} has no name`,
      });
    }
    problems.push(...checkKtabActor(actor, a, dimensions, file));
    actors.push(actor);
  });
  if (problems.length > 0) fail(problems);
  return {
    name: first[0]?.text.trim() ?? '',
    description: first[1]?.text.trim() ?? '',
    dimensions,
    actors,
  };
}
