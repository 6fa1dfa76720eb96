/**
 * `entente ingest --into FILE`: merges what an article says into an existing scenario without
 * touching accepted numbers. A number is accepted unless it says `status: proposed`. For each
 * actor with stance statements the merge
 * - adds a stance on the target issue when the actor has none (position and salience proposed),
 * - replaces a proposed position or salience with the new proposal,
 * - keeps an accepted one as it is, and reports what the article would have proposed;
 * it adds actors the scenario lacks (with a placeholder capability, proposed), the article as a
 * source, and evidence items for the numbers it writes — citing an existing evidence item instead
 * when it already quotes the same sentence. Comments and layout of the file are kept (the edit is
 * made on the YAML document).
 */
import { parseDocument } from 'yaml';
import { InputError } from '../core/errors.ts';
import type { MeasureValue, Scenario, ScenarioActor } from '../core/scenario.ts';
import { parseScenarioText } from '../formats/scenario-file.ts';
import { type ActorFound, type Analysis, analyseArticle, type AnalyseOptions } from './analyse.ts';
import { describeChain } from './attribution.ts';
import { evidenceId } from './draft.ts';
import { type Entity, extendGazetteer } from './gazetteer/gazetteer.ts';
import { slug } from './issue.ts';
import { propose, type Proposal, type ProposedNumber } from './propose.ts';

export interface MergeOptions extends Pick<AnalyseOptions, 'asOf' | 'publisher'> {
  /** Names the scenario file in messages. */
  readonly file: string;
  /** Names the article in notes. */
  readonly articleFile: string;
  /** The scenario issue the article speaks to; the coalition issue or the first issue when absent. */
  readonly issue?: string;
  readonly sourceId?: string;
}

export interface MergeChange {
  /** `actor.issue.field` */
  readonly label: string;
  readonly action: 'added' | 'replaced' | 'kept';
  /** The value now in the file. */
  readonly value: number;
  /** What the article proposes (for kept numbers: not written). */
  readonly proposed: ProposedNumber;
}

export interface MergeResult {
  readonly text: string;
  readonly analysis: Analysis;
  readonly issue: string;
  readonly changes: readonly MergeChange[];
  readonly newActors: readonly string[];
  readonly evidenceAdded: readonly string[];
  readonly evidenceReused: readonly string[];
  readonly sourceId: string;
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/^the\s+/, '')
    .trim();

/** Maps gazetteer entities onto the scenario's actors by name, group and aliases. */
export function scenarioActorKey(actors: readonly ScenarioActor[]) {
  return (entity: Entity, isPublic: boolean): string => {
    if (entity.kind === 'scenario') {
      if (!isPublic || entity.isPublic) return entity.id;
      const group = actors.find((a) => a.id === entity.id)?.group;
      return (
        actors.find((a) => a.kind === 'public' && group !== undefined && a.group === group)?.id ??
        entity.id
      );
    }
    const names = new Set([...entity.names, ...entity.seats].map(norm));
    const matches = actors.filter((a) =>
      [a.name, a.group ?? '', a.id, ...(a.aliases ?? [])].some((n) => n && names.has(norm(n))),
    );
    const fit = matches.find((a) => (a.kind === 'public') === isPublic);
    if (fit) return fit.id;
    return isPublic ? `${entity.id}-public` : entity.id;
  };
}

const isProposed = (m: MeasureValue | undefined) =>
  m !== undefined && typeof m !== 'number' && m.status === 'proposed';

function measureFor(p: ProposedNumber, evidence: readonly string[]) {
  return {
    value: p.value,
    low: p.low,
    high: p.high,
    evidence: [...evidence],
    derivation: p.derivation,
    status: 'proposed',
    confidence: p.confidence,
  };
}

