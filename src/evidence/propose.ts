/**
 * From an actor's stance statements to proposed numbers: a position and a salience, each with a
 * range and a confidence, and a one-line derivation that shows the cues. Conflicting statements
 * are not averaged silently: the range spans them, the confidence drops and the derivation names
 * the conflict; every statement stays cited as evidence.
 *
 * Mapping (documented in docs/evidence.md):
 * - a statement's weight w = 0.6 × holder certainty × 0.5 if conceded ("despite…") × 0.5 if about
 *   a past year × 0.85 if hedged × 0.8 for a role (proponent/target) or 0.5 for a beneficiary;
 * - its score s = direction × strength in [−1, 1]; position = mid + s × half-width of the scale;
 * - the actor's score is the w-weighted mean of its statements' scores; its range runs from the
 *   lowest to the highest statement position, widened by ± (0.15 + 0.25 (1 − w)) × half-width;
 * - confidence = 1 − ∏(1 − w), × 0.6 when statements conflict, capped at 0.9;
 * - salience per statement = 35 + 30 × strength + 15 × salience hint, plus 3 per further
 *   statement (up to 5), ± 15; its confidence is 0.6 × the position's.
 */
import type { Statement } from './analyse.ts';

export interface ScaleBounds {
  readonly min: number;
  readonly max: number;
}

export interface ProposedNumber {
  readonly value: number;
  readonly low: number;
  readonly high: number;
  readonly confidence: number;
  readonly derivation: string;
}

export interface Proposal {
  readonly direction: 'support' | 'oppose' | 'neutral';
  /**
   * The statements that carry the direction: all on its side (for a support or an oppose), or
   * the hedging ones (for a neutral). Never empty: a proposal exists only where a cue supports
   * its direction.
   */
  readonly basis: readonly Statement[];
  /** The actor's score in [−1, 1]. */
  readonly score: number;
  readonly conflict: boolean;
  readonly position: ProposedNumber;
  readonly salience: ProposedNumber;
}

/** The weight of one statement (0-1). */
export function weightOf(st: Statement): number {
  const kind = st.kind === 'cue' ? 1 : st.kind === 'beneficiary' ? 0.5 : 0.8;
  return (
    0.6 *
    st.holderCertainty *
    (st.concessive ? 0.5 : 1) *
    (st.historical ? 0.5 : 1) *
    (st.hedges.length ? 0.85 : 1) *
    kind
  );
}

const DIRECTION_WORD = { '1': 'for', '-1': 'against', '0': 'hedging' } as const;

/** "“more reluctant than any” (p6 s1)" */
export function cueLabel(st: Statement): string {
  const where = st.at.kind === 'paragraph' ? `p${st.at.paragraph} s${st.at.sentence}` : st.at.kind;
  const notes = [
    where,
    st.kind !== 'cue' ? st.kind : '',
    st.concessive ? 'conceded' : '',
    st.historical ? `about ${st.historical}` : '',
    st.holder.via === 'coref' ? `via “${st.holder.anaphor ?? st.holder.text}”` : '',
  ].filter((x) => x);
  return `“${st.cue}” (${notes.join(', ')})`;
}

const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;

/** For and against outweigh each other less than this: no side is proposed. */
export const DOMINANCE = 2;

/**
 * Why no position is proposed from these statements, or undefined when one is: none at all, or
 * for and against with neither outweighing the other `DOMINANCE` times (by weight × strength).
 */
export function abstention(statements: readonly Statement[]): string | undefined {
  if (statements.length === 0) return 'no stance cue';
  // "the defence of Taiwan": being protected by the issue says nothing of what the actor wants.
  if (statements.every((st) => st.kind === 'beneficiary'))
    return 'only named as the one the issue would protect (a beneficiary), not a stance of its own';
  const mass = (d: number) =>
    statements
      .filter((st) => st.direction === d)
      .reduce((a, st) => a + weightOf(st) * st.strength, 0);
  const pro = mass(1);
  const con = mass(-1);
  if (pro > 0 && con > 0 && Math.max(pro, con) < DOMINANCE * Math.min(pro, con))
    return `statements for (${r2(pro)}) and against (${r2(con)}) with neither side ${DOMINANCE} times the other: the analyst decides`;
  return undefined;
}

