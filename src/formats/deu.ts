/**
 * The DEU long format (Decision-making in the European Union; Thomson et al. 2006, 2012; DEU III:
 * Arregui & Perarnaud 2021): one row per (issue, actor) with the actor's position and salience,
 * the issue's reference point and the actual outcome, all on 0–100. Any file with these columns
 * reads the same way.
 *
 * Pure: text in, {@link DeuData} or an {@link InputError} listing every problem as
 * `file:line:column field: message` out; then {@link deuCases} builds one single-issue
 * {@link NumericInput} per issue under a capability rule (equal, Council votes by period, or the
 * file's own column).
 *
 * Missing values are never dropped silently (docs/backtest.md, "Missing values"): an empty
 * `position` or `salience` keeps the row, marked missing, and the actor is left out of that
 * issue's numeric input; an empty `outcome` makes the issue unscoreable; an empty
 * `reference_point` means the issue has none. Every such case is counted.
 */
import { InputError, type Problem } from '../core/errors.ts';
import { type NumericInput, makeNumericInput } from '../core/numeric-input.ts';
import { readCsvTable } from './csv-header.ts';
import { type CsvField, readCsv } from './csv.ts';

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

/** Council votes of one member state in each period; null where it had none. */
export interface CouncilVoteRow {
  readonly actor: string;
  /** Before the Nice weighting (EU-15, to 31 October 2004). */
  readonly preNice: number | null;
  /** Nice weighting, EU-25/27 (1 November 2004 on). */
  readonly nice27: number | null;
  /** Nice weighting, EU-28 (Croatia from 1 July 2013). */
  readonly nice28: number | null;
  readonly line: number;
}

/**
 * Reads `council_vote_weights.csv` (columns `actor,pre_nice_votes_EU15,nice_votes_EU27,
 * nice_votes_EU28_from_2013`, others ignored).
 */
export function parseCouncilVotes(text: string, file: string): Map<string, CouncilVoteRow> {
  const rows = readCsv(text);
  const need = ['actor', 'pre_nice_votes_eu15', 'nice_votes_eu27', 'nice_votes_eu28_from_2013'];
  const header = (rows[0] ?? []).map((f) => f.text.trim().toLowerCase());
  const missing = need.filter((n) => !header.includes(n));
  if (missing.length) {
    throw new InputError({
      file,
      line: 1,
      column: 1,
      path: missing[0]!,
      message: `missing column(s) ${missing.join(', ')}`,
    });
  }
  const j = need.map((n) => header.indexOf(n));
  const problems: Problem[] = [];
  const out = new Map<string, CouncilVoteRow>();
  const votes = (f: CsvField | undefined): number | null => {
    const raw = f?.text.trim() ?? '';
    if (raw === '') return null;
    const v = Number(raw);
    if (!Number.isFinite(v) || v <= 0) {
      problems.push({
        file,
        line: f!.line,
        column: f!.column,
        path: 'votes',
        message: `"${raw}" is not a positive number of votes`,
      });
      return null;
    }
    return v;
  };
  for (const row of rows.slice(1)) {
    const actor = row[j[0]!]?.text.trim() ?? '';
    if (actor === '') continue;
    out.set(actor, {
      actor,
      preNice: votes(row[j[1]!]),
      nice27: votes(row[j[2]!]),
      nice28: votes(row[j[3]!]),
      line: row[0]!.line,
    });
  }
  if (problems.length) throw new InputError(problems);
  return out;
}

/**
 * How actors' capabilities are set (docs/backtest.md, "Capability"):
 * - `equal`: every actor 1 (the DEU baselines of the data README use this);
 * - `council-votes`: member states get their Council votes in the issue's period
 *   ({@link councilPeriod}); the Commission and the Parliament (actor type `institution`, or ids
 *   `com`/`ep`) each get the mean vote of the member states on the issue — they weigh as an
 *   average member state, so the rule changes only the weights among member states;
 * - `none`: no rule — the file's own `capability` column where it has a value, 1 where it is
 *   empty (DEU has none, so this equals `equal`; the defaulted cells are counted).
 */
