/**
 * Why each candidate of the commitment model chooses its level: the terms that decide the choice
 * against the runner-up level, as `src/coalitions/commitment/explain.ts` computes them (carried in
 * the result's `decisive`, `margin`, `runnerUp`), and its P(commit) when there were draws; and how
 * the reported equilibrium was selected (docs/spec/commitment.md, "6. Why").
 */
import type { TermName } from '../../coalitions/commitment/commitment-input.ts';
import type { CommitmentResult } from '../../coalitions/commitment/commitment-result.ts';
import { type ExplanationSentence, listWords, sentence } from './types.ts';

/** Each term in words (the glossary's "Commitment terms"). */
export const TERM_WORDS: Record<TermName, string> = {
  security: 'security (protection kept)',
  prevail: 'stake in prevailing',
  war: 'cost of war',
  coercion: 'the rival’s coercion',
  threat: 'local threat',
  domestic: 'public opinion',
};

/** Terms whose difference is smaller than this are not named as deciding. */
const NEGLIGIBLE = 5e-4;

const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;

export function explainCommitment(r: CommitmentResult): ExplanationSentence[] {
  const out: ExplanationSentence[] = [];
  const members = r.selected.members;
  out.push(
    sentence(
      `Selected equilibrium: ${members.length ? `${listWords(members)} ${members.length > 1 ? 'join' : 'joins'}` : 'nobody joins'} (${r.joinLevel} or above), the equilibrium ${r.selected.ruleText}; the coalition’s chance of prevailing there is ${r.selected.prevail.toFixed(2)}.`,
      { prevail: r.selected.prevail, members: members.length },
      members,
      ['equilibrium-selection', 'commitment-level'],
    ),
  );
  for (const c of r.candidates) {
    const terms = c.decisive.filter((d) => Math.abs(d.difference) >= NEGLIGIBLE).slice(0, 3);
    const numbers: Record<string, number> = { margin: c.margin };
    for (const d of terms) numbers[`term.${d.term}`] = d.difference;
    if (c.probabilities) numbers.pCommit = c.probabilities.commits;
    const p = c.probabilities
      ? ` P(commit) = ${c.probabilities.commits.toFixed(2)} ± ${(1.96 * c.probabilities.se).toFixed(2)} over the draws of the terms’ ranges.`
      : '';
    const choice = `${c.name} chooses ${c.level}${c.commits ? ' (joins)' : ' (stays out)'}`;
    const text =
      c.runnerUp === null
        ? `${choice}: it is the only level.${p}`
        : terms.length === 0
          ? `${choice} over ${c.runnerUp}, by ${c.margin.toFixed(3)} in utility; no single term differs by ${NEGLIGIBLE} or more.${p}`
          : `${choice} over ${c.runnerUp}, by ${c.margin.toFixed(3)} in utility; the deciding terms (${c.level} minus ${c.runnerUp}): ${terms.map((d) => `${TERM_WORDS[d.term]} ${signed(d.difference)}`).join(', ')}.${p}`;
    out.push(
      sentence(
        text,
        numbers,
        [c.id],
        ['commitment-level', 'commitment-terms', ...(c.probabilities ? ['p-commit'] : [])],
      ),
    );
  }
  return out;
}
