/**
 * Human output of the explanations (`src/analysis/explain/`): a short "Why" paragraph per model
 * and issue, under the issue's tables, and one for the commitment answer. Each glossary term is
 * pointed to once per output — "(see: entente glossary TERM)" after the first sentence using it —
 * so `seen` is shared by every call that writes into one output. Pure: returns text.
 */
import type { Explanation, ExplanationSentence } from '../../analysis/explain/index.ts';
import { summarizeExplanation } from '../../analysis/explain/summary.ts';

/** The sentence with a pointer to the glossary terms it is first in this output to use. */
function withPointers(s: ExplanationSentence, seen: Set<string>): string {
  const fresh = s.glossaryTerms.filter((t) => !seen.has(t));
  for (const t of fresh) seen.add(t);
  return fresh.length ? `${s.text} (see: entente glossary ${fresh.join(', ')})` : s.text;
}

export function renderExplanation(
  e: Explanation,
  modelName: string,
  seen: Set<string>,
  /** For the EUM's pointer to the full dyad tables. */
  issueId?: string,
): string {
  const { sentences, hidden } = summarizeExplanation(e);
  const out = [`Why (${modelName}):`, ...sentences.map((s) => `  ${withPointers(s, seen)}`)];
  if (hidden > 0) {
    out.push(
      `  … and ${hidden} smaller move${hidden === 1 ? '' : 's'}: every one in --json (explanations), each round's dyads in \`entente dyads${issueId ? ` --issue ${issueId}` : ''} --round N\`.`,
    );
  }
  return out.join('\n');
}

/** The "Why" blocks of one issue, in the models' order. */
export function renderIssueExplanations(
  explanations: readonly Explanation[],
  issueId: string,
  modelNames: ReadonlyMap<string, string>,
  seen: Set<string>,
): string[] {
  return explanations
    .filter((e) => e.issue === issueId)
    .map((e) => renderExplanation(e, modelNames.get(e.model) ?? e.model, seen, issueId));
}
