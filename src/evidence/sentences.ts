/**
 * Sentence splitting for news English. A sentence ends at `.`, `!`, `?` or `…` (with any closing
 * quotes or brackets) followed by white space and a capital, a digit or an opening quote — except
 * after an abbreviation ("Gen.", "Mr.", "Jan."), an initial ("Donald J. Trump"), an initialism
 * followed by a name ("the U.S. Navy"), and inside a quotation that closes in the same paragraph
 * (a quoted speech of several sentences stays one sentence, with its speaker).
 */

export interface Sentence {
  readonly text: string;
  /** Offsets in the paragraph's text. */
  readonly start: number;
  readonly end: number;
}

/** Abbreviations after which a period does not end a sentence (lower case, without the period). */
export const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof gen lt col maj capt cmdr sgt adm sen rep gov pres amb st mt ft jr sr no nos vs v e.g i.e cf al approx ca inc ltd co corp dept univ est fig jan feb mar apr jun jul aug sep sept oct nov dec rev hon gov messrs mme mlle gen.-maj'.split(
    ' ',
  ),
);

/** Words that start sentences: after an initialism ("U.S.") one of these begins a new sentence. */
const STARTERS = new Set(
  'the this that these those it its he she they we i a an and but however in on at for as if when while meanwhile yet so still there their his her our one some many most after before since during'.split(
    ' ',
  ),
);

/** Index pairs of quotation marks that open and close within the text. */
function quoteSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let open = -1;
  let straight = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '“') open = i;
    else if (c === '”' && open >= 0) {
      spans.push([open, i]);
      open = -1;
    } else if (c === '"') {
      if (straight < 0) straight = i;
      else {
        spans.push([straight, i]);
        straight = -1;
      }
    }
  }
  return spans;
}

export function splitSentences(text: string): Sentence[] {
  const quotes = quoteSpans(text);
  const inQuote = (i: number) => quotes.some(([a, b]) => i > a && i < b);
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body.length > 0)
      out.push({ text: body, start: start + lead, end: start + lead + body.length });
  };
  const re = /([.!?…]+)(["”’')\]]*)(\s+)(?=["“‘'([]?[\p{Lu}\d])/gu;
  for (const m of text.matchAll(re)) {
    const at = m.index ?? 0;
    const stop = at + m[1]!.length + m[2]!.length;
    if (inQuote(at) && m[2]!.length === 0) continue;
    if (m[1] === '.' && !endsSentenceAfterPeriod(text, at)) continue;
    push(stop);
    start = stop;
  }
  push(text.length);
  return out;
}

/** Decides whether the period at `at` ends a sentence, looking at the word before and after it. */
function endsSentenceAfterPeriod(text: string, at: number): boolean {
  const before = /(\S+)$/u.exec(text.slice(Math.max(0, at - 40), at))?.[1] ?? '';
  const word = before.replace(/^["“‘'([]+/, '');
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return false;
  // An initial: "Donald J. Trump", "J. R. R. Tolkien".
  if (/^\p{Lu}$/u.test(word)) return false;
  // An initialism ("U.S.", "e.g.") ends a sentence only when a sentence starter follows.
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) {
    const next = /^\s+["“‘'(]?(\p{L}+)/u.exec(text.slice(at + 1))?.[1]?.toLowerCase() ?? '';
    return STARTERS.has(next);
  }
  return true;
}
