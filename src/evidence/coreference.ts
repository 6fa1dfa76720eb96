/**
 * Rule-based coreference within a paragraph: "the country", "the kingdom", "the bloc", "the
 * group", "the think tank", "the article", "the three juntas", "both sides", and a clause-initial
 * "they"/"these people". Each anaphor becomes a mention of the entity it most likely names, with a
 * certainty below that of a name.
 *
 * Rules (in order): the first compatible mention of the same sentence before the anaphor (the
 * subject); else the first compatible mention of the nearest earlier sentence of the paragraph;
 * for sources ("the think tank", "the article") the one source of that kind in the whole document
 * (before or after: headlines often say "American think tank" before naming it), matching a
 * demonym when one is given. Plural anaphors take the N most recent distinct states or groups of
 * this and the two previous paragraphs, leaving out those already named in the sentence.
 *
 * Where it fails: an antecedent in object position ("talks with Japan… the country" picks the
 * subject); a "they" that refers to something other than the people of the previous sentence; and
 * anaphors across paragraphs, which are resolved only for sources and plurals.
 */
import type { Entity } from './gazetteer/gazetteer.ts';
import { type Mention, publicBefore } from './mentions.ts';
import type { Token } from './tokens.ts';

export interface SentenceMentions {
  readonly tokens: readonly Token[];
  readonly text: string;
  /** Mentions found by name; coreference adds to them. */
  mentions: Mention[];
}

type Fit = (e: Entity) => boolean;
const isState: Fit = (e) => e.kind === 'state' || (e.kind === 'scenario' && !e.isPublic);
const ofKind =
  (...kinds: string[]): Fit =>
  (e) =>
    kinds.includes(e.kind);

interface Pattern {
  readonly head: readonly string[];
  readonly fit: Fit;
  readonly certainty: number;
  /** Resolved over the whole document when the paragraph has no antecedent (sources). */
  readonly documentWide?: boolean;
}

const SINGULAR: Pattern[] = [
  { head: ['country'], fit: isState, certainty: 0.8 },
  { head: ['nation'], fit: isState, certainty: 0.7 },
  { head: ['kingdom'], fit: (e) => isState(e) && e.monarchy === true, certainty: 0.8 },
  { head: ['island', 'nation'], fit: (e) => isState(e) && e.island === true, certainty: 0.7 },
  { head: ['island'], fit: (e) => isState(e) && e.island === true, certainty: 0.6 },
  { head: ['government'], fit: isState, certainty: 0.6 },
  { head: ['regime'], fit: isState, certainty: 0.6 },
  { head: ['junta'], fit: isState, certainty: 0.7 },
  { head: ['bloc'], fit: ofKind('bloc'), certainty: 0.8 },
  { head: ['alliance'], fit: ofKind('alliance'), certainty: 0.6 },
  { head: ['organisation'], fit: ofKind('bloc', 'body', 'alliance'), certainty: 0.7 },
  { head: ['organization'], fit: ofKind('bloc', 'body', 'alliance'), certainty: 0.7 },
  { head: ['court'], fit: ofKind('court'), certainty: 0.8 },
  { head: ['group'], fit: ofKind('group'), certainty: 0.6 },
  { head: ['movement'], fit: ofKind('group'), certainty: 0.7 },
  { head: ['rebels'], fit: ofKind('group'), certainty: 0.7 },
  { head: ['militia'], fit: ofKind('group'), certainty: 0.7 },
  { head: ['think', 'tank'], fit: ofKind('thinktank'), certainty: 0.8, documentWide: true },
  { head: ['institute'], fit: ofKind('thinktank'), certainty: 0.7, documentWide: true },
  { head: ['newspaper'], fit: ofKind('media'), certainty: 0.7, documentWide: true },
  { head: ['agency'], fit: ofKind('media'), certainty: 0.5, documentWide: true },
  // "The article also emphasizes…": the piece the article reports on, i.e. its think tank or pollster.
  ...['article', 'report', 'paper', 'study', 'analysis'].map((w): Pattern => ({
    head: [w],
    fit: ofKind('thinktank', 'pollster'),
    certainty: 0.6,
    documentWide: true,
  })),
];

const DETERMINERS = new Set(['the', 'this', 'that']);
const NUMBERS: Record<string, number> = { both: 2, two: 2, three: 3, four: 4, five: 5, six: 6 };
const PLURAL_HEADS = new Set(
  'countries states juntas governments sides democracies neighbours neighbors nations powers parties capitals'.split(
    ' ',
  ),
);

