/**
 * `entente ingest ARTICLE`: reads a news or think-tank article and proposes a draft scenario (or
 * merges into one with --into) whose every number is `status: proposed`, with its evidence quote,
 * locator and a confidence. The pipeline is in src/evidence/; this file reads and writes files.
 * Options and help: program/ingest.ts.
 */
import { readFileSync, statSync } from 'node:fs';
import { InputError, InternalError } from '../../core/errors.ts';
import { isoDateProblem } from '../../core/scenario.ts';
import { validateScenarioObject, scenarioToYaml } from '../../formats/scenario-file.ts';
import { type ActorFound, type Analysis, analyseArticle } from '../../evidence/analyse.ts';
import { prepareArticle } from '../../evidence/article.ts';
import { describeChain } from '../../evidence/attribution.ts';
import { checkArticleSize } from '../../evidence/decode.ts';
import { buildDraft } from '../../evidence/draft.ts';
import { mergeIntoScenario } from '../../evidence/merge.ts';
import { cueLabel, propose } from '../../evidence/propose.ts';
import { io } from '../io.ts';
import { readTextFile } from '../load.ts';

export interface IngestFlags {
  issueName?: string;
  issue?: string;
  out?: string;
  into?: string;
  asOf?: string;
  publisher?: string;
  sourceId?: string;
  json?: boolean;
}