export const CAPABILITY_RULES = ['equal', 'council-votes', 'none'] as const;
export type CapabilityRule = (typeof CAPABILITY_RULES)[number];

/** Council voting periods, keyed by the issue's decision date. */
export type CouncilPeriod = 'EU-15 pre-Nice' | 'EU-25/27 Nice' | 'EU-28 Nice' | 'unknown';

/**
 * The Council period of an issue, from its final-act date (the decision), or its introduction
 * date when the act has none: the Nice weights applied from 1 November 2004 (Accession Treaty
 * 2003, art. 26); Croatia joined on 1 July 2013. Dates are ISO strings, so they compare as text.
 */
export function councilPeriod(issue: Pick<DeuIssue, 'finalActDate' | 'introDate'>): CouncilPeriod {
  const date = issue.finalActDate || issue.introDate;
  if (date === '') return 'unknown';
  if (date < '2004-11-01') return 'EU-15 pre-Nice';
  if (date < '2013-07-01') return 'EU-25/27 Nice';
  return 'EU-28 Nice';
}

const PERIOD_COLUMNS: Record<Exclude<CouncilPeriod, 'unknown'>, (keyof CouncilVoteRow)[]> = {
  'EU-15 pre-Nice': ['preNice', 'nice27', 'nice28'],
  'EU-25/27 Nice': ['nice27', 'nice28'],
  'EU-28 Nice': ['nice28'],
};

/** True for the Commission, the Parliament and any actor the file types as an institution. */
export function isInstitution(actor: Pick<DeuActor, 'id' | 'type'>): boolean {
  return actor.type === 'institution' || actor.id === 'com' || actor.id === 'ep';
}

/** One issue made ready for the models. */
export interface DeuCase {
  readonly issue: DeuIssue;
  readonly period: CouncilPeriod;
  /**
   * Single-issue numeric input (scale 0–100, saliences 0–1, the issue's reference point) over the
   * actors with both a position and a salience, in file order.
   */
  readonly input: NumericInput;
  /** True when the issue has an outcome, at least `minActors` actors and Σ c·s > 0 (docs/spec/scoring.md). */
  readonly scoreable: boolean;
  /** Why the issue is not scoreable (absent when it is). */
  readonly excluded?: string;
}

/** What was read and what was left out, so that no drop is silent. */
export interface DeuCounts {
  rows: number;
  issues: number;
  proposals: number;
  /** Rows whose position is empty (the actor is left out of that issue). */
  missingPosition: number;
  /** Rows with a position but an empty salience (the actor is left out of that issue). */
  missingSalience: number;
  /** Issues without an outcome (not scoreable). */
  missingOutcome: number;
  /** Issues with an outcome but fewer than `minActors` actors with position and salience. */
  tooFewActors: number;
  /** Issues whose actors all have zero capability × salience (no model defines an outcome). */
  zeroWeight: number;
  scoreable: number;
  /** Scoreable issues with a reference point (Nash uses it as the disagreement point). */
  withReference: number;
  /** `council-votes`: actors whose period had no votes for them, given the next period's votes. */
  voteFallbacks: number;
  /** `none`: actors whose capability cell was empty and who were given 1. */
  capabilityDefaulted: number;
}

export interface DeuCases {
  readonly file: string;
  readonly capability: CapabilityRule;
  readonly cases: readonly DeuCase[];
  readonly counts: DeuCounts;
}

export interface DeuCaseOptions {
  capability: CapabilityRule;
  /** Council votes table ({@link parseCouncilVotes}); required for `council-votes`. */
  votes?: ReadonlyMap<string, CouncilVoteRow>;
  /** Actors with position and salience an issue needs to be scored. Default 3 (docs/spec/scoring.md). */
  minActors?: number;
}

/**
 * One single-issue numeric input per issue under a capability rule, with every exclusion counted.
 * Throws an {@link InputError} (every problem at once) when the rule cannot be applied: a member
 * state missing from the votes table, or an issue without any date under `council-votes`.
 */
