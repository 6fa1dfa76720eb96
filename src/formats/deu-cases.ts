/**
 * The DEU cases the backtest runs: one single-issue {@link NumericInput} per issue of a parsed
 * DEU file ({@link DeuData}), under a capability rule (equal, Council votes by period, or the
 * file's own column), with every row or issue left out counted. Pure.
 */
import { InputError, type Problem } from '../core/errors.ts';
import { type NumericInput, makeNumericInput } from '../core/numeric-input.ts';
import {
  type CouncilPeriod,
  type CouncilVoteRow,
  PERIOD_COLUMNS,
  councilPeriod,
} from './deu-council-votes.ts';
import type { DeuActor, DeuData, DeuIssue } from './deu.ts';

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
