/**
 * The Council of the EU's vote weights for the DEU backtest: `council_vote_weights.csv`, and the
 * voting period an issue was decided in. Pure: text in, rows or an {@link InputError} out.
 */
import { InputError, type Problem } from '../core/errors.ts';
import { type CsvField, readCsv } from './csv.ts';
import type { DeuIssue } from './deu.ts';

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

/** The vote columns that hold a state's votes in each period, first choice first. */
export const PERIOD_COLUMNS: Record<Exclude<CouncilPeriod, 'unknown'>, (keyof CouncilVoteRow)[]> = {
  'EU-15 pre-Nice': ['preNice', 'nice27', 'nice28'],
  'EU-25/27 Nice': ['nice27', 'nice28'],
  'EU-28 Nice': ['nice28'],
};
