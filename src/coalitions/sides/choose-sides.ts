/**
 * Choosing sides (Altfeld & Bueno de Mesquita 1979, "Choosing sides in wars", International Studies
 * Quarterly 23(1): 87–112; Bueno de Mesquita 1981, The War Trap): in a contest between
 * side A (led by a) and side B (led by b), each third party i compares the expected utility of
 * joining A, joining B, or staying out. Joining a side changes that side's probability of winning;
 * i values the change by how much it prefers that side's victory:
 *
 *   E_i(join A) = (P_A^{+i} − P_A) · Δ_i − κ_i^A
 *   E_i(join B) = (P_B^{+i} − P_B) · (−Δ_i) − κ_i^B
 *   E_i(out)    = 0
 *
 * with, on the issue's scale (range R = max − min) and our spatial reading of the utilities:
 *   e_j = c_j·δ_j                      capability brought to bear (δ_j ∈ [0,1]: distance discount,
 *                                      Boulding's loss-of-strength gradient as used in The War Trap)
 *   P_A = e_a / (e_a + e_b),  P_A^{+i} = (e_a + e_i) / (e_a + e_b + e_i)   (and symmetrically for B)
 *   Δ_i = s_i [v_i(x_a) − v_i(x_b)] + θ_ally (t_ia − t_ib)   i's stake: U_iA − U_iB
 *   v_i(x) = 1 − |x_i − x| / R          linear spatial utility
 *   t_ij ∈ [0,1]                        alliance tie (The War Trap measures U_iA − U_iB by the
 *                                      similarity of alliance portfolios; here ties add to the
 *                                      spatial stake, weighted by θ_ally)
 *   κ_i^A = θ_trade·τ_i^B + θ_pub·π_i(x_a),  κ_i^B = θ_trade·τ_i^A + θ_pub·π_i(x_b)
 *   τ_i^B                               share of i's exports going to B's leader (exposure to
 *                                      retaliation by the side i joins against)
 *   π_i(x) = s_p (|x_p − x| − |x_p − q|) / R   the utility i's public p loses when i commits to x
 *                                      instead of the status quo q (negative: the public gains)
 *
 * Without costs (κ = 0) this is the classical rule: i joins the side it prefers and never stays out
 * unless indifferent. The costs are our extension (issue 9), every coefficient from the scenario's
 * `coalition` block. Each third party decides alone against the two leaders (as in Altfeld & Bueno
 * de Mesquita); its choice does not depend on the others'. Pure: numbers in, choices out.
 */
import type { NumericInput } from '../../core/numeric-input.ts';
import {
  ALLIANCE_VALUE,
  type CoalitionInput,
  PUBLIC_WEIGHT,
  TRADE_COST,
} from '../coalition-input.ts';

export type Side = 'A' | 'B' | 'out';

export interface SideChoice {
  /** Actor index. */
  readonly actor: number;
  /** Δ_i: > 0 prefers A's victory. */
  readonly stake: number;
  /** P_A^{+i} − P_A and P_B^{+i} − P_B. */
  readonly gainA: number;
  readonly gainB: number;
  /** κ_i^A, κ_i^B. */
  readonly costA: number;
  readonly costB: number;
  /** E_i(join A), E_i(join B); E_i(out) = 0. */
  readonly joinA: number;
  readonly joinB: number;
  readonly choice: Side;
  /** Expected utility of the choice minus that of the next best option (≥ 0). */
  readonly margin: number;
}

export interface SidesResult {
  /** P_A: the probability that A prevails over B, the leaders alone. */
  readonly pA: number;
  readonly choices: SideChoice[];
  /** Plain-language notes (e.g. no status quo for the public's cost). */
  readonly warnings: string[];
}

/** Utilities closer than this count as a tie, so mirror-image inputs do not flip by rounding. */
const TIE = 1e-12;

export function chooseSides(input: NumericInput, c: CoalitionInput): SidesResult {
  const { d, n } = input;
  const k = c.issue;
  const R = input.scaleMax[k]! - input.scaleMin[k]!;
  const q = input.reference[k]!;
  const at = (i: number) => i * d + k;
  const e = (i: number) => input.capability[i]! * c.distance[i]!;
  const ea = e(c.lead);
  const eb = e(c.rival);
  const xa = input.position[at(c.lead)]!;
  const xb = input.position[at(c.rival)]!;
  const thetaTrade = c.coefficients[TRADE_COST]!;
  const thetaPublic = c.coefficients[PUBLIC_WEIGHT]!;
  const thetaAlly = c.coefficients[ALLIANCE_VALUE]!;
  const warnings: string[] = [];
  const pA = ea + eb > 0 ? ea / (ea + eb) : 0.5;
  const pB = 1 - pA;

  const publicCost = (i: number, x: number): number => {
    const p = c.publicOf[i]!;
    if (p < 0 || thetaPublic === 0 || !input.present[at(p)]) return 0;
    if (Number.isNaN(q)) return 0;
    const xp = input.position[at(p)]!;
    return (input.salience[at(p)]! * (Math.abs(xp - x) - Math.abs(xp - q))) / R;
  };
  if (Number.isNaN(q) && thetaPublic !== 0 && c.publicOf.some((p) => p >= 0)) {
    warnings.push(
      `issue ${input.issueIds[k]} has no reference point (status quo): publics' opposition is left out`,
    );
  }

  const choices: SideChoice[] = [];
  for (let i = 0; i < n; i++) {
    if (i === c.lead || i === c.rival || !input.present[at(i)]) continue;
    const xi = input.position[at(i)]!;
    const si = input.salience[at(i)]!;
    const va = 1 - Math.abs(xi - xa) / R;
    const vb = 1 - Math.abs(xi - xb) / R;
    const stake = si * (va - vb) + thetaAlly * (c.tie[i * n + c.lead]! - c.tie[i * n + c.rival]!);
    const ei = e(i);
    const total = ea + eb + ei;
    const gainA = total > 0 ? (ea + ei) / total - pA : 0;
    const gainB = total > 0 ? (eb + ei) / total - pB : 0;
    const costA = thetaTrade * c.tradeWithRival[i]! + thetaPublic * publicCost(i, xa);
    const costB = thetaTrade * c.tradeWithLead[i]! + thetaPublic * publicCost(i, xb);
    const joinA = gainA * stake - costA;
    const joinB = -gainB * stake - costB;
    const options: [Side, number][] = [
      ['out', 0],
      ['A', joinA],
      ['B', joinB],
    ];
    // Ties go to staying out, then to A (the order above): joining must pay strictly.
    let best = options[0]!;
    for (const o of options) if (o[1] > best[1] + TIE) best = o;
    const rest = options.filter((o) => o !== best).map((o) => o[1]);
    choices.push({
      actor: i,
      stake,
      gainA,
      gainB,
      costA,
      costB,
      joinA,
      joinB,
      choice: best[0],
      margin: best[1] - Math.max(...rest),
    });
  }
  return { pA, choices, warnings };
}
