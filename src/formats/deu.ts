/**
 * The DEU long format (Decision-making in the European Union; Thomson et al. 2006, 2012; DEU III:
 * Arregui & Perarnaud 2021): one row per (issue, actor) with the actor's position and salience,
 * the issue's reference point and the actual outcome, all on 0–100. Any file with these columns
 * reads the same way.
 *
 * Pure: text in, {@link DeuData} or an {@link InputError} listing every problem as
 * `file:line:column field: message` out. The Council's vote weights are read by
 * `deu-council-votes.ts`; the cases the backtest runs (one single-issue numeric input per issue
 * under a capability rule) are built by `deu-cases.ts`.
 *
 * Missing values are never dropped silently (docs/backtest.md, "Missing values"): an empty
 * `position` or `salience` keeps the row, marked missing, and the actor is left out of that
 * issue's numeric input; an empty `outcome` makes the issue unscoreable; an empty
 * `reference_point` means the issue has none. Every such case is counted.
 */
import { InputError, type Problem } from '../core/errors.ts';
import { readCsvTable } from './csv-header.ts';
import type { CsvField } from './csv.ts';

/** Columns a DEU file must have (values may be empty where documented). */
export const DEU_REQUIRED_COLUMNS = [
  'issue_id',
  'actor',
  'position',
  'salience',
  'outcome',
] as const;

/** Columns read when present; absent ones take the documented default. */
export const DEU_OPTIONAL_COLUMNS = [
  'proposal_id',
  'proposal_name',
  'procedure',
  'council_voting',
  'intro_date',
  'final_act_date',
  'actor_name',
  'actor_type',
  'capability',
  'reference_point',
] as const;

type Column = (typeof DEU_REQUIRED_COLUMNS)[number] | (typeof DEU_OPTIONAL_COLUMNS)[number];

/** One actor's row on one issue. Missing numbers are NaN. */
export interface DeuActor {
  /** Actor id as in the file, e.g. `com`, `ep`, `de`. */
  readonly id: string;
  readonly name: string;
  /** `institution`, `member_state` or whatever the file says (empty when absent). */
  readonly type: string;
  /** Position on 0–100; NaN when the cell is empty. */
  readonly position: number;
  /** Salience on 0–100 (as in the file); NaN when the cell is empty. */
  readonly salience: number;
  /** Capability from the file; NaN when empty (DEU has none). */
  readonly capability: number;
  /** Line of the row in the file (1-based). */
  readonly line: number;
  /** Column of the row's `actor` field (1-based), for messages. */
  readonly column: number;
}

export interface DeuIssue {
  readonly id: string;
  /** Proposal the issue belongs to; issues of one proposal are never split across CV folds. Default: the issue id. */
  readonly proposalId: string;
  readonly proposalName: string;
  /** Legislative procedure, e.g. `COD` (co-decision) or `CNS` (consultation); empty when absent. */
  readonly procedure: string;
  /** Council voting rule, e.g. `QMV` or `Unan`; empty when absent. */
  readonly councilVoting: string;
  /** ISO date (YYYY-MM-DD) or empty. */
  readonly introDate: string;
  /** ISO date (YYYY-MM-DD) or empty. */
  readonly finalActDate: string;
  /** Reference point (status quo) on 0–100; NaN when the issue has none. */
  readonly reference: number;
  /** Actual outcome on 0–100; NaN when the file gives none. */
  readonly outcome: number;
  readonly actors: readonly DeuActor[];
  /** Line of the issue's first row. */
  readonly line: number;
}

export interface DeuData {
  readonly file: string;
  /** Data rows read (header excluded). */
  readonly rows: number;
  /** Issues in order of first appearance. */
  readonly issues: readonly DeuIssue[];
}

