/**
 * The warjoin candidates format (docs/backtest-joins.md): one row per (COW inter-state war,
 * candidate state) with the candidate's pre-war ties to each side's original belligerents and
 * what it did — `joined_1`, `joined_2` or `stayed_out`. Built from COW inter-state wars v4.0,
 * ATOP 5.1, NMC 7.0, COW contiguity 3.2, COW trade 4.0 and V-Dem 10 (see the README beside
 * `src/analysis/joins/data/warjoin_candidates_train.csv`).
 *
 * Pure: text in, {@link WarJoinData} or an {@link InputError} listing every problem as
 * `file:line:column column: message` out. Missing values stay missing (NaN): nothing is imputed;
 * the forecasters decide, term by term, what an absent value means (docs/backtest-joins.md).
 */
import { InputError, type Problem } from '../core/errors.ts';
import { readCsvTable } from './csv-header.ts';
import type { CsvField } from './csv.ts';

/** ATOP provision types, strongest first, as written in `ally_s*` / `ally_s*_prev`. */
export const PROVISIONS = ['defense', 'offense', 'neutral', 'nonagg', 'consul', 'none'] as const;
export type Provision = (typeof PROVISIONS)[number];

/** Outcome labels. */
export const JOIN_LABELS = ['stayed_out', 'joined_1', 'joined_2'] as const;

/** Columns a candidates file must have. Cells marked optional in the parser may be empty. */
export const WARJOIN_REQUIRED_COLUMNS = [
  'warnum',
  'warname',
  'ccode',
  'stateabb',
  'major_power',
  'ally_s1_prev',
  'ally_s2_prev',
  'contig_s1',
  'contig_s2',
  'cinc',
  'cinc_s1',
  'cinc_s2',
  'init_side',
  'label',
  'trade_share_s1_prev',
  'trade_share_s2_prev',
  'vdem_polyarchy_prev',
] as const;

type Column = (typeof WARJOIN_REQUIRED_COLUMNS)[number] | 'ally_s1' | 'ally_s2';

/** One candidate's decision in one war. Sides are indexed 0 (COW side 1) and 1 (COW side 2). */
export interface WarJoinRow {
  readonly warnum: number;
  readonly warname: string;
  readonly ccode: number;
  readonly stateabb: string;
  /** COW major power on the war's first day. */
  readonly majorPower: boolean;
  /** Strongest ATOP provision in force the year before the war with side 1's / side 2's original belligerents. */
  readonly allyPrev: readonly [Provision, Provision];
  /** Smallest COW direct-contiguity code with each side's original belligerents: 1 land … 5 ≤400 mi, 0 none. */
  readonly contig: readonly [number, number];
  /** Candidate's CINC in the war's year; NaN when NMC has no value. */
  readonly cinc: number;
  /** Summed CINC of each side's original belligerents; NaN when empty. */
  readonly cincSide: readonly [number, number];
  /** Side (1 or 2) holding COW's initiator(s); 0 if both or neither. */
  readonly initSide: 0 | 1 | 2;
  /** Share of the candidate's total trade (year − 1) with each side's original belligerents; NaN when missing. */
  readonly tradeSharePrev: readonly [number, number];
  /** V-Dem v10 `v2x_polyarchy` the year before (0–1); NaN when missing. */
  readonly polyarchyPrev: number;
  /** The outcome: 0 stayed out, 1 joined side 1, 2 joined side 2. */
  readonly outcome: 0 | 1 | 2;
  /** Line of the row in the file (1-based). */
  readonly line: number;
}

export interface WarJoinData {
  readonly file: string;
  readonly rows: readonly WarJoinRow[];
}

