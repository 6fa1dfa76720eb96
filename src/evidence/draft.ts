/**
 * The draft scenario: what an analyst would otherwise build by hand from an article. One issue
 * (the article's), every actor named, and for each actor with stance statements a proposed
 * position and salience (`status: proposed`, a confidence, a derivation showing the cues), each
 * citing evidence items that quote the sentence with its locator and provenance.
 */
import type { ScenarioInput } from '../core/scenario.ts';
import { type ActorFound, type Analysis, type Statement } from './analyse.ts';
import { describeChain } from './attribution.ts';
import { slug } from './issue.ts';
import { abstention, propose, type Proposal } from './propose.ts';

export interface DraftOptions {
  /** The file the article came from (for notes). */
  readonly file: string;
  /** The scenario's date (YYYY-MM-DD); the article's own date is used when absent. */
  readonly asOf: string;
  /** Id of the article in `sources`; from the publisher or the file name when absent. */
  readonly sourceId?: string;
  readonly url?: string;
}

export interface DraftActor {
  readonly actor: ActorFound;
  readonly proposal?: Proposal;
  /** Evidence ids citing this actor's statements. */
  readonly evidence: readonly string[];
}

export interface Draft {
  readonly scenario: ScenarioInput;
  readonly actors: readonly DraftActor[];
  readonly sourceId: string;
  readonly issueId: string;
}

const ACTOR_KIND: Record<string, 'state' | 'organisation' | 'faction' | 'public'> = {
  state: 'state',
  bloc: 'organisation',
  alliance: 'organisation',
  body: 'organisation',
  court: 'organisation',
  group: 'faction',
};

/** The evidence id of an actor's statement(s) in one sentence. */
export function evidenceId(sourceId: string, st: Statement): string {
  const where =
    st.at.kind === 'paragraph'
      ? `p${st.at.paragraph}s${st.at.sentence}`
      : `${st.at.kind}${st.at.line}`;
  return `${sourceId}-${where}-${st.actor}`;
}

function statementNote(st: Statement): string {
  const dir = st.direction > 0 ? 'for' : st.direction < 0 ? 'against' : 'hedging';
  const mods = [
    st.negated ? 'negated' : '',
    st.hedges.length ? `hedged by ${st.hedges.map((h) => `“${h}”`).join(', ')}` : '',
    st.intensifiers.length
      ? `intensified by ${st.intensifiers.map((h) => `“${h}”`).join(', ')}`
      : '',
    st.comparison ?? '',
    st.concessive ? 'conceded (“despite/although”)' : '',
    st.historical ? `about ${st.historical}` : '',
    st.object ? `about ${st.object}` : '',
    st.holder.via === 'coref'
      ? `holder “${st.holder.anaphor ?? st.holder.text}” resolved by rule (certainty ${st.holderCertainty})`
      : '',
  ].filter((x) => x);
  const kind = st.kind === 'cue' ? 'cue' : `${st.kind} role`;
  return `${kind} “${st.cue}” → ${dir} (strength ${st.strength.toFixed(2)}${mods.length ? `; ${mods.join('; ')}` : ''})`;
}

