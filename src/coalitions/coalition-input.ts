/**
 * The coalition question as numbers, beside the scenario's {@link NumericInput}: who leads, who is
 * the rival, who may join, and per actor the data of the scenario's `coalition` block (trade shares,
 * public, distance discount, alliance ties) and the payoff coefficients. Typed arrays indexed by
 * actor, so a Monte Carlo draw can overwrite them in place (see measure-slots.ts).
 */
import type { NumericInput } from '../core/numeric-input.ts';
import { type MeasureValue, type Scenario, valueOf } from '../core/scenario.ts';
import type { MeasureSlot } from './measure-slots.ts';

/** Indexes of {@link CoalitionInput.coefficients}. */
export const TRADE_COST = 0;
export const PUBLIC_WEIGHT = 1;
export const ALLIANCE_VALUE = 2;

export interface CoalitionInput {
  /** Index of the issue in the numeric input. */
  readonly issue: number;
  /** Actor index of the lead (side A in `entente sides`). */
  readonly lead: number;
  /** Actor index of the rival (side B). */
  readonly rival: number;
  /** Actor indexes of the candidate joiners, in the scenario's order. */
  readonly candidates: Int32Array;
  /** Per actor: index of the actor standing for its public, or −1. */
  readonly publicOf: Int32Array;
  /** Per actor: share of exports going to the rival, 0–1 (0 when unknown). */
  readonly tradeWithRival: Float64Array;
  /** Per actor: share of exports going to the lead, 0–1 (0 when unknown). */
  readonly tradeWithLead: Float64Array;
  /** Per actor: share of capability brought to bear, 0–1 (default 1). */
  readonly distance: Float64Array;
  /** Alliance-tie strength per pair, n·n, symmetric, 0–1. */
  readonly tie: Float64Array;
  /** [tradeCost, publicWeight, allianceValue]; 0 when the scenario does not give them. */
  readonly coefficients: Float64Array;
}

export interface CoalitionSpec {
  readonly issue: string;
  readonly lead: string;
  readonly rival: string;
  /** Default: the block's candidates when the pair matches it, else every other actor on the issue. */
  readonly candidates?: readonly string[];
}

export interface CompiledCoalition {
  readonly coalition: CoalitionInput;
  /** Every ranged number of the coalition block, for Monte Carlo draws. */
  readonly slots: MeasureSlot[];
  readonly warnings: string[];
}

/** The spec of the scenario's own coalition block, or null when it has none. */
export function scenarioCoalitionSpec(s: Scenario): CoalitionSpec | null {
  const c = s.coalition;
  return c ? { issue: c.issue, lead: c.lead, rival: c.rival, candidates: c.candidates } : null;
}

/**
 * Builds the numbers for `spec` (ids assumed valid: the shells check them). Trade shares are read
 * relative to the block's lead and rival: they are swapped when `spec` names the pair the other way
 * round, and dropped (with a warning) when it names another pair.
 */
export function compileCoalition(
  s: Scenario,
  input: NumericInput,
  spec: CoalitionSpec,
): CompiledCoalition {
  const n = input.n;
  const index = (id: string): number => {
    const i = input.actorIds.indexOf(id);
    if (i < 0) throw new RangeError(`unknown actor "${id}"`);
    return i;
  };
  const issue = input.issueIds.indexOf(spec.issue);
  if (issue < 0) throw new RangeError(`issue "${spec.issue}" is not in the numeric input`);
  const lead = index(spec.lead);
  const rival = index(spec.rival);
  const block = s.coalition;
  const samePair = block?.lead === spec.lead && block.rival === spec.rival;
  const swapped = block?.lead === spec.rival && block.rival === spec.lead;
  const present = (i: number) => input.present[i * input.d + issue] === 1;
  const candidateIds =
    spec.candidates ??
    (samePair || swapped
      ? block.candidates
      : input.actorIds.filter((id, i) => i !== lead && i !== rival && present(i)));
  const coalition: CoalitionInput = {
    issue,
    lead,
    rival,
    candidates: Int32Array.from(candidateIds.map(index)),
    publicOf: new Int32Array(n).fill(-1),
    tradeWithRival: new Float64Array(n),
    tradeWithLead: new Float64Array(n),
    distance: new Float64Array(n).fill(1),
    tie: new Float64Array(n * n),
    coefficients: new Float64Array(3),
  };
  const slots: MeasureSlot[] = [];
  const warnings: string[] = [];
  const bind = (m: MeasureValue, scale: number, write: (v: number) => void) => {
    write(valueOf(m) * scale);
    slots.push({ measure: m, write: (v) => write(v * scale) });
  };
  if (!block) return { coalition, slots, warnings };

  const coef = block.coefficients ?? {};
  if (coef.tradeCost) bind(coef.tradeCost, 1, (v) => (coalition.coefficients[TRADE_COST] = v));
  if (coef.publicWeight)
    bind(coef.publicWeight, 1, (v) => (coalition.coefficients[PUBLIC_WEIGHT] = v));
  if (coef.allianceValue)
    bind(coef.allianceValue, 1, (v) => (coalition.coefficients[ALLIANCE_VALUE] = v));

  let droppedTrade = false;
  for (const [id, party] of Object.entries(block.parties ?? {})) {
    const i = index(id);
    if (party.public !== undefined) coalition.publicOf[i] = index(party.public);
    if (party.distanceDiscount) bind(party.distanceDiscount, 1, (v) => (coalition.distance[i] = v));
    const toRival = swapped ? coalition.tradeWithLead : coalition.tradeWithRival;
    const toLead = swapped ? coalition.tradeWithRival : coalition.tradeWithLead;
    if (!samePair && !swapped && (party.tradeWithRival || party.tradeWithLead)) {
      droppedTrade = true;
      continue;
    }
    if (party.tradeWithRival) bind(party.tradeWithRival, 0.01, (v) => (toRival[i] = v));
    if (party.tradeWithLead) bind(party.tradeWithLead, 0.01, (v) => (toLead[i] = v));
  }
  if (droppedTrade) {
    warnings.push(
      `trade shares in the coalition block are relative to ${block.lead} and ${block.rival}; they are not used for ${spec.lead} vs ${spec.rival}`,
    );
  }
  for (const t of block.allianceTies ?? []) {
    const [a, b] = [index(t.between[0]), index(t.between[1])];
    const write = (v: number) => {
      coalition.tie[a * n + b] = v;
      coalition.tie[b * n + a] = v;
    };
    if (t.strength) bind(t.strength, 1, write);
    else write(1);
  }
  return { coalition, slots, warnings };
}
