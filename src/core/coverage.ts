/**
 * Evidence coverage: which of a scenario's numbers cite evidence, and which rest on indicators
 * flagged UNVERIFIED. Reported with every forecast so a reader knows how much is judgement.
 */
import type { CapabilityValue, MeasureValue, Scenario } from './scenario.ts';
import { evidenceFor } from './validate.ts';

export interface EvidenceCoverage {
  /** Numbers that feed the models (capabilities, positions, saliences, reference points). */
  readonly numbers: number;
  /** Of those, how many cite at least one evidence item. */
  readonly withEvidence: number;
  /** Numbers with no evidence, as `actor.issue.field`, `actor.capability` or `issue.referencePoint`. */
  readonly missing: string[];
  /** Numbers marked unverified or citing unverified evidence (same labels). */
  readonly unverified: string[];
}

export function evidenceCoverage(s: Scenario): EvidenceCoverage {
  const unverifiedEvidence = new Set(s.evidence.filter((e) => e.unverified).map((e) => e.id));
  let numbers = 0;
  let withEvidence = 0;
  const missing: string[] = [];
  const unverified: string[] = [];
  const visit = (m: MeasureValue | CapabilityValue, label: string, ids: string[]) => {
    numbers++;
    if (ids.length > 0) withEvidence++;
    else missing.push(label);
    const flagged = typeof m !== 'number' && m.unverified === true;
    if (flagged || ids.some((id) => unverifiedEvidence.has(id))) unverified.push(label);
  };
  s.issues.forEach((issue) => {
    if (issue.referencePoint !== undefined) {
      visit(
        issue.referencePoint,
        `${issue.id}.referencePoint`,
        evidenceFor(s, undefined, issue.id, 'referencePoint'),
      );
    }
  });
  s.actors.forEach((actor) => {
    visit(
      actor.capability,
      `${actor.id}.capability`,
      evidenceFor(s, actor.id, undefined, 'capability'),
    );
    for (const [issueId, stance] of Object.entries(actor.stances)) {
      for (const field of ['position', 'salience'] as const) {
        visit(
          stance[field],
          `${actor.id}.${issueId}.${field}`,
          evidenceFor(s, actor.id, issueId, field),
        );
      }
    }
  });
  return { numbers, withEvidence, missing, unverified };
}
