/**
 * Clause boundaries inside a sentence, enough for finding who holds a stance: a cue's holder is
 * looked for in its own clause first. Boundaries are `;`, `:`, dashes, contrastive and concessive
 * conjunctions ("but", "while", "although", "despite"), and the comma that closes a concessive
 * clause ("Despite X, Y": X is conceded, Y is the point).
 */
import type { Token } from './tokens.ts';

const BOUNDARY = new Set([
  ';',
  ':',
  '—',
  '–',
  'but',
  'while',
  'whereas',
  'however',
  'although',
  'though',
  'despite',
  'yet',
]);
const CONCESSIVE = new Set(['despite', 'although', 'though']);
/** Auxiliaries before "yet" that make it "not yet" ("is yet to", "have yet to"). */
const NOT_YET_BEFORE = new Set('is are was were has have had remains remain'.split(' '));

export interface Clause {
  readonly start: number;
  readonly end: number;
  /** Opened by "despite", "although", "though", "even if". */
  readonly concessive: boolean;
  /** The word that opened it ("but"), if any. */
  readonly opener?: string;
}

export function splitClauses(tokens: readonly Token[]): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  let concessive = false;
  let opener: string | undefined;
  const close = (end: number) => {
    if (end > start) out.push({ start, end, concessive, ...(opener ? { opener } : {}) });
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.norm;
    const evenIf = t === 'even' && tokens[i + 1]?.norm === 'if';
    // Fifth round: "is yet to decide", "has yet to respond" is "not yet", not a contrast.
    const notYet = t === 'yet' && NOT_YET_BEFORE.has(tokens[i - 1]?.norm ?? '');
    if ((BOUNDARY.has(t) && !notYet) || evenIf) {
      close(i);
      start = i;
      concessive = CONCESSIVE.has(t) || evenIf;
      opener = t;
    } else if (t === ',' && concessive) {
      close(i);
      start = i + 1;
      concessive = false;
      opener = undefined;
    }
  }
  close(tokens.length);
  return out;
}

export function clauseAt(clauses: readonly Clause[], i: number): Clause {
  return clauses.find((c) => i >= c.start && i < c.end) ?? clauses[clauses.length - 1]!;
}
