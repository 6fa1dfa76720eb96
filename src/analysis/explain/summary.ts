/**
 * The sentences a reader sees first (CLI text, reports): all of them, except the EUM's moves,
 * which can run to dozens — there the largest moves, and the first "holds out" sentences. Every
 * sentence stays in the data (`--json`).
 */
import type { Explanation, ExplanationSentence } from './types.ts';

/** EUM moves shown (the largest). */
export const EUM_MOVES_SHOWN = 4;
/** EUM "holds out" sentences shown. */
export const EUM_HOLDOUTS_SHOWN = 2;

export function summarizeExplanation(e: Explanation): {
  sentences: ExplanationSentence[];
  /** Sentences left out. */
  hidden: number;
} {
  if (e.model !== 'eum') return { sentences: [...e.sentences], hidden: 0 };
  const lead = e.sentences.filter((s) => s.round === undefined);
  const moves = e.sentences.filter((s) => s.round !== undefined && s.numbers.to !== undefined);
  const holdouts = e.sentences.filter((s) => s.round !== undefined && s.numbers.to === undefined);
  const size = (s: ExplanationSentence) => Math.abs(s.numbers.to! - s.numbers.from!);
  const big = new Set(
    [...moves].sort((a, b) => size(b) - size(a) || a.round! - b.round!).slice(0, EUM_MOVES_SHOWN),
  );
  const keep = [
    ...lead,
    ...moves.filter((s) => big.has(s)),
    ...holdouts.slice(0, EUM_HOLDOUTS_SHOWN),
  ];
  return { sentences: keep, hidden: e.sentences.length - keep.length };
}
