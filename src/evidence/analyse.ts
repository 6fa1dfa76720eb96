/**
 * The reading pipeline: article text → layout → sentences → mentions (with coreference) →
 * attribution chains → issue and roles → stance statements per actor. Pure: text in, a plain
 * object out; `draft.ts` turns it into a scenario.
 */
import { isoDateProblem } from '../core/scenario.ts';
import { type Link, describeChain, findFrame, type Frame, ownChain } from './attribution.ts';
import { resolveParagraph, type SentenceMentions } from './coreference.ts';
import { type DateMention, findDates, yearOf } from './dates.ts';
import { defaultGazetteer, type Entity, type Gazetteer, matchAt } from './gazetteer/gazetteer.ts';
import { guessIssue, isRestrictionIssue, type IssueGuess, readRoles } from './issue.ts';
import { findMentions, type Mention } from './mentions.ts';
import { type BlockKind, layoutArticle, type Layout } from './paragraphs.ts';
import { type DirectQuote, findQuotes } from './quotes.ts';
import { type Sentence, splitSentences } from './sentences.ts';
import { type CueReading, type IssueRoles, readStances } from './stance.ts';
import { tokenize as tokenizeText, type Token } from './tokens.ts';

export interface AnalyseOptions {
  readonly gazetteer?: Gazetteer;
  /** The issue's name; guessed from the text when absent. */
  readonly issueName?: string;
  /** The date the article describes (YYYY-MM-DD); statements about years before it are historical. */
  readonly asOf?: string;
  /** The publisher, when the text does not name it. */
  readonly publisher?: string;
  /** Maps an entity (and whether its public is meant) to an actor key; default `id` or `id-public`. */
  readonly actorKey?: (entity: Entity, isPublic: boolean) => string;
  /**
   * The text-processing steps (sentence splitting, tokenisation, negation scope); default the
   * hand-written ones. Replaced only to compare them with NLP packages (`bench/evidence-nlp.ts`).
   */
  readonly steps?: Partial<TextSteps>;
}

export interface TextSteps {
  readonly splitSentences: (text: string) => readonly Sentence[];
  readonly tokenize: (text: string) => Token[];
  /** Per token of a sentence: inside the scope of a negation. Absent: the four-word window rule. */
  readonly negationScope?: (text: string, tokens: readonly Token[]) => readonly boolean[];
}

export interface AnalysedSentence {
  readonly kind: BlockKind;
  /** Body paragraph number (0 for the headline and subheadings). */
  readonly paragraph: number;
  /** 1-based sentence number in its block. */
  readonly sentence: number;
  readonly line: number;
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly mentions: readonly Mention[];
  readonly frame: Frame;
  /** Who said it, innermost first, ending with the publisher. */
  readonly chain: readonly Link[];
  readonly dates: readonly DateMention[];
  readonly quotes: readonly DirectQuote[];
}

/** A stance reading placed in the article, with its provenance. */
export interface Statement extends CueReading {
  readonly actor: string;
  readonly at: SentenceRef;
  /** The sentence mentions a year well before the article's date. */
  readonly historical?: string;
  readonly chain: readonly Link[];
}

export interface SentenceRef {
  readonly paragraph: number;
  readonly sentence: number;
  readonly line: number;
  readonly kind: BlockKind;
  readonly locator: string;
  readonly quote: string;
}

export interface ActorFound {
  readonly key: string;
  readonly entity: Entity;
  readonly isPublic: boolean;
  readonly name: string;
  /** Number of mentions, and the words used ("Seoul", "South Korean officials", "the country"). */
  readonly mentions: number;
  readonly names: readonly string[];
  readonly statements: readonly Statement[];
  /** The first sentences naming it (up to 2), for actors without statements. */
  readonly namedAt: readonly SentenceRef[];
}