export interface DocumentContext {
  /** Every entity named anywhere in the document (for sources named after their anaphor). */
  readonly named: readonly Entity[];
  /** States named in the document by demonym → entity id, for "the American think tank". */
  readonly demonymOf: (word: string) => Entity | undefined;
}

function mention(
  entity: Entity,
  s: SentenceMentions,
  start: number,
  end: number,
  certainty: number,
): Mention {
  const possessive = s.tokens[end]?.norm === "'s";
  const anaphor = s.text.slice(s.tokens[start]!.start, s.tokens[end - 1]!.end);
  const head = possessive
    ? s.tokens
        .slice(end + 1, end + 4)
        .map((t) => t.norm)
        .join(' ')
    : undefined;
  return {
    entity,
    via: 'coref',
    isPublic: false,
    text: anaphor,
    anaphor,
    tokenStart: start,
    tokenEnd: end,
    possessive,
    ...(head ? { head } : {}),
    certainty,
  };
}

/** Adds coreference mentions to the sentences of one paragraph (in place). `previous` are the mentions of earlier paragraphs, nearest last. */
export function resolveParagraph(
  sentences: SentenceMentions[],
  previous: readonly Mention[][],
  doc: DocumentContext,
): void {
  sentences.forEach((s, si) => {
    const added: Mention[] = [];
    const covered = (i: number) => s.mentions.some((m) => i >= m.tokenStart && i < m.tokenEnd);
    for (let i = 0; i < s.tokens.length; i++) {
      if (covered(i)) continue;
      const t = s.tokens[i]!;
      // Plural: "the three juntas", "both sides", "the two countries".
      const plural = matchPlural(s.tokens, i);
      if (plural) {
        const named = new Set(s.mentions.filter((m) => m.tokenStart < i).map((m) => m.entity.id));
        const pool = [
          ...sentences
            .slice(0, si + 1)
            .flatMap((x, k) =>
              k === si ? x.mentions.filter((m) => m.tokenStart < i) : x.mentions,
            ),
          ...previous.slice(-2).flat(),
        ];
        const chosen: Entity[] = [];
        // The most recent sentence naming N of them together ("Mali, Burkina Faso and Niger"), else the most recent ones.
        const fits = (m: Mention) =>
          !m.isPublic &&
          m.entity.role === 'party' &&
          (isState(m.entity) || m.entity.kind === 'group') &&
          !named.has(m.entity.id);
        const groups = [
          ...previous.slice(-2).map((p) => [p]),
          ...sentences.slice(0, si).map((x) => [x.mentions]),
        ].flat();
        for (const g of [...groups].reverse()) {
          const ids = [...new Map(g.filter(fits).map((m) => [m.entity.id, m.entity])).values()];
          if (ids.length >= plural.n) {
            chosen.push(...ids.slice(0, plural.n));
            break;
          }
        }
        for (const m of chosen.length ? [] : [...pool].reverse()) {
          const e = m.entity;
          if (m.isPublic || e.role !== 'party' || !(isState(e) || e.kind === 'group')) continue;
          if (named.has(e.id) || chosen.some((c) => c.id === e.id)) continue;
          chosen.push(e);
          if (chosen.length === plural.n) break;
        }
        chosen.forEach((e) => added.push(mention(e, s, i, plural.end, 0.5)));
        i = plural.end - 1;
        continue;
      }
      // Clause-initial "they" / "these people" / "these officials".
      if (
        isClauseStart(s.tokens, i) &&
        (t.norm === 'they' ||
          (t.norm === 'these' && ['people', 'officials'].includes(s.tokens[i + 1]?.norm ?? '')))
      ) {
        const prev = sentences[si - 1];
        // A "they" continues the "they" of the sentence before; else the state most named there.
        const chained = prev?.mentions.find(
          (m) => m.via === 'coref' && /^(?:they|these)/i.test(m.anaphor ?? ''),
        );
        const e = chained?.entity ?? (prev ? mostNamedState(prev.mentions) : undefined);
        if (e) added.push(mention(e, s, i, t.norm === 'these' ? i + 2 : i + 1, 0.5));
        continue;
      }
      if (!DETERMINERS.has(t.norm)) continue;
      const found = matchSingular(s.tokens, i + 1);
      // "The Quincy Institute" is a name, not an anaphor.
      if (!found || s.tokens.slice(i + 1, found.end).some((_, k) => covered(i + 1 + k))) continue;
      const { pattern, end, demonym } = found;
      let fit = pattern.fit;
      if (demonym) {
        const home = doc.demonymOf(demonym);
        if (home) fit = (e) => pattern.fit(e) && (e.country === undefined || e.country === home.id);
      }
      const antecedent = findAntecedent(sentences, si, i, fit);
      if (antecedent) {
        const m = mention(antecedent, s, i, end, pattern.certainty);
        // "the people of this country" names its public.
        added.push(publicBefore(s.tokens, i) ? { ...m, isPublic: true } : m);
      } else if (pattern.documentWide) {
        const candidates = uniqueById(doc.named.filter(fit));
        if (candidates.length === 1)
          added.push(mention(candidates[0]!, s, i, end, pattern.certainty * 0.8));
      }
      i = end - 1;
    }
    if (added.length)
      s.mentions = [...s.mentions, ...added].sort((a, b) => a.tokenStart - b.tokenStart);
  });
}

