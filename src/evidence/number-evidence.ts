/**
 * Every number of a scenario with the evidence behind it, for `entente evidence FILE`: reference
 * points, capabilities, positions, saliences and the coalition block's numbers, each with its
 * value, range, review status and confidence, and the evidence items it cites or that support it
 * (quote, source, locator). Numbers without evidence and proposed numbers are flagged.
 */
import type {
  CapabilityValue,
  MeasureValue,
  Scenario,
  ScenarioEvidence,
  SourceGrade,
} from '../core/scenario.ts';
import { COMMITMENT_TERM_FIELDS, evidenceOf } from '../core/scenario.ts';
import { evidenceLookup } from '../core/validate.ts';

export interface NumberEvidence {
  /** `actor.issue.field`, `actor.capability`, `issue.referencePoint`, `coalition.…` */
  readonly label: string;
  readonly value: number;
  readonly low?: number;
  readonly high?: number;
  readonly status: 'proposed' | 'accepted';
  readonly confidence?: number;
  readonly unverified: boolean;
  readonly derivation?: string;
  readonly evidence: readonly {
    id: string;
    source?: string;
    sourceTitle?: string;
    quote?: string;
    locator?: string;
    /** The grade of the item's source (primary, secondary, mirror, memory), when given. */
    grade?: SourceGrade;
    status: 'proposed' | 'accepted';
    unverified: boolean;
  }[];
}

/** One evidence item as `entente evidence` shows it. */
export type EvidenceEntry = NumberEvidence['evidence'][number];

/** An evidence item of the file and what cites it. */
export function evidenceEntry(s: Scenario, id: string): EvidenceEntry {
  const e = s.evidence.find((x) => x.id === id);
  return entryOf(id, e, e ? s.sources.find((x) => x.id === e.source) : undefined);
}

function entryOf(
  id: string,
  e: ScenarioEvidence | undefined,
  src: Scenario['sources'][number] | undefined,
): EvidenceEntry {
  return {
    id,
    ...(e?.source ? { source: e.source } : {}),
    ...(src ? { sourceTitle: src.title } : {}),
    ...(e?.quote ? { quote: e.quote } : {}),
    ...(e?.locator ? { locator: e.locator } : {}),
    ...(src?.grade ? { grade: src.grade } : {}),
    status: e?.status ?? 'accepted',
    unverified: e?.unverified === true,
  };
}

export function listNumberEvidence(s: Scenario): NumberEvidence[] {
  // Indexed once: looking each id up in the lists would cost time quadratic in the scenario.
  const lookup = evidenceLookup(s);
  const items = new Map(s.evidence.map((e) => [e.id, e]));
  const sources = new Map(s.sources.map((src) => [src.id, src]));
  const item = (id: string) => {
    const e = items.get(id);
    return entryOf(id, e, e?.source === undefined ? undefined : sources.get(e.source));
  };
  const out: NumberEvidence[] = [];
  const add = (label: string, m: MeasureValue | CapabilityValue, ids: readonly string[]) => {
    const obj = typeof m === 'number' ? undefined : m;
    out.push({
      label,
      value: typeof m === 'number' ? m : m.value,
      ...(obj?.low !== undefined ? { low: obj.low } : {}),
      ...(obj?.high !== undefined ? { high: obj.high } : {}),
      status: obj?.status ?? 'accepted',
      ...(obj?.confidence !== undefined ? { confidence: obj.confidence } : {}),
      unverified: obj?.unverified === true,
      ...(obj?.derivation ? { derivation: obj.derivation } : {}),
      evidence: [...new Set(ids)].map(item),
    });
  };
  for (const issue of s.issues) {
    if (issue.referencePoint !== undefined)
      add(
        `${issue.id}.referencePoint`,
        issue.referencePoint,
        lookup(undefined, issue.id, 'referencePoint'),
      );
  }
  for (const actor of s.actors) {
    add(`${actor.id}.capability`, actor.capability, lookup(actor.id, undefined, 'capability'));
    for (const [issueId, stance] of Object.entries(actor.stances)) {
      for (const field of ['position', 'salience'] as const)
        add(`${actor.id}.${issueId}.${field}`, stance[field], lookup(actor.id, issueId, field));
    }
  }
  const c = s.coalition;
  if (c) {
    for (const [id, party] of Object.entries(c.parties ?? {})) {
      for (const key of ['tradeWithRival', 'tradeWithLead', 'distanceDiscount'] as const) {
        const m = party[key];
        if (m !== undefined) add(`coalition.parties.${id}.${key}`, m, evidenceOf(m));
      }
    }
    for (const [key, m] of Object.entries(c.coefficients ?? {}))
      if (m !== undefined) add(`coalition.coefficients.${key}`, m, evidenceOf(m));
    (c.allianceTies ?? []).forEach((t) => {
      add(`coalition.allianceTies.${t.between.join('-')}.strength`, t.strength ?? 1, [
        ...(t.evidence ?? []),
        ...evidenceOf(t.strength),
      ]);
    });
    // The commitment model's numbers (docs/spec/commitment.md), labelled by their path.
    const m = c.commitment;
    if (m) {
      const at = 'coalition.commitment';
      add(`${at}.credibility`, m.credibility, evidenceOf(m.credibility));
      add(`${at}.conflictRisk`, m.conflictRisk, evidenceOf(m.conflictRisk));
      for (const [key, w] of Object.entries(m.weights ?? {}))
        if (w !== undefined) add(`${at}.weights.${key}`, w, evidenceOf(w));
      for (const [who, caps] of [
        ['lead', m.lead.capability],
        ['rival', m.rival.capability],
      ] as const) {
        for (const [key, v] of Object.entries(caps))
          add(`${at}.${who}.capability.${key}`, v, evidenceOf(v));
      }
      for (const [id, t] of Object.entries(m.candidates)) {
        for (const [key, v] of Object.entries(t.capability))
          add(`${at}.candidates.${id}.capability.${key}`, v, evidenceOf(v));
        for (const key of COMMITMENT_TERM_FIELDS)
          add(`${at}.candidates.${id}.${key}`, t[key], evidenceOf(t[key]));
      }
    }
  }
  return out;
}

/**
 * Evidence items that feed no number: neither a number of the file (`listNumberEvidence`) nor a
 * variant's change cites them. Items marked `context: true` are listed here whether or not
 * something cites them, so a check can catch a context item that does feed a number.
 */
export function listContextEvidence(
  s: Scenario,
  numbers: readonly NumberEvidence[] = listNumberEvidence(s),
): (EvidenceEntry & { note?: string; marked: boolean; citedBy: string[] })[] {
  const citedBy = new Map<string, string[]>();
  const cite = (id: string, by: string) => citedBy.set(id, [...(citedBy.get(id) ?? []), by]);
  for (const n of numbers) for (const e of n.evidence) cite(e.id, n.label);
  for (const v of s.variants ?? [])
    v.changes.forEach((c, i) => {
      for (const id of c.evidence ?? []) cite(id, `variants.${v.id}.changes[${i}]`);
    });
  return s.evidence
    .filter((e) => e.context === true || !citedBy.has(e.id))
    .map((e) => ({
      ...evidenceEntry(s, e.id),
      ...(e.note ? { note: e.note } : {}),
      marked: e.context === true,
      citedBy: citedBy.get(e.id) ?? [],
    }));
}