export interface Analysis {
  readonly layout: Layout;
  readonly title?: string;
  readonly sentences: readonly AnalysedSentence[];
  readonly actors: readonly ActorFound[];
  /** Sources named in the text (think tanks, media, pollsters), with how often. */
  readonly sources: readonly { entity: Entity; mentions: number }[];
  readonly issue: IssueGuess;
  readonly roles: IssueRoles;
  /** The document's provenance: its main claimant, those who relayed it, its publisher. */
  readonly provenance: readonly Link[];
  readonly publisher?: string;
  /** The article's own date, when a full date appears in its first paragraphs. */
  readonly date?: string;
  readonly quotes: readonly { quote: DirectQuote; at: SentenceRef; speaker?: string }[];
  readonly dates: readonly { date: DateMention; at: SentenceRef }[];
}

export function locatorOf(s: {
  kind: BlockKind;
  paragraph: number;
  sentence: number;
  line: number;
}): string {
  if (s.kind === 'paragraph')
    return `paragraph ${s.paragraph}, sentence ${s.sentence} (line ${s.line})`;
  return `${s.kind} (line ${s.line})`;
}

const defaultKey = (e: Entity, isPublic: boolean) =>
  isPublic && !e.isPublic ? `${e.id}-public` : e.id;

function publisherEntity(g: Gazetteer, name: string): Entity {
  const tokens = tokenizeText(name);
  const hit = matchAt(g, tokens, 0)[0];
  if (hit && hit.length === tokens.length) return hit.entity;
  return {
    id: 'publisher',
    name,
    kind: 'media',
    role: 'source',
    names: [name],
    seats: [],
    demonyms: [],
    people: [],
    leaders: [],
  };
}