export function propose(
  statements: readonly Statement[],
  scale: ScaleBounds = { min: 0, max: 100 },
): Proposal | undefined {
  if (abstention(statements) !== undefined) return undefined;
  const mid = (scale.min + scale.max) / 2;
  const half = (scale.max - scale.min) / 2;
  const clamp = (x: number) => Math.min(scale.max, Math.max(scale.min, x));
  const items = statements.map((st) => {
    const w = weightOf(st);
    const s = st.direction * st.strength;
    const spread = (0.15 + 0.25 * (1 - w)) * half;
    return { st, w, s, pos: mid + s * half, spread };
  });
  const wsum = items.reduce((a, x) => a + x.w, 0);
  let score = items.reduce((a, x) => a + x.w * x.s, 0) / wsum;
  const pros = items.filter((x) => x.s > 0.15);
  const cons = items.filter((x) => x.s < -0.15);
  const conflict = pros.length > 0 && cons.length > 0;
  const value0 = clamp(mid + score * half);
  const low = clamp(Math.min(value0, ...items.map((x) => x.pos - x.spread)));
  const high = clamp(Math.max(value0, ...items.map((x) => x.pos + x.spread)));
  let confidence = 1 - items.reduce((a, x) => a * (1 - x.w), 1);
  if (conflict) confidence *= 0.6;
  confidence = Math.min(0.9, Math.max(0.05, confidence));

  const groups = ([1, -1, 0] as const)
    .map((d) => {
      const list = items.filter((x) => x.st.direction === d).map((x) => cueLabel(x.st));
      return list.length ? `${DIRECTION_WORD[d]}: ${list.join(', ')}` : '';
    })
    .filter((x) => x);
  // Hedging that weighs at least as much as the leading side ("ambivalent … more worried about
  // retaliation", "noncommittal … concerned") leaves the actor without a lean: neutral, its value
  // kept within the neutral band.
  const massOf = (d: number) =>
    items.filter((x) => x.st.direction === d).reduce((a, x) => a + x.w * x.st.strength, 0);
  const hedged = massOf(0) > 0 && massOf(0) >= Math.max(massOf(1), massOf(-1));
  const direction = hedged
    ? 'neutral'
    : score > 0.1
      ? 'support'
      : score < -0.1
        ? 'oppose'
        : 'neutral';
  if (hedged) score = Math.max(-0.1, Math.min(0.1, score));
  const value = clamp(mid + score * half);
  const side = direction === 'support' ? 1 : direction === 'oppose' ? -1 : 0;
  const basis = statements.filter((st) => st.direction === side);
  // A neutral from for and against that cancel out has no hedging statement to rest on.
  if (basis.length === 0) return undefined;
  const derivation =
    `${direction === 'support' ? 'for' : direction === 'oppose' ? 'against' : 'hedging or mixed'} from ${statements.length} statement${statements.length > 1 ? 's' : ''} — ${groups.join('; ')}` +
    (conflict
      ? '. CONFLICTING statements kept side by side: the range spans them and the value is their confidence-weighted mean'
      : '');

  // Salience: strong, emphatic and repeated statements say the issue matters.
  const salItems = items.map((x) => 35 + 30 * x.st.strength + 15 * x.st.salience);
  const salMean =
    items.reduce((a, x, i) => a + x.w * salItems[i]!, 0) / wsum + 3 * Math.min(5, items.length - 1);
  const sal = Math.min(95, Math.max(5, salMean));
  const salLow = Math.max(0, Math.min(sal - 15, ...salItems));
  const salHigh = Math.min(100, Math.max(sal + 15, ...salItems));
  return {
    direction,
    basis,
    score: r2(score),
    conflict,
    position: {
      value: r1(value),
      low: r1(low),
      high: r1(high),
      confidence: r2(confidence),
      derivation,
    },
    salience: {
      value: r1(sal),
      low: r1(salLow),
      high: r1(salHigh),
      confidence: r2(0.6 * confidence),
      derivation: `from the strength and emphasis of the same ${statements.length} statement${statements.length > 1 ? 's' : ''} (${statements.length} in the article): 35 + 30 × strength + 15 × emphasis, +3 per further statement`,
    },
  };
}
