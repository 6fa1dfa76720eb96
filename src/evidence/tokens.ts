/**
 * Tokens with their offsets in the text. Words keep inner apostrophes and hyphens are tokens of
 * their own ("US-led" → US, -, led), so names inside compounds are found. A possessive `'s` is split
 * off ("America’s" → America, 's); curly apostrophes are normalised in `norm`.
 */
export interface Token {
  /** The text as written. */
  readonly text: string;
  /** Lower case, curly apostrophes as `'`, for matching cue words. */
  readonly norm: string;
  readonly start: number;
  readonly end: number;
}

// Initialisms (U.S., U.K.), words with inner apostrophes (Sana'a, doesn’t), numbers with
// separators (2,000; 3.5), or any other single non-space character.
const TOKEN =
  /(?:\p{Lu}\.){2,}|[\p{L}\p{M}][\p{L}\p{M}\d]*(?:['’][\p{L}\p{M}]+)*|\d+(?:[.,:]\d+)*|\S/gu;

export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0];
    const start = offset + (m.index ?? 0);
    const poss = /^(.+?)(['’][sS])$/u.exec(raw);
    if (poss && poss[1]!.length > 1 && !/n['’]t$/iu.test(raw)) {
      const base = poss[1]!;
      out.push(token(base, start));
      out.push(token(poss[2]!, start + base.length));
    } else out.push(token(raw, start));
  }
  return out;
}

function token(text: string, start: number): Token {
  return { text, norm: text.toLowerCase().replace(/’/g, "'"), start, end: start + text.length };
}

/** True for a possessive `'s` token. */
export function isPossessive(t: Token | undefined): boolean {
  return t !== undefined && t.norm === "'s";
}