export function mergeIntoScenario(
  articleText: string,
  scenarioText: string,
  options: MergeOptions,
): MergeResult {
  const scenario: Scenario = parseScenarioText(scenarioText, options.file);
  const issueId = options.issue ?? scenario.coalition?.issue ?? scenario.issues[0]!.id;
  const issue = scenario.issues.find((i) => i.id === issueId);
  if (!issue) {
    throw new InputError({
      file: options.file,
      path: '',
      message: `--issue: unknown issue id "${issueId}"; known issue ids: ${scenario.issues.map((i) => i.id).join(', ')}`,
    });
  }
  const keyOf = scenarioActorKey(scenario.actors);
  const analysis = analyseArticle(articleText, {
    gazetteer: extendGazetteer(scenario.actors),
    actorKey: keyOf,
    issueName: issue.name,
    ...(options.asOf ? { asOf: options.asOf } : {}),
    ...(options.publisher ? { publisher: options.publisher } : {}),
  });

  const doc = parseDocument(scenarioText);
  const changes: MergeChange[] = [];
  const newActors: string[] = [];
  const evidenceAdded: string[] = [];
  const evidenceReused: string[] = [];

  // The article as a source: reuse one with the same title, else add it under a free id.
  const title = analysis.title ?? options.articleFile.replace(/^.*[\\/]/, '');
  let sourceId = scenario.sources.find((s) => norm(s.title) === norm(title))?.id;
  if (!sourceId) {
    const base =
      options.sourceId ??
      slug(
        analysis.publisher ?? options.articleFile.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, ''),
      );
    sourceId = base;
    for (let k = 2; scenario.sources.some((s) => s.id === sourceId); k++) sourceId = `${base}-${k}`;
    const chain = describeChain(analysis.provenance);
    if (!doc.has('sources')) doc.set('sources', doc.createNode([]));
    doc.addIn(
      ['sources'],
      doc.createNode({
        id: sourceId,
        title,
        ...(analysis.publisher ? { publisher: analysis.publisher } : {}),
        note: `${chain ? `${chain[0]!.toUpperCase()}${chain.slice(1)}. ` : ''}Added by entente ingest from ${options.articleFile}; paragraphs numbered after the headline, skipping subheadings.`,
      }),
    );
  }

  const existingByQuote = new Map(
    scenario.evidence.filter((e) => e.quote).map((e) => [norm(e.quote!), e.id]),
  );
  const usedIds = new Set(scenario.evidence.map((e) => e.id));
  if (!doc.has('evidence')) doc.set('evidence', doc.createNode([]));

  /** Evidence ids for an actor's statements, adding items that support `fields`. */
  const citeEvidence = (
    actor: ActorFound,
    fields: readonly ('position' | 'salience')[],
  ): string[] => {
    const ids: string[] = [];
    const bySentence = new Map<string, (typeof actor.statements)[number][]>();
    for (const st of actor.statements) {
      const id = evidenceId(sourceId, st);
      bySentence.set(id, [...(bySentence.get(id) ?? []), st]);
    }
    for (const [baseId, sts] of bySentence) {
      const st = sts[0]!;
      const reuse = existingByQuote.get(norm(st.at.quote));
      if (reuse) {
        if (!ids.includes(reuse)) ids.push(reuse);
        if (!evidenceReused.includes(reuse)) evidenceReused.push(reuse);
        continue;
      }
      let id = baseId;
      for (let k = 2; usedIds.has(id); k++) id = `${baseId}-${k}`;
      usedIds.add(id);
      ids.push(id);
      evidenceAdded.push(id);
      const cues = sts
        .map(
          (x) =>
            `“${x.cue}” → ${x.direction > 0 ? 'for' : x.direction < 0 ? 'against' : 'hedging'} (${x.strength.toFixed(2)})`,
        )
        .join('; ');
      doc.addIn(
        ['evidence'],
        doc.createNode({
          id,
          source: sourceId,
          quote: st.at.quote,
          locator: st.at.locator,
          note: `Proposed by entente ingest: ${cues}. ${describeChain(st.chain).replace(/^./, (c) => c.toUpperCase())}.`,
          status: 'proposed',
          supports: fields.map((field) => ({ actor: actor.key, issue: issueId, field })),
        }),
      );
    }
    return ids;
  };

  for (const actor of analysis.actors) {
    const proposal: Proposal | undefined = propose(actor.statements, issue.scale);
    if (!proposal) continue;
    const index = scenario.actors.findIndex((a) => a.id === actor.key);
    if (index < 0) {
      const ids = citeEvidence(actor, ['position', 'salience']);
      newActors.push(actor.key);
      doc.addIn(
        ['actors'],
        doc.createNode({
          id: actor.key,
          name: actor.name,
          kind: actor.isPublic
            ? 'public'
            : actor.entity.kind === 'state'
              ? 'state'
              : actor.entity.kind === 'group'
                ? 'faction'
                : 'organisation',
          description: `Added by entente ingest from ${options.articleFile}.`,
          capability: {
            value: 1,
            status: 'proposed',
            confidence: 0,
            derivation: 'Placeholder: the article says nothing about capability.',
          },
          stances: {
            [issueId]: {
              position: measureFor(proposal.position, ids),
              salience: measureFor(proposal.salience, ids),
            },
          },
        }),
      );
      for (const field of ['position', 'salience'] as const)
        changes.push({
          label: `${actor.key}.${issueId}.${field}`,
          action: 'added',
          value: proposal[field].value,
          proposed: proposal[field],
        });
      continue;
    }
    const stance = scenario.actors[index]!.stances[issueId];
    if (!stance) {
      const ids = citeEvidence(actor, ['position', 'salience']);
      doc.setIn(
        ['actors', index, 'stances', issueId],
        doc.createNode({
          position: measureFor(proposal.position, ids),
          salience: measureFor(proposal.salience, ids),
        }),
      );
      for (const field of ['position', 'salience'] as const)
        changes.push({
          label: `${actor.key}.${issueId}.${field}`,
          action: 'added',
          value: proposal[field].value,
          proposed: proposal[field],
        });
      continue;
    }
    const writable = (['position', 'salience'] as const).filter((f) => isProposed(stance[f]));
    const ids = writable.length ? citeEvidence(actor, writable) : [];
    for (const field of ['position', 'salience'] as const) {
      const label = `${actor.key}.${issueId}.${field}`;
      if (writable.includes(field)) {
        doc.setIn(
          ['actors', index, 'stances', issueId, field],
          doc.createNode(measureFor(proposal[field], ids)),
        );
        changes.push({
          label,
          action: 'replaced',
          value: proposal[field].value,
          proposed: proposal[field],
        });
      } else {
        const m = stance[field];
        changes.push({
          label,
          action: 'kept',
          value: typeof m === 'number' ? m : m.value,
          proposed: proposal[field],
        });
      }
    }
  }

  // Keep the file's own style of sequences ("- id:" flush with its key, or indented).
  const indentSeq = !/^[^\s#][^\n]*:\s*\n-\s/m.test(scenarioText);
  const text = doc.toString({ lineWidth: 0, indentSeq, flowCollectionPadding: false });
  // The merged file must still be a valid scenario.
  parseScenarioText(text, options.file);
  return {
    text,
    analysis,
    issue: issueId,
    changes,
    newActors,
    evidenceAdded,
    evidenceReused,
    sourceId,
  };
}