export function deuCases(data: DeuData, opts: DeuCaseOptions): DeuCases {
  const minActors = opts.minActors ?? 3;
  const problems: Problem[] = [];
  const counts: DeuCounts = {
    rows: data.rows,
    issues: data.issues.length,
    proposals: new Set(data.issues.map((i) => i.proposalId)).size,
    missingPosition: 0,
    missingSalience: 0,
    missingOutcome: 0,
    tooFewActors: 0,
    zeroWeight: 0,
    scoreable: 0,
    withReference: 0,
    voteFallbacks: 0,
    capabilityDefaulted: 0,
  };
  if (opts.capability === 'council-votes' && !opts.votes) {
    throw new InputError({ path: '--capability', message: 'council-votes needs the votes table' });
  }
  const cases = data.issues.map((issue): DeuCase => {
    const period = councilPeriod(issue);
    const actors = issue.actors.filter((a) => {
      if (Number.isNaN(a.position)) {
        counts.missingPosition++;
        return false;
      }
      if (Number.isNaN(a.salience)) {
        counts.missingSalience++;
        return false;
      }
      return true;
    });
    const capability = actors.map((a) => {
      if (opts.capability === 'equal') return 1;
      if (opts.capability === 'none') {
        if (!Number.isNaN(a.capability)) return a.capability;
        counts.capabilityDefaulted++;
        return 1;
      }
      if (isInstitution(a)) return NaN; // set below, from the member states
      if (period === 'unknown') {
        if (problems.some((p) => p.line === issue.line && p.path === 'final_act_date')) return 1;
        problems.push({
          file: data.file,
          line: issue.line,
          path: 'final_act_date',
          message: `issue ${issue.id} has neither final_act_date nor intro_date, so its Council votes period is unknown`,
        });
        return 1;
      }
      const row = opts.votes!.get(a.id);
      const columns = PERIOD_COLUMNS[period];
      const at = row ? columns.findIndex((c) => row[c] !== null) : -1;
      if (!row || at < 0) {
        problems.push({
          file: data.file,
          line: a.line,
          column: a.column,
          path: 'actor',
          message: `"${a.id}" has no Council votes in the votes table for ${period} or later (is it a member state? institutions need actor_type "institution")`,
        });
        return 1;
      }
      if (at > 0) counts.voteFallbacks++;
      return row[columns[at]!] as number;
    });
    if (opts.capability === 'council-votes') {
      let sum = 0;
      let m = 0;
      capability.forEach((c) => {
        if (!Number.isNaN(c)) {
          sum += c;
          m++;
        }
      });
      const institution = m > 0 ? sum / m : 1;
      capability.forEach((c, j) => {
        if (Number.isNaN(c)) capability[j] = institution;
      });
    }
    const input = makeNumericInput({
      capability,
      position: actors.map((a) => a.position),
      salience: actors.map((a) => a.salience / 100),
      reference: [issue.reference],
      actorIds: actors.map((a) => a.id),
      issueIds: [issue.id],
    });
    let weight = 0;
    for (let j = 0; j < actors.length; j++) weight += input.capability[j]! * input.salience[j]!;
    let excluded: string | undefined;
    if (Number.isNaN(issue.outcome)) {
      counts.missingOutcome++;
      excluded = 'no outcome';
    } else if (actors.length < minActors) {
      counts.tooFewActors++;
      excluded = `${actors.length} actor(s) with position and salience, fewer than ${minActors}`;
    } else if (!(weight > 0)) {
      counts.zeroWeight++;
      excluded = 'every actor has zero capability × salience';
    } else {
      counts.scoreable++;
      if (!Number.isNaN(issue.reference)) counts.withReference++;
    }
    return {
      issue,
      period,
      input,
      scoreable: excluded === undefined,
      ...(excluded === undefined ? {} : { excluded }),
    };
  });
  if (problems.length) throw new InputError(problems);
  return { file: data.file, capability: opts.capability, cases, counts };
}
