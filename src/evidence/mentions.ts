/**
 * Actor mentions in a sentence: gazetteer names (longest match), capitals and metonyms used as
 * agents, leaders, demonyms before an official or public noun ("South Korean officials",
 * "Japanese public opinion"), plural nouns for a people ("South Koreans"), and public-opinion
 * phrases around a name ("public opinion in Australia", "the people of Mali").
 */
import { type Entity, type Gazetteer, matchAt, type NameVia } from './gazetteer/gazetteer.ts';
import { isPossessive, type Token } from './tokens.ts';

export interface Mention {
  readonly entity: Entity;
  /** How the text names the entity; `coref` for "the country", "the think tank"… */
  readonly via: NameVia | 'coref';
  /** True when the mention is of the entity's public (its people, voters, public opinion). */
  readonly isPublic: boolean;
  /** The words of the text that name it. */
  readonly text: string;
  /** Token range [tokenStart, tokenEnd) in the sentence. */
  readonly tokenStart: number;
  readonly tokenEnd: number;
  /** Followed by a possessive 's. */
  readonly possessive: boolean;
  /** For a possessive: the noun it qualifies ("point of view", "allies", "prime minister"). */
  readonly head?: string;
  /** For coreference: the words resolved ("the country") and how sure the rule is (0-1). */
  readonly anaphor?: string;
  readonly certainty: number;
}

/** Nouns after a demonym or possessive that make it the state acting ("Indian diplomats"). */
export const OFFICIAL_NOUNS = new Set(
  'official officials government governments policymakers policy-makers diplomats diplomat leader leaders leadership authorities forces troops military army navy negotiators negotiator delegation delegations administration minister ministers president prime premier chancellor parliament lawmakers legislators senators side regime junta embassy ministry cabinet envoy envoys ambassador spokesman spokeswoman spokesperson counterparts counterpart police king crown'.split(
    ' ',
  ),
);

/** Nouns after a demonym or name that make it the public ("Japanese public opinion"). */
export const PUBLIC_NOUNS = new Set(
  'public voters people citizens electorate population farmers workers protesters students respondents youth society taxpayers consumers households residents opinion'.split(
    ' ',
  ),
);

/** "the government in Honiara" is the government; "diplomats in Brussels" are only there. */
const GOVERNING = new Set([
  'government',
  'authorities',
  'leadership',
  'regime',
  'junta',
  'administration',
]);

/** Words before a capital that make it a place rather than a government ("talks in Cairo"). */
const LOCATIVE = new Set(
  'in at to near outside inside around across visited visit visiting toward towards into'.split(
    ' ',
  ),
);

/** Words skipped before the noun that decides ("a senior Egyptian official", "its foreign minister"). */
const ADJECTIVES = new Set(
  'senior former current new top main chief leading young many some most prime foreign defence defense irrigation trade economy economic finance interior security intelligence farm'.split(
    ' ',
  ),
);

const VIA_RANK: Record<NameVia, number> = { name: 0, leader: 1, seat: 2, people: 3, demonym: 4 };

/** Skips up to `max` adjective-like words from `i`; returns the index of the next word. */
function skipModifiers(tokens: readonly Token[], i: number, max = 3): number {
  let j = i;
  while (
    j < tokens.length &&
    j - i < max &&
    (ADJECTIVES.has(tokens[j]!.norm) || tokens[j]!.norm === 'and')
  )
    j++;
  return j;
}

function nounAfter(
  tokens: readonly Token[],
  i: number,
): { noun: string; index: number } | undefined {
  const j = skipModifiers(tokens, i);
  const t = tokens[j];
  if (!t || !/^\p{L}/u.test(t.text)) return undefined;
  return { noun: t.norm, index: j };
}

/** True when the words before token `i` say "public opinion in/of", "the people of", "voters in"… */
export function publicBefore(tokens: readonly Token[], i: number): boolean {
  const p = tokens[i - 1]?.norm;
  const q = tokens[i - 2]?.norm;
  return (p === 'in' || p === 'of') && q !== undefined && PUBLIC_NOUNS.has(q);
}

export function findMentions(tokens: readonly Token[], g: Gazetteer, sentence: string): Mention[] {
  const out: Mention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const hits = matchAt(g, tokens, i);
    if (hits.length === 0) {
      i++;
      continue;
    }
    const len = hits[0]!.length;
    const hit = [...hits].sort((a, b) => VIA_RANK[a.via] - VIA_RANK[b.via])[0]!;
    const end = i + len;
    const mention = classify(tokens, i, end, hit.entity, hit.via, sentence);
    if (mention) out.push(mention);
    i = end;
  }
  return out;
}

function classify(
  tokens: readonly Token[],
  i: number,
  end: number,
  entity: Entity,
  via: NameVia,
  sentence: string,
): Mention | undefined {
  if (entity.role === 'place') return undefined;
  const possessive = isPossessive(tokens[end]);
  const after = nounAfter(tokens, possessive ? end + 1 : end);
  const base = {
    entity,
    via,
    text: sentence.slice(tokens[i]!.start, tokens[end - 1]!.end),
    tokenStart: i,
    tokenEnd: end,
    possessive,
    certainty: 1,
  };
  const head = possessive && after ? headPhrase(tokens, after.index) : undefined;
  const withHead = head ? { ...base, head } : base;
  const isPublicNoun = (n: string | undefined) => n !== undefined && PUBLIC_NOUNS.has(n);
  if (entity.role === 'source') return { ...withHead, isPublic: false };
  if (via === 'demonym') {
    // "American think tank", "Korean soil": an adjective, not the state.
    if (!after || tokens[end]?.text === '-') return undefined;
    if (isPublicNoun(after.noun)) return { ...withHead, isPublic: true };
    if (OFFICIAL_NOUNS.has(after.noun)) return { ...withHead, isPublic: false };
    return undefined;
  }
  if (via === 'people') return { ...withHead, isPublic: true };
  if (via === 'seat' && !possessive && LOCATIVE.has(tokens[i - 1]?.norm ?? '')) {
    // "the government in Honiara" names the government; "talks in Cairo" a place.
    const governing = tokens[i - 1]?.norm === 'in' && GOVERNING.has(tokens[i - 2]?.norm ?? '');
    if (!governing) return undefined;
  }
  const isPublic =
    entity.isPublic === true ||
    publicBefore(tokens, i) ||
    (after !== undefined && isPublicNoun(after.noun) && (possessive || after.index === end));
  return { ...withHead, isPublic };
}

/** The noun phrase after a possessive, up to 3 words ("main allies", "new prime minister"). */
function headPhrase(tokens: readonly Token[], from: number): string {
  const words: string[] = [];
  for (let j = from; j < tokens.length && words.length < 3; j++) {
    const t = tokens[j]!;
    if (!/^\p{L}/u.test(t.text)) break;
    words.push(t.norm);
    if (
      ['of', 'in', 'to', 'for', 'with', 'and', 'that', 'is', 'are', 'was', 'has', 'have'].includes(
        t.norm,
      )
    )
      break;
  }
  return words.join(' ');
}