export function analyseArticle(text: string, options: AnalyseOptions = {}): Analysis {
  const g = options.gazetteer ?? defaultGazetteer();
  const keyOf = options.actorKey ?? defaultKey;
  const split = options.steps?.splitSentences ?? splitSentences;
  const tokenize = options.steps?.tokenize ?? tokenizeText;
  const negationScope = options.steps?.negationScope;
  const layout = layoutArticle(text);
  const readable = layout.blocks.filter((b) => b.kind !== 'boilerplate');

  // Sentences and mentions by name.
  const blocks = readable.map((b) =>
    split(b.text).map((s, i) => {
      const tokens = tokenize(s.text);
      return {
        block: b,
        index: i + 1,
        text: s.text,
        tokens,
        mentions: findMentions(tokens, g, s.text),
      } satisfies SentenceMentions & {
        block: typeof b;
        index: number;
      };
    }),
  );
  const named = blocks.flat().flatMap((s) => s.mentions.map((m) => m.entity));
  const demonymOf = (word: string) =>
    [...g.entities.values()].find((e) => e.kind === 'state' && e.demonyms.includes(word));
  const previous: Mention[][] = [];
  for (const sentences of blocks) {
    resolveParagraph(sentences, previous, { named, demonymOf });
    previous.push(sentences.flatMap((s) => s.mentions));
  }

  // Frames, and the document's main claimant: the source most often speaking or cited.
  const flat = blocks.flat().map((s) => ({ ...s, frame: findFrame(s.tokens, s.mentions) }));
  const claimCounts = new Map<string, { e: Entity; n: number }>();
  for (const s of flat) {
    for (const l of ownChain(s.frame)) {
      if (l.entity.role !== 'source') continue;
      const c = claimCounts.get(l.entity.id) ?? { e: l.entity, n: 0 };
      c.n++;
      claimCounts.set(l.entity.id, c);
    }
  }
  const main = [...claimCounts.values()]
    .filter((c) => c.n >= 2 && c.e.kind !== 'media')
    .sort((a, b) => b.n - a.n)[0]?.e;
  const reporters: Link[] = [];
  if (main) {
    for (const s of flat) {
      const chain = ownChain(s.frame);
      if (!chain.some((l) => l.entity.id === main.id)) continue;
      for (const l of chain)
        if (
          l.role === 'reporter' &&
          l.entity.id !== main.id &&
          !reporters.some((r) => r.entity.id === l.entity.id)
        )
          reporters.push({ ...l, inherited: true });
    }
  }
  const publisherName = options.publisher ?? layout.publisher;
  const publisher: Link | undefined = publisherName
    ? { entity: publisherEntity(g, publisherName), text: publisherName, role: 'publisher' }
    : undefined;
  const mainLink: Link | undefined = main
    ? { entity: main, text: main.name, role: 'speaker', inherited: true }
    : undefined;
  const provenance: Link[] = [
    ...(mainLink ? [mainLink] : []),
    ...reporters,
    ...(publisher ? [publisher] : []),
  ];

  // Chains with inheritance within a paragraph.
  const sentences: AnalysedSentence[] = [];
  let lastBlock: unknown;
  let inherited: Link[] = [];
  for (const s of flat) {
    if (s.block !== lastBlock) {
      inherited = mainLink && s.block.kind === 'paragraph' ? [mainLink] : [];
      lastBlock = s.block;
    }
    const own = ownChain(s.frame);
    let chain: Link[] = own.length ? own : inherited.map((l) => ({ ...l, inherited: true }));
    if (
      own.length &&
      !own.some((l) => l.entity.role === 'source') &&
      inherited.some((l) => l.entity.role === 'source')
    )
      chain = [
        ...own,
        ...inherited
          .filter((l) => l.entity.role === 'source')
          .map((l) => ({ ...l, role: 'reporter' as const, inherited: true })),
      ];
    if (own.length) inherited = chain.filter((l) => l.role !== 'publisher');
    const full = [...chain];
    if (main && full.some((l) => l.entity.id === main.id))
      for (const r of reporters) if (!full.some((l) => l.entity.id === r.entity.id)) full.push(r);
    if (publisher && !full.some((l) => l.entity.id === publisher.entity.id)) full.push(publisher);
    sentences.push({
      kind: s.block.kind,
      paragraph: s.block.paragraph,
      sentence: s.index,
      line: s.block.line,
      text: s.text,
      tokens: s.tokens,
      mentions: s.mentions,
      frame: s.frame,
      chain: full,
      dates: findDates(s.text),
      quotes: findQuotes(s.text),
    });
  }

  const refOf = (s: AnalysedSentence): SentenceRef => ({
    paragraph: s.paragraph,
    sentence: s.sentence,
    line: s.line,
    kind: s.kind,
    locator: locatorOf(s),
    quote: s.text,
  });

  // The article's date: the first full date in the headline or first two paragraphs.
  const date = sentences
    .filter((s) => s.paragraph <= 2)
    .flatMap((s) => s.dates)
    .find((d) => d.kind === 'date' && d.iso !== undefined && !isoDateProblem(d.iso))?.iso;
  const asOfYear = Number((options.asOf ?? date ?? '').slice(0, 4)) || undefined;

  // The issue and the roles the text gives actors in it.
  const issue = guessIssue(
    sentences.map((s) => ({
      tokens: s.tokens,
      text: s.text,
      weight: s.kind === 'headline' || s.paragraph === 1 ? 2 : 1,
      headline: s.kind === 'headline',
      paragraph: s.paragraph,
    })),
    options.issueName,
  );
  const roleReadings = sentences.map((s) => readRoles(s.tokens, s.mentions, s.text));
  const proponents = new Set(
    roleReadings
      .flat()
      .filter((r) => r.kind === 'proponent')
      .map((r) => r.mention.entity.id),
  );
  const targets = new Set(
    roleReadings
      .flat()
      .filter((r) => r.kind === 'target')
      .map((r) => r.mention.entity.id),
  );
  const restriction = isRestrictionIssue(sentences);
  const roles: IssueRoles = { proponents, targets, ...(restriction ? { restriction } : {}) };

  // Stance statements.
  const statements: Statement[] = [];
  sentences.forEach((s, i) => {
    if (s.kind === 'subheading') return;
    const speaker = s.chain.find((l) => l.role === 'speaker')?.entity;
    const hedge = s.frame.speaker?.verb === 'hinted' || s.frame.speaker?.verb === 'hints' ? 0.8 : 1;
    const years = s.dates.map(yearOf).filter((y): y is number => y !== undefined);
    const old = asOfYear !== undefined ? years.filter((y) => y < asOfYear - 1) : [];
    const historical =
      old.length && old.length === years.length ? String(Math.min(...old)) : undefined;
    const at = refOf(s);
    const readings: CueReading[] = readStances(
      {
        tokens: s.tokens,
        mentions: s.mentions,
        ...(speaker ? { speaker } : {}),
        ...(s.frame.speaker ? { speakerMention: s.frame.speaker.mention } : {}),
        reportingHedge: hedge,
        ...(negationScope ? { negationScope: negationScope(s.text, s.tokens) } : {}),
      },
      roles,
    );
    for (const r of roleReadings[i]!) {
      const strength = r.kind === 'beneficiary' ? 0.5 : r.kind === 'target' ? 0.7 : 0.8;
      readings.push({
        holder: r.mention,
        cue: r.cue,
        kind: r.kind,
        direction: r.kind === 'target' ? -1 : 1,
        strength,
        salience: r.kind === 'target' ? 1 : 0,
        negated: false,
        hedges: [],
        intensifiers: [],
        concessive: false,
        holderCertainty: r.mention.certainty,
      });
    }
    for (const r of readings) {
      if (r.holder.entity.role !== 'party') continue;
      statements.push({
        ...r,
        actor: keyOf(r.holder.entity, r.holder.isPublic),
        at,
        ...(historical ? { historical } : {}),
        chain: s.chain,
      });
    }
  });

  // Actors: every party named, with its statements.
  const actors = new Map<
    string,
    {
      entity: Entity;
      isPublic: boolean;
      mentions: number;
      names: Set<string>;
      statements: Statement[];
      namedAt: SentenceRef[];
    }
  >();
  const sourceCounts = new Map<string, { entity: Entity; mentions: number }>();
  for (const s of sentences) {
    for (const m of s.mentions) {
      if (m.entity.role === 'source') {
        const c = sourceCounts.get(m.entity.id) ?? { entity: m.entity, mentions: 0 };
        c.mentions++;
        sourceCounts.set(m.entity.id, c);
        continue;
      }
      if (m.entity.role !== 'party') continue;
      const key = keyOf(m.entity, m.isPublic);
      const a = actors.get(key) ?? {
        entity: m.entity,
        isPublic: m.isPublic || m.entity.isPublic === true,
        mentions: 0,
        names: new Set<string>(),
        statements: [],
        namedAt: [],
      };
      a.mentions++;
      if (a.namedAt.length < 2 && !a.namedAt.some((r) => r.quote === s.text))
        a.namedAt.push(refOf(s));
      a.names.add(m.text);
      actors.set(key, a);
    }
  }
  for (const st of statements) actors.get(st.actor)?.statements.push(st);

  const quotes = sentences.flatMap((s) =>
    s.quotes.map((quote) => {
      const speaker = s.chain[0];
      return {
        quote,
        at: refOf(s),
        ...(speaker ? { speaker: describeChain([speaker]).replace(/^claim by /, '') } : {}),
      };
    }),
  );
  return {
    layout,
    ...(layout.blocks[0]?.kind === 'headline' ? { title: layout.blocks[0].text } : {}),
    sentences,
    actors: [...actors.entries()].map(([key, a]) => ({
      key,
      entity: a.entity,
      isPublic: a.isPublic,
      name: a.isPublic && !a.entity.isPublic ? `${a.entity.name}'s public` : a.entity.name,
      mentions: a.mentions,
      names: [...a.names],
      statements: a.statements,
      namedAt: a.namedAt,
    })),
    sources: [...sourceCounts.values()],
    issue,
    roles,
    provenance,
    ...(publisherName ? { publisher: publisherName } : {}),
    ...(date ? { date } : {}),
    quotes,
    dates: sentences.flatMap((s) => s.dates.map((date) => ({ date, at: refOf(s) }))),
  };
}