export function buildDraft(a: Analysis, options: DraftOptions): Draft {
  const sourceId =
    options.sourceId ??
    slug(a.publisher ?? options.file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, ''));
  const issueId = a.issue.id;
  const chainText = describeChain(a.provenance);

  // Evidence: one item per actor and sentence, quoting the sentence.
  const evidence = new Map<string, { st: Statement; notes: string[] }>();
  const byActor = new Map<string, string[]>();
  for (const actor of a.actors) {
    for (const st of actor.statements) {
      const id = evidenceId(sourceId, st);
      const item = evidence.get(id) ?? { st, notes: [] };
      item.notes.push(statementNote(st));
      evidence.set(id, item);
      const ids = byActor.get(actor.key) ?? [];
      if (!ids.includes(id)) ids.push(id);
      byActor.set(actor.key, ids);
    }
  }

  // Actors named without a stance cue: evidence items that show where they are named.
  const mentionEvidence = new Map<string, string[]>();
  for (const actor of a.actors) {
    if (actor.statements.length) continue;
    const ids = actor.namedAt.map((at) => {
      const where =
        at.kind === 'paragraph' ? `p${at.paragraph}s${at.sentence}` : `${at.kind}${at.line}`;
      const id = `${sourceId}-${where}-${actor.key}`;
      mentionEvidence.set(id, [at.quote, at.locator, actor.key]);
      return id;
    });
    byActor.set(actor.key, ids);
  }

  const draftActors: DraftActor[] = a.actors.map((actor) => {
    const proposal = propose(actor.statements);
    return { actor, evidence: byActor.get(actor.key) ?? [], ...(proposal ? { proposal } : {}) };
  });

  const actors = draftActors.map(({ actor, proposal, evidence: ids }) => {
    const kind = actor.isPublic ? 'public' : (ACTOR_KIND[actor.entity.kind] ?? 'organisation');
    const stances: Record<string, unknown> = {};
    if (proposal) {
      stances[issueId] = {
        position: { ...proposal.position, evidence: ids, status: 'proposed' },
        salience: { ...proposal.salience, evidence: ids, status: 'proposed' },
      };
    } else {
      // Named but no stance cue: a placeholder spanning the scale, confidence 0.
      const why = actor.statements.length
        ? `Placeholder: ${abstention(actor.statements) ?? 'no side'} — the ${actor.statements.length} statement${actor.statements.length > 1 ? 's are' : ' is'} cited as evidence; set the position from them or from other sources.`
        : `Placeholder: named ${actor.mentions} time${actor.mentions > 1 ? 's' : ''} but no stance cue found; set it from other sources or delete the actor.`;
      stances[issueId] = {
        position: {
          value: 50,
          low: 0,
          high: 100,
          evidence: ids,
          derivation: why,
          status: 'proposed',
          confidence: 0,
        },
        salience: {
          value: 10,
          low: 0,
          high: 50,
          evidence: ids,
          derivation: why,
          status: 'proposed',
          confidence: 0,
        },
      };
    }
    const aliases = actor.names.filter(
      (n) => n !== actor.entity.name && !/^(?:the|this|that|they|these)\b/i.test(n),
    );
    return {
      id: actor.key,
      name: actor.name,
      kind,
      ...(actor.isPublic || actor.entity.kind === 'state' ? { group: actor.entity.name } : {}),
      ...(aliases.length ? { aliases } : {}),
      description: `Named ${actor.mentions} time${actor.mentions > 1 ? 's' : ''} in the article; ${actor.statements.length ? `${actor.statements.length} stance statement${actor.statements.length > 1 ? 's' : ''}` : 'no stance cue found'}.`,
      capability: {
        value: 1,
        status: 'proposed',
        confidence: 0,
        derivation:
          'Placeholder: the article says nothing about capability; set it from a measure such as COW CINC.',
      },
      stances,
    };
  });

  const title = a.title ?? options.file.replace(/^.*[\\/]/, '');
  const quotes = a.quotes.filter((q) => q.quote.kind === 'speech');
  const conflicts = draftActors.filter((d) => d.proposal?.conflict).map((d) => d.actor.key);
  const years = [
    ...new Set(a.dates.map((d) => d.date.iso).filter((x): x is string => x !== undefined)),
  ];
  const notes = [
    `Draft by \`entente ingest\` from ${options.file}. Every number is proposed (status: proposed) with a confidence: accept it (delete \`status\` or set it to accepted), edit it, or delete it.`,
    `Positions: ${a.issue.name} on a 0-100 scale, 0 = strongly against, 50 = neutral or hedging, 100 = strongly for. Each cue (e.g. “reluctant” 0.6, “oppose” 0.8) gives a direction and a strength, weakened by hedges (“somewhat”, “might”), strengthened by intensifiers (“very”, “explicitly”), reversed by negation (“not”, “almost no”); position = 50 + 50 × direction × strength; an actor's value is the confidence-weighted mean of its statements (docs/evidence.md).`,
    'Salience: from the strength and emphasis of the statements and how many there are; a rough guide, to be checked.',
    'Capabilities: a placeholder of 1 for every actor (the article does not say); replace them.',
    ...(chainText ? [`Provenance: ${chainText}.`] : []),
    ...(conflicts.length
      ? [
          `Conflicting statements (kept side by side, see each derivation): ${conflicts.join(', ')}.`,
        ]
      : []),
    ...(years.length ? [`Dates mentioned: ${years.join(', ')}.`] : []),
    ...quotes.map(
      (q) =>
        `Direct quote (${q.at.locator}${q.speaker ? `, ${q.speaker}` : ''}): “${q.quote.text}”`,
    ),
    ...(a.sources.length
      ? [`Sources named: ${a.sources.map((s) => `${s.entity.name} (${s.mentions})`).join(', ')}.`]
      : []),
  ];
  const scenario: ScenarioInput = {
    id: `draft-${slug(title)}`,
    title: `Draft: ${title}`,
    question: `Where do the actors named in the article stand on ${a.issue.name.replace(/^A /, 'a ')}?`,
    asOf: options.asOf,
    description: `Drafted from the article “${title}” by entente ingest: ${actors.length} actors, ${[...evidence.keys()].length} evidence items.`,
    sources: [
      {
        id: sourceId,
        title,
        ...(a.publisher ? { publisher: a.publisher } : {}),
        ...(options.url ? { url: options.url } : {}),
        ...(a.date ? { date: a.date } : {}),
        note: `${chainText ? `${chainText[0]!.toUpperCase()}${chainText.slice(1)}. ` : ''}Stored copy: ${options.file}. Paragraphs are numbered after the headline, skipping subheadings.`,
      },
    ],
    issues: [
      {
        id: issueId,
        name: a.issue.name,
        scale: {
          min: 0,
          max: 100,
          unit: 'support for the issue',
          anchors: [
            { value: 0, label: 'strongly against' },
            { value: 25, label: 'against' },
            { value: 50, label: 'neutral or hedging' },
            { value: 75, label: 'for' },
            { value: 100, label: 'strongly for' },
          ],
        },
      },
    ],
    actors: actors as ScenarioInput['actors'],
    evidence: [
      ...[...evidence.entries()].map(([id, { st, notes: n }]) => ({
        id,
        source: sourceId,
        quote: st.at.quote,
        locator: st.at.locator,
        note: `${n.join('; ')}. ${describeChain(st.chain).replace(/^./, (c) => c.toUpperCase())}.`,
        status: 'proposed' as const,
        supports: [
          { actor: st.actor, issue: issueId, field: 'position' as const },
          { actor: st.actor, issue: issueId, field: 'salience' as const },
        ],
      })),
      ...[...mentionEvidence.entries()].map(([id, [quote, locator, actor]]) => ({
        id,
        source: sourceId,
        quote: quote!,
        locator: locator!,
        note: 'Names the actor; no stance cue: the numbers it supports are placeholders.',
        status: 'proposed' as const,
        supports: [{ actor: actor!, issue: issueId, field: 'position' as const }],
      })),
    ],
    notes,
  };
  return { scenario, actors: draftActors, sourceId, issueId };
}
