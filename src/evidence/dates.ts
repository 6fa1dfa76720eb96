/**
 * Dates in a sentence: full dates ("14 March 2025", "June 27, 2025", "2025-05-22"), months with a
 * year ("March 2024"), years ("in 2006") and relative expressions ("on Tuesday", "last year").
 * Full dates and years are given in ISO form (YYYY-MM-DD, YYYY-MM, YYYY).
 */

export interface DateMention {
  readonly text: string;
  readonly kind: 'date' | 'month' | 'year' | 'relative';
  /** ISO form for absolute dates. */
  readonly iso?: string;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const monthNumber = (m: string) =>
  String(
    MONTHS.findIndex((x) => x.startsWith(m.toLowerCase().replace('.', '').slice(0, 3))) + 1,
  ).padStart(2, '0');
const pad = (d: string) => d.padStart(2, '0');

const PATTERNS: { re: RegExp; make: (m: RegExpExecArray) => DateMention }[] = [
  {
    re: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    make: (m) => ({ text: m[0], kind: 'date', iso: `${m[1]}-${m[2]}-${m[3]}` }),
  },
  {
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? ${MONTH},? (\\d{4})\\b`, 'g'),
    make: (m) => ({ text: m[0], kind: 'date', iso: `${m[3]}-${monthNumber(m[2]!)}-${pad(m[1]!)}` }),
  },
  {
    re: new RegExp(`\\b${MONTH} (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b`, 'g'),
    make: (m) => ({ text: m[0], kind: 'date', iso: `${m[3]}-${monthNumber(m[1]!)}-${pad(m[2]!)}` }),
  },
  {
    re: new RegExp(`\\b${MONTH} (\\d{4})\\b`, 'g'),
    make: (m) => ({ text: m[0], kind: 'month', iso: `${m[2]}-${monthNumber(m[1]!)}` }),
  },
  { re: /\b(1[89]\d{2}|20\d{2})s?\b/g, make: (m) => ({ text: m[0], kind: 'year', iso: m[1]! }) },
  {
    re: /\b(?:on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:last|next|this) (?:week|month|year|spring|summer|autumn|fall|winter)|yesterday|today|tomorrow|(?:earlier|later) this (?:week|month|year)|in (?:January|February|March|April|May|June|July|August|September|October|November|December))\b/g,
    make: (m) => ({ text: m[0], kind: 'relative' }),
  },
];

export function findDates(sentence: string): DateMention[] {
  const taken: [number, number][] = [];
  const out: { at: number; d: DateMention }[] = [];
  for (const { re, make } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      const a = m.index;
      const b = a + m[0].length;
      // A number with a thousands separator ("2,000 kilometres") is not a year.
      if (/^\d{4}$/.test(m[0]) && /[\d,.]$/.test(sentence.slice(0, a))) continue;
      if (taken.some(([x, y]) => a < y && b > x)) continue;
      taken.push([a, b]);
      out.push({ at: a, d: make(m) });
    }
  }
  return out.sort((x, y) => x.at - y.at).map((x) => x.d);
}

/** The year of a date mention, when known. */
export function yearOf(d: DateMention): number | undefined {
  return d.iso ? Number(d.iso.slice(0, 4)) : undefined;
}