function uniqueById(list: readonly Entity[]): Entity[] {
  return [...new Map(list.map((e) => [e.id, e])).values()];
}

function isClauseStart(tokens: readonly Token[], i: number): boolean {
  if (i === 0) return true;
  const p = tokens[i - 1]!.norm;
  return p === ',' || p === ';' || p === ':' || p === 'but' || p === 'and';
}

function matchPlural(tokens: readonly Token[], i: number): { n: number; end: number } | undefined {
  const a = tokens[i]?.norm;
  if (a === 'both' && PLURAL_HEADS.has(tokens[i + 1]?.norm ?? '')) return { n: 2, end: i + 2 };
  if (
    (a === 'the' || a === 'these' || a === 'all') &&
    NUMBERS[tokens[i + 1]?.norm ?? ''] !== undefined
  ) {
    const n = NUMBERS[tokens[i + 1]!.norm]!;
    if (PLURAL_HEADS.has(tokens[i + 2]?.norm ?? '')) return { n, end: i + 3 };
  }
  return undefined;
}

/** "country", "American think tank", "new island nation": a singular pattern after a determiner, allowing up to two modifiers. */
function matchSingular(
  tokens: readonly Token[],
  from: number,
): { pattern: Pattern; end: number; demonym?: string } | undefined {
  for (let skip = 0; skip <= 2; skip++) {
    const mods = tokens.slice(from, from + skip);
    if (mods.some((m) => !/^\p{L}+$/u.test(m.text) || DETERMINERS.has(m.norm) || m.norm === 'a'))
      return undefined;
    for (const pattern of SINGULAR) {
      const ok = pattern.head.every((w, k) => tokens[from + skip + k]?.norm === w);
      if (!ok) continue;
      // "the country's" is fine, "the government of Mali" is a name, not an anaphor.
      const next = tokens[from + skip + pattern.head.length]?.norm;
      if (next === 'of' || next === 'in') return undefined;
      const demonym = mods.find((m) => /^\p{Lu}/u.test(m.text))?.text;
      return { pattern, end: from + skip + pattern.head.length, ...(demonym ? { demonym } : {}) };
    }
  }
  return undefined;
}

const PREPOSITIONS = new Set(
  'of with to from against between on over in for by toward towards at into than like about including among under'.split(
    ' ',
  ),
);

/** True when the mention follows a preposition ("pressure from Washington"): not a subject. */
function afterPreposition(s: SentenceMentions, m: Mention): boolean {
  let k = m.tokenStart - 1;
  if (s.tokens[k]?.norm === 'the') k--;
  return PREPOSITIONS.has(s.tokens[k]?.norm ?? '');
}

/** The subject-like mention that fits: the first not after a preposition, else the first. */
function firstFitting(s: SentenceMentions, fit: Fit, before = Infinity): Entity | undefined {
  const list = s.mentions.filter(
    (m) => m.tokenStart < before && !m.isPublic && m.via !== 'coref' && fit(m.entity),
  );
  return (list.find((m) => !afterPreposition(s, m)) ?? list[0])?.entity;
}

function findAntecedent(
  sentences: readonly SentenceMentions[],
  si: number,
  ti: number,
  fit: Fit,
): Entity | undefined {
  const here = firstFitting(sentences[si]!, fit, ti);
  if (here) return here;
  for (let k = si - 1; k >= 0; k--) {
    const first = firstFitting(sentences[k]!, fit);
    if (first) return first;
  }
  return undefined;
}

function mostNamedState(mentions: readonly Mention[]): Entity | undefined {
  const counts = new Map<string, { e: Entity; n: number }>();
  for (const m of mentions) {
    if (m.entity.role !== 'party' || !isState(m.entity)) continue;
    const c = counts.get(m.entity.id) ?? { e: m.entity, n: 0 };
    c.n++;
    counts.set(m.entity.id, c);
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0]?.e;
}