const ISSUE_FIELDS = [
  'proposal_id',
  'proposal_name',
  'procedure',
  'council_voting',
  'intro_date',
  'final_act_date',
  'reference_point',
  'outcome',
] as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads a DEU long-format CSV. Throws an {@link InputError} with every problem found. */
export function parseDeu(text: string, file: string): DeuData {
  const { rows, col } = readCsvTable(text, file, DEU_REQUIRED_COLUMNS, 'a DEU file');
  const header = rows[0]!;
  const problems: Problem[] = [];

  interface Draft {
    issue: Omit<DeuIssue, 'actors'>;
    fields: Partial<Record<(typeof ISSUE_FIELDS)[number], CsvField>>;
    actors: DeuActor[];
    seen: Map<string, number>;
  }
  const drafts = new Map<string, Draft>();
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
    const cell = (name: Column): CsvField | undefined => {
      const j = col.get(name);
      return j === undefined ? undefined : row[j];
    };
    const str = (name: Column) => cell(name)?.text.trim() ?? '';
    const problem = (name: Column, message: string) => {
      const f = cell(name);
      problems.push({ file, line: f?.line ?? line, column: f?.column ?? 1, path: name, message });
    };
    /** A number on 0–100, or NaN when the cell is empty (and `optional`). */
    const num = (name: Column, optional: boolean, max = 100): number => {
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
      if (v < 0 || v > max) {
        problem(name, `${raw} is outside 0–${max === Infinity ? '∞' : max}`);
        return NaN;
      }
      return v;
    };
    const issueId = str('issue_id');
    const actorId = str('actor');
    if (issueId === '') problem('issue_id', 'is empty, expected an issue id');
    if (actorId === '') problem('actor', 'is empty, expected an actor id');
    for (const name of ['intro_date', 'final_act_date'] as const) {
      const v = str(name);
      if (v !== '' && !DATE.test(v)) problem(name, `"${v}" is not a date YYYY-MM-DD`);
    }
    const actor: DeuActor = {
      id: actorId,
      name: str('actor_name') || actorId,
      type: str('actor_type'),
      position: num('position', true),
      salience: num('salience', true),
      capability: num('capability', true, Infinity),
      line,
      column: cell('actor')?.column ?? 1,
    };
    const reference = num('reference_point', true);
    const outcome = num('outcome', true);
    if (issueId === '' || actorId === '') continue;
    let draft = drafts.get(issueId);
    if (!draft) {
      draft = {
        issue: {
          id: issueId,
          proposalId: str('proposal_id') || issueId,
          proposalName: str('proposal_name'),
          procedure: str('procedure'),
          councilVoting: str('council_voting'),
          introDate: str('intro_date'),
          finalActDate: str('final_act_date'),
          reference,
          outcome,
          line,
        },
        fields: Object.fromEntries(ISSUE_FIELDS.map((name) => [name, cell(name)])),
        actors: [],
        seen: new Map(),
      };
      drafts.set(issueId, draft);
    } else {
      // Issue-level fields repeat on every row of the issue; they must agree.
      for (const name of ISSUE_FIELDS) {
        const first = draft.fields[name]?.text.trim() ?? '';
        const here = str(name);
        if (here !== first && !(name === 'proposal_id' && here === '' && first === '')) {
          problem(
            name,
            `"${here}" differs from "${first}" on line ${draft.issue.line} for issue ${issueId} (issue-level fields must agree on every row)`,
          );
        }
      }
    }
    const previous = draft.seen.get(actorId);
    if (previous !== undefined) {
      problem(
        'actor',
        `actor "${actorId}" appears twice on issue ${issueId} (first on line ${previous})`,
      );
      continue;
    }
    draft.seen.set(actorId, line);
    draft.actors.push(actor);
  }
  if (problems.length) throw new InputError(problems);
  if (drafts.size === 0) {
    throw new InputError({ file, line: 1, path: '', message: 'no data rows after the header' });
  }
  return {
    file,
    rows: rows.length - 1,
    issues: [...drafts.values()].map((dr) => ({ ...dr.issue, actors: dr.actors })),
  };
}
