/**
 * Why each candidate chooses its level (docs/spec/commitment.md §6): its utility at every level,
 * term by term, given the others' levels in the selected profile, and the terms that decide the
 * choice against the runner-up level (the best level it did not choose).
 */
import { type CommitmentInput, TERM_NAMES, type TermName } from './commitment-input.ts';
import { type GameTables, termValues, utilityAt } from './game.ts';

export interface LevelUtility {
  /** Level index. */
  readonly level: number;
  readonly utility: number;
  /** The six terms, in {@link TERM_NAMES} order; they sum to `utility`. */
  readonly terms: Record<TermName, number>;
}

export interface ChoiceExplanation {
  readonly chosen: number;
  /** The best level not chosen (−1 with a single level). */
  readonly runnerUp: number;
  /** U(chosen) − U(runner-up) ≥ 0: how firmly the choice is held. */
  readonly margin: number;
  readonly byLevel: LevelUtility[];
  /** term(chosen) − term(runner-up), largest in absolute value first. */
  readonly decisive: { term: TermName; difference: number }[];
  /** The coalition's chance of prevailing at the candidate's chosen level, others as selected. */
  readonly prevail: number;
}

/** Explains candidate i's level in `profile` (the others held at their levels). */
export function explainChoice(
  input: CommitmentInput,
  params: Float64Array,
  tables: GameTables,
  profile: Int32Array,
  i: number,
): ChoiceExplanation {
  const { levels: L, n } = input;
  let oc = 0;
  let oe = 0;
  for (let j = 0; j < n; j++) {
    if (j === i) continue;
    oc += tables.cm[j * L + profile[j]!]!;
    oe += tables.exposure[profile[j]!]!;
  }
  const buf = new Float64Array(TERM_NAMES.length);
  const byLevel: LevelUtility[] = [];
  for (let k = 0; k < L; k++) {
    termValues(input, params, i, k, oc, oe, buf);
    const terms = Object.fromEntries(TERM_NAMES.map((t, x) => [t, buf[x]!])) as Record<
      TermName,
      number
    >;
    byLevel.push({ level: k, utility: utilityAt(tables, i, k, oc, oe), terms });
  }
  const chosen = profile[i]!;
  let runnerUp = -1;
  for (let k = 0; k < L; k++) {
    if (k === chosen) continue;
    if (runnerUp < 0 || byLevel[k]!.utility > byLevel[runnerUp]!.utility) runnerUp = k;
  }
  const decisive =
    runnerUp < 0
      ? []
      : TERM_NAMES.map((term) => ({
          term,
          difference: byLevel[chosen]!.terms[term] - byLevel[runnerUp]!.terms[term],
        })).sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference));
  const A = tables.leadCapability + oc + tables.cm[i * L + chosen]!;
  const total = A + tables.rivalCapability;
  return {
    chosen,
    runnerUp,
    margin: runnerUp < 0 ? 0 : byLevel[chosen]!.utility - byLevel[runnerUp]!.utility,
    byLevel,
    decisive,
    prevail: total > 0 ? A / total : 0,
  };
}

/**
 * The candidates that do not join, nearest first, with U(join level) − U(chosen level), by name:
 * e.g. "Nearest to joining (utility gap to joint-ops at the selected equilibrium): Australia's
 * government −0.309 · … · South Korea's government −0.678".
 */
export function nearestToJoin(r: {
  joinLevel: string;
  candidates: readonly { id: string; name?: string; toJoin: number | null }[];
}): string | null {
  const out = r.candidates
    .filter((c): c is { id: string; name?: string; toJoin: number } => c.toJoin !== null)
    .sort((a, b) => b.toJoin - a.toJoin);
  if (out.length === 0) return null;
  const f = (x: number) => `${x < 0 ? '−' : '+'}${Math.abs(x).toFixed(3)}`;
  return `Nearest to joining (utility gap to ${r.joinLevel} at the selected equilibrium): ${out.map((c) => `${c.name ?? c.id} ${f(c.toJoin)}`).join(' · ')}`;
}
