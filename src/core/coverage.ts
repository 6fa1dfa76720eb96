/**
 * Evidence coverage: which of a scenario's numbers cite evidence, and which rest on indicators
 * flagged UNVERIFIED. Reported with every forecast so a reader knows how much is judgement.
 */
import {
  type CapabilityValue,
  type MeasureValue,
  type Scenario,
  COMMITMENT_TERM_FIELDS,
  evidenceOf,
} from './scenario.ts';
import { evidenceLookup } from './validate.ts';

const COMMITMENT_FIELDS = COMMITMENT_TERM_FIELDS;

export interface EvidenceCoverage {
  /** Numbers that feed the models (capabilities, positions, saliences, reference points). */
  readonly numbers: number;
  /** Of those, how many cite at least one evidence item. */
  readonly withEvidence: number;
  /**
   * Numbers with no evidence, as `actor.issue.field`, `actor.capability`, `issue.referencePoint`,
   * `coalition.party.field` or `coalition.commitment.candidate.field`.
   */
  readonly missing: string[];
  /** Numbers marked unverified or citing unverified evidence (same labels). */
  readonly unverified: string[];
}

export function evidenceCoverage(s: Scenario): EvidenceCoverage {
  const unverifiedEvidence = new Set(s.evidence.filter((e) => e.unverified).map((e) => e.id));
  const lookup = evidenceLookup(s);
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
        lookup(undefined, issue.id, 'referencePoint'),
      );
    }
  });
  s.actors.forEach((actor) => {
    visit(actor.capability, `${actor.id}.capability`, lookup(actor.id, undefined, 'capability'));
    for (const [issueId, stance] of Object.entries(actor.stances)) {
      for (const field of ['position', 'salience'] as const) {
        visit(stance[field], `${actor.id}.${issueId}.${field}`, lookup(actor.id, issueId, field));
      }
    }
  });
  // The coalition block's numbers feed the coalition analytics: they count too.
  const c = s.coalition;
  if (c) {
    for (const [party, data] of Object.entries(c.parties ?? {})) {
      for (const field of ['tradeWithRival', 'tradeWithLead', 'distanceDiscount'] as const) {
        const m = data[field];
        if (m !== undefined) visit(m, `coalition.${party}.${field}`, [...evidenceOf(m)]);
      }
    }
    for (const [name, m] of Object.entries(c.coefficients ?? {})) {
      if (m !== undefined) visit(m, `coalition.${name}`, [...evidenceOf(m)]);
    }
    c.allianceTies?.forEach((tie) => {
      if (tie.strength !== undefined) {
        visit(tie.strength, `coalition.tie ${tie.between.join('–')}`, [
          ...evidenceOf(tie.strength),
          ...(tie.evidence ?? []),
        ]);
      }
    });
    // The commitment model's measures: credibility, conflict risk, weights, every capability on
    // every measure (lead, rival, candidates) and each candidate's terms. The ladder's
    // contribution and exposure are plain structural numbers with no evidence field: not counted.
    const m = c.commitment;
    if (m) {
      const base = 'coalition.commitment';
      const measure = (v: MeasureValue, label: string) => visit(v, label, [...evidenceOf(v)]);
      measure(m.credibility, `${base}.credibility`);
      measure(m.conflictRisk, `${base}.conflictRisk`);
      for (const [term, w] of Object.entries(m.weights ?? {})) {
        if (w !== undefined) measure(w, `${base}.weights.${term}`);
      }
      const capabilities = (who: string, caps: Record<string, MeasureValue>) => {
        for (const [key, v] of Object.entries(caps)) measure(v, `${base}.${who}.capability.${key}`);
      };
      capabilities(c.lead, m.lead.capability);
      capabilities(c.rival, m.rival.capability);
      for (const [id, t] of Object.entries(m.candidates)) {
        capabilities(id, t.capability);
        for (const field of COMMITMENT_FIELDS) measure(t[field], `${base}.${id}.${field}`);
      }
    }
  }
  return { numbers, withEvidence, missing, unverified };
}
