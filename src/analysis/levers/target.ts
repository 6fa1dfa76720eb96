/**
 * Lever targets: what a decision maker wants to reach, written on one line.
 *
 *   ISSUE OP VALUE               the model's outcome on the issue, e.g. `coalition>=75`
 *   actor:ACTOR:ISSUE OP VALUE   an actor's final position, e.g. `actor:korea-gov:coalition>=50`
 *
 * OP is one of `>=`, `>`, `<=`, `<`; VALUE a number on the issue's scale. Spaces around OP are
 * allowed. Ids are scenario ids.
 */
import { assertBargained } from '../../core/compile.ts';
import { InputError } from '../../core/errors.ts';
import type { Scenario } from '../../core/scenario.ts';

export const TARGET_OPERATORS = ['>=', '>', '<=', '<'] as const;
export type TargetOperator = (typeof TARGET_OPERATORS)[number];

export const TARGET_SYNTAX =
  'ISSUE>=VALUE or actor:ACTOR:ISSUE>=VALUE (operators >=, >, <=, <), e.g. coalition>=75 or actor:korea-gov:coalition>=50';

export interface LeverTarget {
  /** The target as written back canonically, e.g. `coalition>=75`. */
  readonly text: string;
  readonly issue: string;
  /** Null: the issue's outcome; else the actor whose final position counts. */
  readonly actor: string | null;
  readonly op: TargetOperator;
  readonly value: number;
}

const ID = '[A-Za-z0-9][A-Za-z0-9_.-]*';
const PATTERN = new RegExp(
  `^\\s*(?:actor:(${ID}):)?(${ID})\\s*(>=|<=|>|<)\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*$`,
);

function fail(message: string): InputError {
  return new InputError({ path: '--target', message });
}

export function parseTarget(text: string, scenario: Scenario): LeverTarget {
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
    issue: issueId,
    actor: actorId ?? null,
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
