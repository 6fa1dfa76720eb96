/**
 * Direct quotes: text between quotation marks (“…” or "…"). Four words or more, or ending in
 * punctuation, make a quotation of speech; shorter ones are quoted phrases (a name, a term, a
 * scare quote such as “unrealistic”). Single quotes are not read: they collide with apostrophes.
 */

export interface DirectQuote {
  readonly text: string;
  readonly kind: 'speech' | 'phrase';
}

export function findQuotes(sentence: string): DirectQuote[] {
  const out: DirectQuote[] = [];
  for (const m of sentence.matchAll(/“([^”]+)”|"([^"]+)"/g)) {
    const text = (m[1] ?? m[2] ?? '').trim();
    if (!text) continue;
    const words = text.split(/\s+/);
    // A name in quotes ("Quincy Institute for Responsible Governance") is a phrase, not speech.
    const titled = words.every(
      (w) => /^\p{Lu}/u.test(w) || ['of', 'for', 'the', 'and', 'in', 'on', 'to', 'a'].includes(w),
    );
    out.push({
      text,
      kind: (words.length >= 4 && !titled) || /[.!?,]$/.test(text) ? 'speech' : 'phrase',
    });
  }
  return out;
}
