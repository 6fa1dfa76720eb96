/**
 * The "Why" and "Glossary" sections of a scenario report (HTML and Markdown): per issue and model
 * the explanation's sentences (`src/analysis/explain/`, the EUM's largest moves only), each
 * glossary term linked at its first use to its entry in the Glossary section, which lists the
 * terms the report uses (definitions from `src/core/glossary.ts`). Pure.
 */
import type { Explanation, ExplanationSentence } from '../../analysis/explain/index.ts';
import { summarizeExplanation } from '../../analysis/explain/summary.ts';
import { glossaryTerm } from '../../core/glossary.ts';
import { escapeHtml as e, escapeMarkdown as m } from './escape.ts';
import type { Report } from './report-data.ts';

interface Block {
  readonly heading: string;
  readonly explanations: { model: string; sentences: ExplanationSentence[]; hidden: number }[];
}

function blocks(r: Report): Block[] {
  const modelNames = new Map(r.models.map((x) => [x.id, x.name]));
  const byIssue = (issue: string | null) =>
    r.explanations
      .filter((x: Explanation) => x.issue === issue)
      .map((x) => ({ model: modelNames.get(x.model) ?? x.model, ...summarizeExplanation(x) }));
  const out: Block[] = r.issues.map((sec) => ({
    heading: sec.issue.name,
    explanations: byIssue(sec.issue.id),
  }));
  const commitment = byIssue(null).map((x) => ({ ...x, model: 'Commitment model' }));
  if (commitment.length) out.unshift({ heading: 'Who commits', explanations: commitment });
  return out.filter((b) => b.explanations.length > 0);
}

/** Glossary ids in order of first use. */
function termsUsed(bs: readonly Block[]): string[] {
  const seen = new Set<string>();
  for (const b of bs)
    for (const x of b.explanations)
      for (const s of x.sentences) for (const t of s.glossaryTerms) seen.add(t);
  return [...seen];
}

const hidden = (n: number) =>
  n > 0 ? ` ${n} smaller move${n === 1 ? ' is' : 's are'} in the forecast’s --json.` : '';

export function explanationsHtml(r: Report): string {
  const bs = blocks(r);
  if (bs.length === 0) return '';
  const seen = new Set<string>();
  const link = (s: ExplanationSentence) => {
    const fresh = s.glossaryTerms.filter((t) => !seen.has(t));
    for (const t of fresh) seen.add(t);
    return fresh.length
      ? ` <span class="meta">(glossary: ${fresh.map((t) => `<a href="#glossary-${e(t)}">${e(glossaryTerm(t).term)}</a>`).join(', ')})</span>`
      : '';
  };
  const out = ['<section id="why"><h2>Why: the forecasts explained</h2>'];
  for (const b of bs) {
    out.push(`<h3>${e(b.heading)}</h3>`);
    for (const x of b.explanations) {
      out.push(
        `<p><strong>${e(x.model)}.</strong> ${x.sentences.map((s) => `${e(s.text)}${link(s)}`).join(' ')}${e(hidden(x.hidden))}</p>`,
      );
    }
  }
  out.push('</section><section id="glossary"><h2>Glossary</h2><dl>');
  for (const id of termsUsed(bs)) {
    const t = glossaryTerm(id);
    out.push(
      `<dt id="glossary-${e(t.id)}">${e(t.term)}</dt><dd>${e(t.definition)} <span class="meta">Source: ${e(t.source)}.</span></dd>`,
    );
  }
  out.push('</dl></section>');
  return out.join('\n');
}

export function explanationsMarkdown(r: Report): string[] {
  const bs = blocks(r);
  if (bs.length === 0) return [];
  const seen = new Set<string>();
  const link = (s: ExplanationSentence) => {
    const fresh = s.glossaryTerms.filter((t) => !seen.has(t));
    for (const t of fresh) seen.add(t);
    return fresh.length
      ? ` (glossary: ${fresh.map((t) => `[${m(glossaryTerm(t).term)}](#glossary-${t})`).join(', ')})`
      : '';
  };
  const out = ['## Why: the forecasts explained', ''];
  for (const b of bs) {
    out.push(`### ${m(b.heading)}`, '');
    for (const x of b.explanations) {
      out.push(
        `**${m(x.model)}.** ${x.sentences.map((s) => `${m(s.text)}${link(s)}`).join(' ')}${m(hidden(x.hidden))}`,
        '',
      );
    }
  }
  out.push('## Glossary', '');
  for (const id of termsUsed(bs)) {
    const t = glossaryTerm(id);
    out.push(
      `<a id="glossary-${t.id}"></a>**${m(t.term)}**: ${m(t.definition)} _Source: ${m(t.source)}._`,
      '',
    );
  }
  return out;
}
