/**
 * The commitment question as numbers: the ladder of levels, and every term of every candidate's
 * utility in one flat `Float64Array` (`params`), so a Monte Carlo draw overwrites the ranged ones
 * in place and a worker receives plain typed arrays. Layout (docs/spec/commitment.md §4):
 *
 *   params[0 .. GLOBALS)              credibility, lead and rival capability, six term weights,
 *                                     conflict risk
 *   params[GLOBALS + i·TERMS + t]     candidate i's term t (capability, security, …)
 *
 * Every number that has a range becomes an {@link CommitmentInputSpec} (its slot in `params`, its
 * range, the actor who would have to act to change it), for draws, explanations and levers.
 */
import { commitmentTermOwner } from '../../core/actionable.ts';
import type { FieldPath } from '../../core/path.ts';
import {
  COMMITMENT_TERM_FIELDS,
  type MeasureValue,
  type Scenario,
  type ScenarioCommitment,
  rangeOf,
  valueOf,
} from '../../core/scenario.ts';

/** Global slots of {@link CommitmentInput.params}. */
export const CREDIBILITY = 0;
export const LEAD_CAPABILITY = 1;
export const RIVAL_CAPABILITY = 2;
export const W_SECURITY = 3;
export const W_PREVAIL = 4;
export const W_WAR = 5;
export const W_COERCION = 6;
export const W_THREAT = 7;
export const W_DOMESTIC = 8;
export const CONFLICT_RISK = 9;
export const GLOBALS = 10;

/** Per-candidate slots, offset by `GLOBALS + i·TERMS`. */
export const T_CAPABILITY = 0;
export const T_SECURITY = 1;
export const T_ABANDONMENT = 2;
export const T_STAKE = 3;
export const T_TRADE = 4;
export const T_COERCION = 5;
export const T_THREAT = 6;
export const T_SUPPORT = 7;
export const T_DEPENDENCE = 8;
export const TERMS = 9;

/** The candidate fields in slot order (after capability). */
export const CANDIDATE_FIELDS = COMMITMENT_TERM_FIELDS;
export type CandidateField = (typeof CANDIDATE_FIELDS)[number];

/** The six terms of the utility, in the order results list them. */
export const TERM_NAMES = ['security', 'prevail', 'war', 'coercion', 'threat', 'domestic'] as const;
export type TermName = (typeof TERM_NAMES)[number];

/** Weight slots in {@link TERM_NAMES} order. */
export const WEIGHT_SLOTS = [W_SECURITY, W_PREVAIL, W_WAR, W_COERCION, W_THREAT, W_DOMESTIC];

/** Which term each input feeds (for knock-out explanations and levers). */
export const TERM_OF_FIELD: Record<CandidateField | 'capability', TermName[]> = {
  capability: ['prevail', 'war'],
  security: ['security'],
  abandonment: ['security'],
  stake: ['prevail'],
  tradeExposure: ['coercion'],
  coercion: ['coercion'],
  localThreat: ['threat'],
  publicSupport: ['domestic'],
  publicDependence: ['domestic'],
};

/** Structured-clonable numbers of the commitment question. */
export interface CommitmentInput {
  /** Candidates N and levels L. */
  readonly n: number;
  readonly levels: number;
  /** Per level: share of capability contributed, and exposure; both non-decreasing. */
  readonly contribution: Float64Array;
  readonly exposure: Float64Array;
  /** Index of the lowest level that counts as joining. */
  readonly joinLevel: number;
  /** Per candidate: the level held today (the start of the best-response path). */
  readonly current: Int32Array;
  /** True: the rival's coercion is spread over the committed members (1/(1 + others' exposure)). */
  readonly coercionSharing: boolean;
  /** Globals then candidates' terms (see the module comment). */
  readonly params: Float64Array;
}

/** One number of the commitment block that an analysis may vary. */
export interface CommitmentInputSpec {
  /** E.g. `korea-gov.coercion`, `credibility`, `weights.war`, `china.capability.milex`. */
  readonly id: string;
  /** The scenario path of the measure, e.g. `coalition.commitment.candidates.korea-gov.coercion`. */
  readonly path: FieldPath;
  readonly slot: number;
  /** Candidate index, or −1 for a global (credibility, capabilities of lead/rival, weights). */
  readonly candidate: number;
  /** The field, e.g. `coercion`, `credibility`, `capability`, `weight`. */
  readonly field: CandidateField | 'capability' | 'credibility' | 'conflictRisk' | 'weight';
  /** The terms it feeds. */
  readonly terms: readonly TermName[];
  readonly low: number;
  readonly mode: number;
  readonly high: number;
  /** The widest range a lever may move it over: [0, 1] for shares; capabilities 0..4× high. */
  readonly bounds: readonly [number, number];
  /** Who would have to act to move it (an actor id). */
  readonly actor: string;
  /** Evidence ids cited on the measure. */
  readonly evidence: readonly string[];
  readonly unverified: boolean;
}

export interface CompiledCommitment {
  readonly input: CommitmentInput;
  readonly candidateIds: readonly string[];
  readonly candidateNames: readonly string[];
  readonly levelIds: readonly string[];
  readonly levelLabels: readonly string[];
  readonly lead: string;
  readonly rival: string;
  readonly capabilityMeasure: string;
  /** Every number, ranged or not, in slot order. */
  readonly inputs: readonly CommitmentInputSpec[];
}

