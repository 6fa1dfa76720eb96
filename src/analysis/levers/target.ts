/**
 * Lever targets: what a decision maker wants to reach, written on one line.
 *
 *   ISSUE OP VALUE               the model's outcome on the issue, e.g. `coalition>=75`
 *   actor:ACTOR:ISSUE OP VALUE   an actor's final position, e.g. `actor:korea-gov:coalition>=50`
 *
 * OP is one of `>=`, `>`, `<=`, `<`; VALUE a number on the issue's scale. Spaces around OP are
 * allowed. Ids are scenario ids.
 *
 * For the commitment model (a scenario with `coalition.commitment`), P a probability 0–1:
 *
 *   commit:CANDIDATE OP P        P(the candidate commits: at the join level or above)
 *   members:K OP P               P(at least K candidates commit); `members:1` — the coalition forms
 *
 * Without draws the probabilities are those of the point values (0 or 1).
 */
import { assertBargained } from '../../core/bargaining.ts';
import { InputError } from '../../core/errors.ts';
import type { Scenario } from '../../core/scenario.ts';

export const TARGET_OPERATORS = ['>=', '>', '<=', '<'] as const;
export type TargetOperator = (typeof TARGET_OPERATORS)[number];

export const TARGET_SYNTAX =
  'ISSUE>=VALUE or actor:ACTOR:ISSUE>=VALUE (operators >=, >, <=, <), e.g. coalition>=75 or actor:korea-gov:coalition>=50';

export const COMMITMENT_TARGET_SYNTAX =
  'commit:CANDIDATE>=P or members:K>=P (P a probability 0–1; operators >=, >, <=, <), e.g. commit:korea-gov>=0.5 or members:3>=0.5';

/** What a target measures. */
export type TargetMetric = 'outcome' | 'position' | 'commits' | 'members';

export interface LeverTarget {
  /** The target as written back canonically, e.g. `coalition>=75`. */
  readonly text: string;
  /**
   * `outcome`: the model's outcome on the issue; `position`: an actor's final position;
   * `commits`: P(the candidate `actor` commits); `members`: P(at least `members` candidates
   * commit). The last two are the commitment model's.
   */
  readonly metric: TargetMetric;
  /** The issue (for the commitment model's targets, the coalition's issue). */
  readonly issue: string;
  /** Null: the issue's outcome or the member count; else the actor (or candidate) that counts. */
  readonly actor: string | null;
  /** `members` targets: K. */
  readonly members: number | null;
  readonly op: TargetOperator;
  readonly value: number;
}

/** True for the commitment model's targets. */
export function isCommitmentTarget(t: LeverTarget): boolean {
  return t.metric === 'commits' || t.metric === 'members';
}

const ID = '[A-Za-z0-9][A-Za-z0-9_.-]*';
const PATTERN = new RegExp(
  `^\\s*(?:actor:(${ID}):)?(${ID})\\s*(>=|<=|>|<)\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*$`,
);

function fail(message: string): InputError {
  return new InputError({ path: '--target', message });
}

const COMMITMENT_PATTERN = new RegExp(
  `^\\s*(commit|members):(${ID})\\s*(>=|<=|>|<)\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*$`,
);

export function parseTarget(text: string, scenario: Scenario): LeverTarget {
  if (/^\s*(commit|members):/.test(text)) return parseCommitmentTarget(text, scenario);
  const m = PATTERN.exec(text);
  if (!m) {
    const hint = /=>|=<|==|(^|[^<>])=(?!=)/.test(text) ? ' (write >= or <=, not => or =)' : '';
    throw fail(`"${text}" is not a target${hint}: expected ${TARGET_SYNTAX}`);
  }
  const [, actorId, issueId, op, raw] = m as unknown as [
    string,
    string | undefined,
    string,
    TargetOperator,
    string,
  ];
  const issue = scenario.issues.find((i) => i.id === issueId);
  if (!issue) {
    throw fail(
      `unknown issue "${issueId}" in "${text}"; issues: ${scenario.issues.map((i) => i.id).join(', ')}`,
    );
  }
  assertBargained(scenario, [issue]);
  if (actorId !== undefined) {
    const actor = scenario.actors.find((a) => a.id === actorId);
    if (!actor) {
      throw fail(
        `unknown actor "${actorId}" in "${text}"; actors: ${scenario.actors.map((a) => a.id).join(', ')}`,
      );
    }
    if (!actor.stances[issueId])
      throw fail(`actor "${actorId}" has no stance on issue "${issueId}"`);
  }
  const value = Number(raw);
  const { min, max } = issue.scale;
  if (value < min || value > max) {
    throw fail(`${value} is outside the scale of issue "${issueId}" (${min}..${max})`);
  }
  return {
    text: `${actorId === undefined ? '' : `actor:${actorId}:`}${issueId}${op}${value}`,
    metric: actorId === undefined ? 'outcome' : 'position',
    issue: issueId,
    actor: actorId ?? null,
    members: null,
    op,
    value,
  };
}

function parseCommitmentTarget(text: string, scenario: Scenario): LeverTarget {
  const m = COMMITMENT_PATTERN.exec(text);
  if (!m) {
    const hint = /=>|=<|==|(^|[^<>])=(?!=)/.test(text) ? ' (write >= or <=, not => or =)' : '';
    throw fail(`"${text}" is not a target${hint}: expected ${COMMITMENT_TARGET_SYNTAX}`);
  }
  const [, kind, what, op, raw] = m as unknown as [string, string, string, TargetOperator, string];
  const c = scenario.coalition;
  if (!c?.commitment)
    throw fail(
      `"${text}" is a target of the commitment model, and the scenario has no coalition.commitment block`,
    );
  let members: number | null = null;
  if (kind === 'commit') {
    if (!c.candidates.includes(what))
      throw fail(
        `unknown candidate "${what}" in "${text}"; candidates: ${c.candidates.join(', ')}`,
      );
  } else {
    members = Number(what);
    if (!Number.isInteger(members) || members < 1 || members > c.candidates.length)
      throw fail(
        `"${what}" in "${text}" is not a number of members: expected a whole number 1..${c.candidates.length}`,
      );
  }
  const value = Number(raw);
  if (value < 0 || value > 1) throw fail(`${value} is not a probability: expected within 0..1`);
  return {
    text: `${kind}:${what}${op}${value}`,
    metric: kind === 'commit' ? 'commits' : 'members',
    issue: c.issue,
    actor: kind === 'commit' ? what : null,
    members,
    op,
    value,
  };
}

/** The opposite target (what would undo a target already met). */
export function negateOperator(op: TargetOperator): TargetOperator {
  return op === '>=' ? '<' : op === '>' ? '<=' : op === '<=' ? '>' : '>=';
}

/**
 * Progress towards a target: ≥ 0 (> 0 for a strict operator) exactly when it is met. For `>=`
 * and `>` it is metric − value; for `<=` and `<`, value − metric. NaN counts as −∞ (not met).
 */
export function progress(op: TargetOperator, value: number, metric: number): number {
  if (Number.isNaN(metric)) return -Infinity;
  return op === '>=' || op === '>' ? metric - value : value - metric;
}

export function isMet(op: TargetOperator, g: number): boolean {
  return op === '>' || op === '<' ? g > 0 : g >= 0;
}
