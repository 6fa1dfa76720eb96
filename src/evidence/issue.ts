/**
 * The issue an article is about, and the roles the text gives actors in it: proponents ("US-led",
 * "led by", "under the leadership of", "Washington's plan", "the US plan"), targets ("a coalition
 * against China", "anti-China", "sanctions on Iran", "to deter China") and beneficiaries ("the
 * defence of Taiwan", "an attack on Taiwan"). Each role is itself weak evidence of a stance:
 * proponents are for, targets against, beneficiaries for.
 */
import type { Mention } from './mentions.ts';
import type { Token } from './tokens.ts';

/** Nouns that name what actors negotiate or ally over. */
export const ISSUE_NOUNS = new Set(
  'coalition alliance agreement deal treaty pact accord ceasefire truce sanctions snapback membership accession bid plan proposal force patrol patrols cartel talks negotiations normalisation normalization settlement ratification partnership framework corridor dam initiative referendum process tariffs tariff'.split(
    ' ',
  ),
);
/** Words after "X's" or "the X" that make X the proposer ("Washington's plan", "the US plan"). */
export const PLAN_WORDS = new Set([
  'plan',
  'proposal',
  'initiative',
  'desired',
  'push',
  'vision',
  'idea',
  'draft',
  'offer',
  'strategy',
  'bid',
  'call',
  'efforts',
  'attempts',
  'campaign',
  // Fifth round: "Zelenskyy's request to supply…", "Kyiv's plea", "Washington's demands".
  'request',
  'requests',
  'plea',
  'pleas',
  'appeal',
  'appeals',
  'demand',
  'demands',
]);

/** Words of a restriction: an article mostly about them has a restriction for its issue. */
const RESTRICTION_WORDS =
  /^(?:ban|bans|banned|banning|restrict|restricts|restricted|restricting|restriction|restrictions|curb|curbs|curbed|curbing|controls|embargo)$/;
/** Issue nouns of membership and agreement (not of a restriction). */
const MEMBERSHIP_WORDS = new Set(
  [...ISSUE_NOUNS].filter((w) => !['sanctions', 'snapback', 'tariffs', 'tariff'].includes(w)),
);

/**
 * Fourth round: the issue is a restriction ("the UK's Huawei ban", "export controls on chip
 * tools") when its words (ban, restrictions, curbs, export controls, embargo) occur at least twice
 * and more often than the nouns of membership and agreement. Then imposing it is for.
 */
export function isRestrictionIssue(sentences: readonly { tokens: readonly Token[] }[]): boolean {
  let restriction = 0;
  let membership = 0;
  for (const s of sentences)
    for (const t of s.tokens) {
      if (RESTRICTION_WORDS.test(t.norm)) restriction++;
      else if (MEMBERSHIP_WORDS.has(t.norm)) membership++;
    }
  return restriction >= 2 && restriction > membership;
}

/** A cue of refusal right after a plan word ("China's efforts to block…"): not a proposal of the issue. */
const AGAINST_WORDS =
  /^(?:block|blocks|undermine|derail|stop|prevent|oppose|resist|sabotage|scuttle|abandon|withdraw|exit|quit|end|weaken|thwart)$/;

/** The issue's name when the article's question cannot be found: the analyst names it. */
export const ISSUE_PLACEHOLDER = 'TO NAME: the question this article is about';

export interface IssueGuess {
  readonly name: string;
  readonly id: string;
  /** The head noun ("coalition"). */
  readonly noun?: string;
}

export interface RoleReading {
  readonly mention: Mention;
  readonly kind: 'proponent' | 'target' | 'beneficiary';
  /** The words that give the role ("US-led", "coalition against China"). */
  readonly cue: string;
}

export function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .split('-')
      .slice(0, 6)
      .join('-') || 'issue'
  );
}

/**
 * Names the issue from the article's own question, in this order: the given name; a question the
 * headline or the first two paragraphs ask ("What would South Korea do if China attacked
 * Taiwan?"); the noun phrase around the most frequent issue noun when it names what the issue is
 * about ("a large regional coalition against China", "a deal with Iran"); the headline; else the
 * placeholder `ISSUE_PLACEHOLDER` for the analyst. Never a bare noun phrase without its object
 * ("A much-heralded AUKUS deal" says neither who decides nor about what).
 */