/** Reads a warjoin candidates CSV. Throws an {@link InputError} with every problem found. */
export function parseWarJoin(text: string, file: string): WarJoinData {
  const { rows, col } = readCsvTable(text, file, WARJOIN_REQUIRED_COLUMNS, 'a candidates file');
  const header = rows[0]!;
  const problems: Problem[] = [];
  if (rows.length === 1) {
    throw new InputError({
      file,
      line: 2,
      column: 1,
      path: '',
      message: 'no data rows after the header',
    });
  }

  const out: WarJoinRow[] = [];
  const seen = new Map<string, number>();
  const names = new Map<number, { name: string; line: number }>();
  for (const row of rows.slice(1)) {
    const line = row[0]!.line;
    if (row.length !== header.length) {
      problems.push({
        file,
        line,
        column: 1,
        path: '',
        message: `${row.length} fields, expected ${header.length} (as in the header)`,
      });
      continue;
    }
    const before = problems.length;
    const cell = (name: Column): CsvField | undefined => {
      const j = col.get(name);
      return j === undefined ? undefined : row[j];
    };
    const str = (name: Column) => cell(name)?.text.trim() ?? '';
    const problem = (name: Column, message: string) => {
      const f = cell(name);
      problems.push({ file, line: f?.line ?? line, column: f?.column ?? 1, path: name, message });
    };
    /** A finite number ≥ min (≤ max), or NaN when the cell is empty and `optional`. */
    const num = (name: Column, optional: boolean, min = -Infinity, max = Infinity): number => {
      const raw = str(name);
      if (raw === '') {
        if (!optional) problem(name, 'is empty, expected a number');
        return NaN;
      }
      const v = Number(raw);
      if (!Number.isFinite(v)) {
        problem(name, `"${raw}" is not a number`);
        return NaN;
      }
      if (v < min || v > max) {
        problem(name, `${raw} is outside ${min}–${max === Infinity ? '∞' : max}`);
        return NaN;
      }
      return v;
    };
    const int = (name: Column, allowed: readonly number[]): number => {
      const v = num(name, false);
      if (!Number.isNaN(v) && !allowed.includes(v)) {
        problem(name, `${str(name)} is not one of ${allowed.join(', ')}`);
        return NaN;
      }
      return v;
    };
    const provision = (name: Column): Provision => {
      const raw = str(name);
      if (!(PROVISIONS as readonly string[]).includes(raw)) {
        problem(
          name,
          raw === ''
            ? `is empty, expected an ATOP provision (${PROVISIONS.join(', ')})`
            : `unknown provision "${raw}", expected one of ${PROVISIONS.join(', ')}`,
        );
        return 'none';
      }
      return raw as Provision;
    };

    const warnum = num('warnum', false);
    if (!Number.isNaN(warnum) && !Number.isInteger(warnum)) {
      problem('warnum', `${str('warnum')} is not an integer war number`);
    }
    const ccode = num('ccode', false);
    const warname = str('warname');
    const stateabb = str('stateabb');
    const major = int('major_power', [0, 1]);
    const allyPrev: [Provision, Provision] = [provision('ally_s1_prev'), provision('ally_s2_prev')];
    // Same-year ties are not used (leakage), but a malformed value is still a malformed file.
    for (const name of ['ally_s1', 'ally_s2'] as const) {
      if (col.has(name) && str(name) !== '') provision(name);
    }
    const contig = [int('contig_s1', [0, 1, 2, 3, 4, 5]), int('contig_s2', [0, 1, 2, 3, 4, 5])];
    const cinc = num('cinc', true, 0, 1);
    const cincSide: [number, number] = [num('cinc_s1', true, 0, 1), num('cinc_s2', true, 0, 1)];
    const init = int('init_side', [0, 1, 2]);
    const share: [number, number] = [
      num('trade_share_s1_prev', true, 0),
      num('trade_share_s2_prev', true, 0),
    ];
    const polyarchy = num('vdem_polyarchy_prev', true, 0, 1);
    const labelText = str('label');
    const outcome = (JOIN_LABELS as readonly string[]).indexOf(labelText);
    if (outcome < 0) {
      problem(
        'label',
        labelText === ''
          ? `is empty, expected one of ${JOIN_LABELS.join(', ')}`
          : `unknown label "${labelText}", expected one of ${JOIN_LABELS.join(', ')}`,
      );
    }
    if (!Number.isNaN(warnum) && !Number.isNaN(ccode)) {
      const key = `${warnum}:${ccode}`;
      const first = seen.get(key);
      if (first !== undefined) {
        problem('ccode', `state ${ccode} appears twice in war ${warnum} (first on line ${first})`);
      } else seen.set(key, line);
      const named = names.get(warnum);
      if (!named) names.set(warnum, { name: warname, line });
      else if (named.name !== warname) {
        problem(
          'warname',
          `"${warname}" differs from "${named.name}" on line ${named.line} for war ${warnum}`,
        );
      }
    }
    if (problems.length > before) continue;
    out.push({
      warnum,
      warname,
      ccode,
      stateabb,
      majorPower: major === 1,
      allyPrev,
      contig: [contig[0]!, contig[1]!],
      cinc,
      cincSide,
      initSide: init as 0 | 1 | 2,
      tradeSharePrev: share,
      polyarchyPrev: polyarchy,
      outcome: outcome as 0 | 1 | 2,
      line,
    });
  }
  if (problems.length) throw new InputError(problems);
  return { file, rows: out };
}
