/** `--issue` checked against a scenario: an unknown or missing issue is a usage error naming the choices. */
import { assertBargained } from '../../core/compile.ts';
import { InputError } from '../../core/errors.ts';
import type { Scenario } from '../../core/scenario.ts';
import { splitList } from '../program/options.ts';

/** Checks `--issue` ids against the scenario; returns them (undefined for all issues). */
export function resolveIssues(scenario: Scenario, flags: string[]): string[] | undefined {
  const ids = flags.flatMap(splitList);
  for (const id of ids) {
    if (!scenario.issues.some((i) => i.id === id)) {
      throw new InputError({
        path: '--issue',
        message: `unknown issue "${id}"; issues: ${scenario.issues.map((i) => i.id).join(', ')}`,
      });
    }
  }
  if (ids.length)
    assertBargained(
      scenario,
      ids.map((id) => scenario.issues.find((i) => i.id === id)!),
    );
  return ids.length ? ids : undefined;
}

/**
 * The issue a coalition command works on: `--issue`, else the coalition block's issue, else the
 * scenario's only issue; an unknown or missing issue is a usage error naming the choices.
 */
export function resolveIssue(s: Scenario, flag: string | undefined): string {
  const ids = s.issues.map((i) => i.id);
  if (flag !== undefined) {
    if (!ids.includes(flag)) {
      throw new InputError({
        path: '--issue',
        message: `unknown issue "${flag}"; issues: ${ids.join(', ')}`,
      });
    }
    return flag;
  }
  if (s.coalition) return s.coalition.issue;
  if (ids.length === 1) return ids[0]!;
  throw new InputError({
    path: '--issue',
    message: `required: the scenario has ${ids.length} issues and no coalition block; issues: ${ids.join(', ')}`,
  });
}
