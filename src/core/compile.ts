/**
 * Scenario → numeric input. Point values only; ranges are the Monte Carlo's business, which
 * compiles once and then overwrites the typed arrays in place for each draw.
 */
import { isBargained } from './bargaining.ts';
import type { NumericInput } from './numeric-input.ts';
import { type Scenario, valueOf } from './scenario.ts';

export function compileScenario(s: Scenario, issueIds?: readonly string[]): NumericInput {
  const issues = issueIds
    ? issueIds.map((id) => s.issues.find((i) => i.id === id)!)
    : s.issues.filter(isBargained);
  const n = s.actors.length;
  const d = issues.length;
  const capability = new Float64Array(n);
  const position = new Float64Array(n * d);
  const salience = new Float64Array(n * d);
  const present = new Uint8Array(n * d);
  s.actors.forEach((actor, i) => {
    capability[i] = valueOf(actor.capability);
    issues.forEach((issue, k) => {
      const stance = actor.stances[issue.id];
      const at = i * d + k;
      if (stance) {
        position[at] = valueOf(stance.position);
        salience[at] = valueOf(stance.salience) / 100;
        present[at] = 1;
      } else {
        // Absent actors sit at the midpoint with zero salience, so models that need every actor
        // on every issue (the SMP) see a neutral, weightless stance.
        position[at] = (issue.scale.min + issue.scale.max) / 2;
      }
    });
  });
  return {
    n,
    d,
    actorIds: s.actors.map((a) => a.id),
    issueIds: issues.map((i) => i.id),
    capability,
    position,
    salience,
    present,
    scaleMin: Float64Array.from(issues.map((i) => i.scale.min)),
    scaleMax: Float64Array.from(issues.map((i) => i.scale.max)),
    reference: Float64Array.from(
      issues.map((i) => (i.referencePoint === undefined ? NaN : valueOf(i.referencePoint))),
    ),
    threshold: Float64Array.from(issues.map((i) => i.threshold?.value ?? NaN)),
  };
}

export { assertBargained, bargainingIssueIds, isBargained } from './bargaining.ts';