/**
 * Compiles the scenario's commitment block (assumed valid: `validateScenario` has run). The
 * capability measure may be overridden (`measure`), e.g. to compare military spending with CINC.
 */
export function compileCommitment(s: Scenario, measure?: string): CompiledCommitment {
  const c = s.coalition;
  const m: ScenarioCommitment | undefined = c?.commitment;
  if (!c || !m) throw new RangeError('the scenario has no coalition.commitment block');
  const capabilityMeasure = measure ?? m.capabilityMeasure;
  const n = c.candidates.length;
  const L = m.levels.length;
  const params = new Float64Array(GLOBALS + n * TERMS);
  const inputs: CommitmentInputSpec[] = [];
  const base: FieldPath = ['coalition', 'commitment'];
  const bind = (
    measureValue: MeasureValue,
    slot: number,
    spec: Omit<CommitmentInputSpec, 'slot' | 'low' | 'mode' | 'high' | 'evidence' | 'unverified'>,
  ) => {
    const [low, high] = rangeOf(measureValue);
    params[slot] = valueOf(measureValue);
    inputs.push({
      ...spec,
      slot,
      low,
      mode: valueOf(measureValue),
      high,
      evidence: typeof measureValue === 'number' ? [] : (measureValue.evidence ?? []),
      unverified: typeof measureValue !== 'number' && measureValue.unverified === true,
    });
  };
  const capBounds = (v: MeasureValue): [number, number] => [0, 4 * rangeOf(v)[1]];
  bind(m.credibility, CREDIBILITY, {
    id: 'credibility',
    path: [...base, 'credibility'],
    candidate: -1,
    field: 'credibility',
    terms: ['security', 'prevail', 'war'],
    bounds: [0, 1],
    actor: c.lead,
  });
  bind(m.conflictRisk, CONFLICT_RISK, {
    id: 'conflictRisk',
    path: [...base, 'conflictRisk'],
    candidate: -1,
    field: 'conflictRisk',
    terms: ['war'],
    bounds: [0, 1],
    actor: c.rival,
  });
  for (const [slot, who, caps] of [
    [LEAD_CAPABILITY, c.lead, m.lead.capability],
    [RIVAL_CAPABILITY, c.rival, m.rival.capability],
  ] as const) {
    const v = caps[capabilityMeasure];
    if (v === undefined) throw new RangeError(`no capability on measure "${capabilityMeasure}"`);
    bind(v, slot, {
      id: `${who}.capability.${capabilityMeasure}`,
      path: [...base, slot === LEAD_CAPABILITY ? 'lead' : 'rival', 'capability', capabilityMeasure],
      candidate: -1,
      field: 'capability',
      terms: ['prevail', 'war'],
      bounds: capBounds(v),
      actor: who,
    });
  }
  TERM_NAMES.forEach((term, t) => {
    const w = m.weights?.[term];
    if (w === undefined) params[WEIGHT_SLOTS[t]!] = 1;
    else
      bind(w, WEIGHT_SLOTS[t]!, {
        id: `weights.${term}`,
        path: [...base, 'weights', term],
        candidate: -1,
        field: 'weight',
        terms: [term],
        bounds: [0, Math.max(4 * rangeOf(w)[1], 1)],
        actor: 'model',
      });
  });
  const current = new Int32Array(n);
  c.candidates.forEach((id, i) => {
    const t = m.candidates[id];
    if (!t) throw new RangeError(`candidate "${id}" has no commitment terms`);
    const at = GLOBALS + i * TERMS;
    const cap = t.capability[capabilityMeasure];
    if (cap === undefined)
      throw new RangeError(`candidate "${id}" has no capability on "${capabilityMeasure}"`);
    bind(cap, at + T_CAPABILITY, {
      id: `${id}.capability.${capabilityMeasure}`,
      path: [...base, 'candidates', id, 'capability', capabilityMeasure],
      candidate: i,
      field: 'capability',
      terms: TERM_OF_FIELD.capability,
      bounds: capBounds(cap),
      actor: id,
    });
    CANDIDATE_FIELDS.forEach((field, f) => {
      bind(t[field], at + 1 + f, {
        id: `${id}.${field}`,
        path: [...base, 'candidates', id, field],
        candidate: i,
        field,
        terms: TERM_OF_FIELD[field],
        bounds: [0, 1],
        actor: commitmentTermOwner(field, id, c.lead, c.rival),
      });
    });
    current[i] = t.current === undefined ? 0 : m.levels.findIndex((l) => l.id === t.current);
  });
  const names = new Map(s.actors.map((a) => [a.id, a.name]));
  return {
    input: {
      n,
      levels: L,
      contribution: Float64Array.from(m.levels.map((l) => l.contribution)),
      exposure: Float64Array.from(m.levels.map((l) => l.exposure)),
      joinLevel: m.levels.findIndex((l) => l.id === m.joinLevel),
      current,
      coercionSharing: m.coercionSharing ?? true,
      params,
    },
    candidateIds: [...c.candidates],
    candidateNames: c.candidates.map((id) => names.get(id) ?? id),
    levelIds: m.levels.map((l) => l.id),
    levelLabels: m.levels.map((l) => l.label),
    lead: c.lead,
    rival: c.rival,
    capabilityMeasure,
    inputs,
  };
}

/** The ranged inputs (low < high): the ones a Monte Carlo draws. */
export function rangedInputs(compiled: CompiledCommitment): CommitmentInputSpec[] {
  return compiled.inputs.filter((x) => x.high > x.low);
}