export function guessIssue(
  sentences: readonly {
    tokens: readonly Token[];
    text: string;
    weight: number;
    headline?: boolean;
    /** Body paragraph number (0 for the headline and subheadings). */
    paragraph?: number;
  }[],
  given?: string,
): IssueGuess {
  if (given && given.trim()) {
    const name = given.trim();
    const noun = name
      .toLowerCase()
      .split(/\W+/)
      .find((w) => ISSUE_NOUNS.has(w));
    return { name, id: slug(name), ...(noun ? { noun } : {}) };
  }
  // The opening: the headline and the first sentences (a question set as a subheading counts).
  const question = sentences
    .slice(0, 6)
    .find(
      (s) =>
        (s.paragraph === undefined || s.paragraph <= 2) &&
        /\?["”’)]*$/.test(s.text.trim()) &&
        s.tokens.length >= 4,
    );
  if (question) {
    const name = question.text.trim();
    return { name, id: slug(name), ...nounOf(name) };
  }
  const phrase = nounPhrase(sentences);
  if (phrase) return phrase;
  const headline = sentences.find((s) => s.headline);
  if (headline && headline.tokens.length >= 3) {
    const name = headline.text.trim().replace(/[.:;,]+$/, '');
    return { name, id: slug(name), ...nounOf(name) };
  }
  return { name: ISSUE_PLACEHOLDER, id: 'issue' };
}

function nounOf(name: string): { noun?: string } {
  const noun = name
    .toLowerCase()
    .split(/\W+/)
    .find((w) => ISSUE_NOUNS.has(w));
  return noun ? { noun } : {};
}

/** The noun phrase of the most frequent issue noun, only when it names its object ("against China"). */
function nounPhrase(
  sentences: readonly { tokens: readonly Token[]; text: string; weight: number }[],
): IssueGuess | undefined {
  const counts = new Map<string, number>();
  for (const s of sentences)
    for (const t of s.tokens)
      if (ISSUE_NOUNS.has(t.norm)) counts.set(t.norm, (counts.get(t.norm) ?? 0) + s.weight);
  // The most frequent issue noun first; the next when its phrase does not name an object.
  for (const [noun] of [...counts.entries()].sort((a, b) => b[1] - a[1])) {
    const found = phraseOf(sentences, noun);
    if (found) return found;
  }
  return undefined;
}

function phraseOf(
  sentences: readonly { tokens: readonly Token[]; text: string }[],
  noun: string,
): IssueGuess | undefined {
  for (const s of sentences) {
    const i = s.tokens.findIndex((t) => t.norm === noun);
    if (i < 0) continue;
    // Back over modifiers (lower-case words, names, hyphens) to a determiner; forward over "against/with/on/over/between X".
    let a = i;
    while (a > 0 && a > i - 5) {
      const w = s.tokens[a - 1]!;
      if (
        ['a', 'an', 'the', 'this', 'its', 'their'].includes(w.norm) ||
        /^[,.;:“”"(]$/.test(w.text) ||
        ['to', 'of', 'that', 'and', 'is', 'are'].includes(w.norm)
      )
        break;
      a--;
    }
    let b = i + 1;
    // Only a phrase that starts at a determiner or the sentence's start is whole.
    const whole =
      a === 0 || ['a', 'an', 'the', 'this', 'its', 'their'].includes(s.tokens[a - 1]!.norm);
    if (
      whole &&
      ['against', 'with', 'on', 'over', 'between', 'for', 'in'].includes(s.tokens[b]?.norm ?? '')
    ) {
      b++;
      // The object: names and their glue ("the", "of", "and", hyphens), e.g. "against China".
      while (
        b < s.tokens.length &&
        b < i + 7 &&
        (/^\p{Lu}/u.test(s.tokens[b]!.text) ||
          ['the', 'of', 'and', '-'].includes(s.tokens[b]!.norm))
      )
        b++;
      while (b > i + 2 && ['the', 'of', 'and', '-'].includes(s.tokens[b - 1]!.norm)) b--;
    }
    // Without its object ("against China") the phrase does not say what the issue is.
    if (b <= i + 2) continue;
    const phrase = s.text.slice(s.tokens[a]!.start, s.tokens[b - 1]!.end);
    const name = `A ${phrase.replace(/^(?:a|an|the)\s+/i, '')}`;
    return { name, id: slug(noun), noun };
  }
  return undefined;
}

/** A refusal within `n` tokens after `from` ("efforts to block", "calls to abandon"). */
function refusedAfter(tokens: readonly Token[], from: number, n: number): boolean {
  return tokens.slice(from, from + n).some((t) => AGAINST_WORDS.test(t.norm));
}

/** Roles in one sentence. */
export function readRoles(
  tokens: readonly Token[],
  mentions: readonly Mention[],
  text: string,
): RoleReading[] {
  const out: RoleReading[] = [];
  const span = (a: number, b: number) =>
    text.slice(tokens[a]!.start, tokens[Math.min(b, tokens.length) - 1]!.end);
  const parties = mentions.filter((m) => m.entity.role === 'party');
  for (const m of parties) {
    const a = m.tokenStart;
    const e = m.tokenEnd;
    const w = (k: number) => tokens[k]?.norm ?? '';
    // Proponents.
    if (w(e) === '-' && w(e + 1) === 'led')
      out.push({ mention: m, kind: 'proponent', cue: span(a, e + 2) });
    else if (w(a - 1) === 'by' && w(a - 2) === 'led')
      out.push({ mention: m, kind: 'proponent', cue: span(a - 2, e) });
    else if (
      (w(a - 1) === 'of' || (w(a - 1) === 'the' && w(a - 2) === 'of')) &&
      tokens.slice(Math.max(0, a - 4), a).some((t) => t.norm === 'leadership')
    )
      out.push({ mention: m, kind: 'proponent', cue: span(Math.max(0, a - 4), e) });
    else if (w(e) === '-' && /^(?:proposed|sponsored)$/.test(w(e + 1)))
      out.push({ mention: m, kind: 'proponent', cue: span(a, e + 2) });
    // Fifth round: "No US request for troops", "never a Chinese proposal": no proposal at all.
    else if (['no', 'not', 'never', 'without'].includes(w(a - 1))) {
      // not a proponent; its target and beneficiary roles are still read below
    } else if (
      m.possessive &&
      m.head &&
      m.head.split(' ').some((h) => PLAN_WORDS.has(h)) &&
      !refusedAfter(tokens, e, 8)
    )
      out.push({
        mention: m,
        kind: 'proponent',
        cue: span(a, e + 2 + m.head.split(' ').findIndex((h) => PLAN_WORDS.has(h))),
      });
    else if (
      !m.possessive &&
      m.via === 'name' &&
      PLAN_WORDS.has(w(e)) &&
      w(e) !== 'force' &&
      // "a China strategy" is about China; "the US plan" is the US's.
      w(a - 1) !== 'a' &&
      !refusedAfter(tokens, e + 1, 5)
    )
      out.push({ mention: m, kind: 'proponent', cue: span(a, e + 1) });
    // Targets: "coalition against China" (an issue noun up to 8 words before), "anti-China".
    let noun = -1;
    for (let k = a - 2; k >= Math.max(0, a - 10); k--) {
      if ([';', ':', '.'].includes(w(k))) break;
      if (ISSUE_NOUNS.has(w(k))) {
        noun = k;
        break;
      }
    }
    if (w(a - 1) === 'against' && noun >= 0)
      out.push({ mention: m, kind: 'target', cue: span(noun, e) });
    else if (w(a - 1) === '-' && w(a - 2) === 'anti')
      out.push({
        mention: m,
        kind: 'target',
        cue: span(a - 2, e + (ISSUE_NOUNS.has(w(e)) ? 1 : 0)),
      });
    else if (
      ['contain', 'deter', 'counter', 'isolate', 'containing', 'deterring', 'countering'].includes(
        w(a - 1),
      )
    )
      out.push({ mention: m, kind: 'target', cue: span(a - 1, e) });
    else if ((w(a - 1) === 'on' || w(a - 1) === 'against') && w(a - 2) === 'sanctions')
      out.push({ mention: m, kind: 'target', cue: span(a - 2, e) });
    else if (w(a - 1) === 'prevent' && w(e) === 'from')
      out.push({ mention: m, kind: 'target', cue: span(a - 1, e + 1) });
    // Beneficiaries: "the defense of Taiwan", "an attack on Taiwan", "protect Taiwan".
    if (
      ((w(a - 1) === 'of' && ['defense', 'defence'].includes(w(a - 2))) ||
        (w(a - 1) === 'on' && w(a - 2) === 'attack') ||
        ['defend', 'protect'].includes(w(a - 1))) &&
      !m.isPublic
    )
      out.push({
        mention: m,
        kind: 'beneficiary',
        cue: span(['defend', 'protect'].includes(w(a - 1)) ? a - 1 : a - 2, e),
      });
  }
  return out;
}
