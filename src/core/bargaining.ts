/**
 * Which issues the bargaining models run on. An issue marked `bargaining: false` is a decision
 * each coalition candidate takes (the commitment model answers it). Light on purpose: the CLI's
 * option definitions import it, so it must not load the scenario schema.
 */
import { InputError } from './errors.ts';
import type { Scenario } from './scenario.ts';

/** Whether the bargaining models run on an issue (`bargaining: false` marks a decision issue). */
export function isBargained(issue: { readonly bargaining?: boolean | undefined }): boolean {
  return issue.bargaining !== false;
}

/** The ids of the issues the bargaining models run on, in scenario order. */
export function bargainingIssueIds(s: Scenario): string[] {
  return s.issues.filter(isBargained).map((i) => i.id);
}

/**
 * The bargaining models run only on bargained issues: an issue marked `bargaining: false` is a
 * decision each coalition candidate takes, answered by the commitment model.
 */
export function assertBargained(
  scenario: Scenario,
  issues: readonly { id: string; bargaining?: boolean | undefined }[],
): void {
  const decided = issues.filter((i) => !isBargained(i));
  if (decided.length > 0) {
    const ids = decided.map((i) => i.id).join(', ');
    const bargained = scenario.issues.filter(isBargained).map((i) => i.id);
    throw new InputError({
      path: '--issue',
      message: `issue ${ids} is not bargained (bargaining: false): each coalition candidate decides it, so the commitment model answers it (entente commitment); bargained issues: ${bargained.join(', ') || 'none'}`,
    });
  }
  if (issues.length === 0) {
    throw new InputError({
      path: 'issues',
      message:
        'no issue is bargained (every issue has bargaining: false): the bargaining models have nothing to run on; use entente commitment',
    });
  }
}