/** Reads an article's bytes, refusing missing, oversized, binary, non-UTF-8, empty and non-English files. */
export function readArticle(file: string): { text: string; notices: readonly string[] } {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory())
      throw new InputError({ file, path: '', message: 'is a directory, expected a text file' });
    size = st.size;
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError({
      file,
      path: '',
      message: code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? 'error'})`,
    });
  }
  // Refuse before reading a huge file into memory.
  checkArticleSize(size, file);
  return prepareArticle(readFileSync(file), file);
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function actorLine(a: ActorFound, scale = { min: 0, max: 100 }): string {
  const p = propose(a.statements, scale);
  const head = `  ${a.key.padEnd(24)}`;
  if (!p) return `${head}named ${a.mentions}×, no stance cue (${a.names.slice(0, 4).join(', ')})`;
  const dir = p.direction === 'support' ? 'for' : p.direction === 'oppose' ? 'against' : 'hedging';
  const cues = a.statements.slice(0, 4).map(cueLabel).join(', ');
  const more = a.statements.length > 4 ? ` +${a.statements.length - 4} more` : '';
  return `${head}${dir.padEnd(8)} position ${p.position.value} (${p.position.low}–${p.position.high}) conf ${p.position.confidence.toFixed(2)} · salience ${p.salience.value}${p.conflict ? ' · CONFLICTING' : ''}\n${' '.repeat(26)}${cues}${more}`;
}

function summary(a: Analysis, file: string): string[] {
  const lines = [
    `Read ${file}: ${a.sentences.length} sentences in ${a.layout.blocks.filter((b) => b.kind === 'paragraph').length} paragraphs.`,
  ];
  const chain = describeChain(a.provenance);
  if (chain) lines.push(`Provenance: ${chain}.`);
  lines.push(`Issue: ${a.issue.name}`);
  if (a.roles.proponents.size || a.roles.targets.size)
    lines.push(
      `Roles: proponents ${[...a.roles.proponents].join(', ') || '-'}; targets ${[...a.roles.targets].join(', ') || '-'}`,
    );
  lines.push(`Actors (${a.actors.length}):`);
  lines.push(
    ...[...a.actors]
      .sort((x, y) => y.statements.length - x.statements.length)
      .map((x) => actorLine(x)),
  );
  if (a.sources.length)
    lines.push(
      `Sources named: ${a.sources.map((s) => `${s.entity.name} (${s.mentions}×)`).join(', ')}`,
    );
  const years = [...new Set(a.dates.map((d) => d.date.iso ?? d.date.text))];
  if (years.length) lines.push(`Dates: ${years.join(', ')}`);
  const quotes = a.quotes.filter((q) => q.quote.kind === 'speech');
  for (const q of quotes)
    lines.push(`Quote (${q.at.locator}${q.speaker ? `, ${q.speaker}` : ''}): “${q.quote.text}”`);
  return lines;
}

export function ingestCommand(article: string, flags: IngestFlags): void {
  if (
    flags.asOf !== undefined &&
    (!/^\d{4}-\d{2}-\d{2}$/.test(flags.asOf) || isoDateProblem(flags.asOf))
  )
    throw new InputError({
      path: '--as-of',
      message: isoDateProblem(flags.asOf) ?? `"${flags.asOf}" is not a date: expected YYYY-MM-DD`,
    });
  const { text, notices } = readArticle(article);
  notices.forEach((n) => io.err(n));
  if (flags.into) {
    const into = flags.into;
    const result = mergeIntoScenario(text, readTextFile(into), {
      file: into,
      articleFile: article,
      ...(flags.issue ? { issue: flags.issue } : {}),
      ...(flags.asOf ? { asOf: flags.asOf } : {}),
      ...(flags.publisher ? { publisher: flags.publisher } : {}),
      ...(flags.sourceId ? { sourceId: flags.sourceId } : {}),
    });
    io.write(flags.out ?? into, result.text);
    if (flags.json) {
      io.json({
        into,
        out: flags.out ?? into,
        issue: result.issue,
        changes: result.changes,
        newActors: result.newActors,
        evidenceAdded: result.evidenceAdded,
        evidenceReused: result.evidenceReused,
      });
      return;
    }
    const lines = [
      `Merged ${article} into ${flags.out ?? into} (issue ${result.issue}):`,
      ...result.changes.map((c) =>
        c.action === 'kept'
          ? `  kept      ${c.label} = ${c.value} (accepted; the article suggests ${c.proposed.value}, ${c.proposed.low}–${c.proposed.high})`
          : `  ${c.action.padEnd(9)} ${c.label} = ${c.value} (${c.proposed.low}–${c.proposed.high}, proposed, confidence ${c.proposed.confidence})`,
      ),
      `  new actors: ${result.newActors.join(', ') || 'none'}; evidence items added: ${result.evidenceAdded.length}; existing evidence cited: ${result.evidenceReused.length}`,
    ];
    io.out(lines.join('\n'));
    return;
  }
  const analysis = analyseArticle(text, {
    ...(flags.issueName ? { issueName: flags.issueName } : {}),
    ...(flags.asOf ? { asOf: flags.asOf } : {}),
    ...(flags.publisher ? { publisher: flags.publisher } : {}),
  });
  if (analysis.actors.length < 2) {
    throw new InputError({
      file: article,
      path: '',
      message: `names ${analysis.actors.length === 0 ? 'no actor' : `only one actor (${analysis.actors[0]!.key})`}: a scenario needs at least 2 (states, organisations or groups the gazetteer knows; see docs/evidence.md)`,
    });
  }
  const draft = buildDraft(analysis, {
    file: article,
    asOf: flags.asOf ?? analysis.date ?? today(),
    ...(flags.sourceId ? { sourceId: flags.sourceId } : {}),
  });
  const checked = validateScenarioObject(draft.scenario);
  if (!checked.ok)
    throw new InternalError(
      `the draft does not validate: ${checked.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
    );
  const yaml = scenarioToYaml(draft.scenario);
  if (flags.json) {
    if (flags.out) io.write(flags.out, yaml);
    io.json({
      file: article,
      provenance: describeChain(analysis.provenance),
      issue: analysis.issue,
      roles: {
        proponents: [...analysis.roles.proponents],
        targets: [...analysis.roles.targets],
      },
      actors: draft.actors.map((d) => ({
        id: d.actor.key,
        name: d.actor.name,
        mentions: d.actor.mentions,
        names: d.actor.names,
        proposal: d.proposal,
        statements: d.actor.statements.map((st) => ({
          cue: st.cue,
          kind: st.kind,
          direction: st.direction,
          strength: st.strength,
          negated: st.negated,
          hedges: st.hedges,
          intensifiers: st.intensifiers,
          concessive: st.concessive,
          historical: st.historical,
          holder: st.holder.text,
          locator: st.at.locator,
          quote: st.at.quote,
          provenance: describeChain(st.chain),
        })),
      })),
      sources: analysis.sources.map((s) => ({
        id: s.entity.id,
        name: s.entity.name,
        mentions: s.mentions,
      })),
      quotes: analysis.quotes.map((q) => ({
        text: q.quote.text,
        kind: q.quote.kind,
        locator: q.at.locator,
        speaker: q.speaker,
      })),
      dates: analysis.dates.map((d) => ({ ...d.date, locator: d.at.locator })),
      ...(flags.out ? {} : { draft: draft.scenario }),
    });
    return;
  }
  io.write(flags.out, yaml);
  const lines = summary(analysis, article);
  lines.push(
    `Draft: ${draft.scenario.actors.length} actors, ${(draft.scenario.evidence ?? []).length} evidence items; every number is proposed — review with \`entente evidence ${flags.out ?? 'FILE'}\`.`,
  );
  // The YAML went to stdout: keep the summary off it.
  if (flags.out && flags.out !== '-') io.out(lines.join('\n'));
  else io.err(lines.join('\n'));
}
