import { ModelError } from '../core/errors.ts';
import { type IssueView, type NumericInput, issueView } from '../core/numeric-input.ts';
import type { ModelResult } from './model.ts';

/**
 * Runs a single-issue rule on each issue separately (docs/spec/models.md: multi-issue = each issue
 * separately). Actors keep their positions; the forecast is the rule's value per issue.
 */
export function runPerIssue(
  modelId: string,
  input: NumericInput,
  rule: (view: IssueView, warnings: string[], issueId: string) => number,
): ModelResult {
  const forecast = new Float64Array(input.d);
  const warnings: string[] = [];
  for (let k = 0; k < input.d; k++) {
    const view = issueView(input, k);
    let total = 0;
    for (let j = 0; j < view.m; j++) total += view.capability[j]! * view.salience[j]!;
    if (!(total > 0)) {
      throw new ModelError(
        `every actor on issue "${input.issueIds[k]}" has zero capability × salience, so no outcome is defined`,
        modelId,
      );
    }
    forecast[k] = rule(view, warnings, input.issueIds[k]!);
  }
  return { forecast, finalPositions: input.position.slice(), rounds: 0, converged: true, warnings };
}
