/**
 * `entente evidence FILE`: every number of a scenario with the evidence behind it (quote, source,
 * the source's grade, locator), flagging numbers with none and numbers still proposed; then the
 * evidence items cited for context only (they feed no number). Options: program/evidence.ts.
 */
import { SOURCE_GRADES, type Scenario } from '../../core/scenario.ts';
import {
  listContextEvidence,
  listNumberEvidence,
  type EvidenceEntry,
  type NumberEvidence,
} from '../../evidence/number-evidence.ts';
import { io } from '../io.ts';
import { loadScenario } from '../load.ts';

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** `id [source · grade, locator] “quote”`: the grade says how the values were read. */
function renderItem(e: EvidenceEntry): string {
  const source = e.source ? [e.source, e.grade].filter((x) => x).join(' · ') : undefined;
  const where = [source, e.locator].filter((x) => x).join(', ');
  const status = e.status === 'proposed' ? ' (proposed)' : '';
  return `${e.id}${status} [${where || 'no source'}]${e.quote ? ` “${clip(e.quote, 140)}”` : ''}`;
}

function render(n: NumberEvidence, previous?: NumberEvidence): string {
  const range =
    n.low !== undefined || n.high !== undefined
      ? ` (${n.low ?? n.value}–${n.high ?? n.value})`
      : '';
  const flags = [
    n.evidence.length === 0 ? 'NO EVIDENCE' : '',
    n.status === 'proposed'
      ? `PROPOSED${n.confidence !== undefined ? ` (confidence ${n.confidence})` : ''}`
      : '',
    n.unverified ? 'UNVERIFIED' : '',
  ].filter((x) => x);
  const lines = [`${n.label} = ${n.value}${range}${flags.length ? `  [${flags.join(', ')}]` : ''}`];
  if (n.derivation) lines.push(`    derivation: ${clip(n.derivation, 160)}`);
  const same =
    previous !== undefined &&
    n.evidence.length > 0 &&
    previous.label.split('.').slice(0, -1).join('.') ===
      n.label.split('.').slice(0, -1).join('.') &&
    previous.evidence.map((e) => e.id).join() === n.evidence.map((e) => e.id).join();
  if (same) {
    lines.push(
      `    same ${n.evidence.length} evidence item${n.evidence.length > 1 ? 's' : ''} as ${previous.label}`,
    );
    return lines.join('\n');
  }
  for (const e of n.evidence) lines.push(`    ${renderItem(e)}`);
  return lines.join('\n');
}

/**
 * Alliance ties written without a strength: listed with their evidence at the default strength 1,
 * but not input numbers (validate and forecast count input numbers only).
 */
function defaultTieLabels(s: Scenario): Set<string> {
  return new Set(
    (s.coalition?.allianceTies ?? [])
      .filter((t) => t.strength === undefined)
      .map((t) => `coalition.allianceTies.${t.between.join('-')}.strength`),
  );
}

/** `8 primary · 20 secondary · …`: how many of the file's sources carry each grade. */
function gradeCounts(s: Scenario): string {
  const counts = SOURCE_GRADES.map(
    (g) => [g, s.sources.filter((x) => x.grade === g).length] as const,
  ).filter(([, k]) => k > 0);
  const ungraded = s.sources.filter((x) => x.grade === undefined).length;
  return [
    ...counts.map(([g, k]) => `${k} ${g}`),
    ...(ungraded ? [`${ungraded} ungraded`] : []),
  ].join(' · ');
}

export function evidenceCommand(
  file: string | undefined,
  flags: { missing?: boolean; json?: boolean },
): void {
  const { scenario, file: shown } = loadScenario(file);
  const all = listNumberEvidence(scenario);
  const context = listContextEvidence(scenario, all);
  const list = flags.missing
    ? all.filter((n) => n.evidence.length === 0 || n.status === 'proposed')
    : all;
  if (flags.json) {
    io.json({
      file: shown,
      numbers: list,
      ...(flags.missing ? {} : { context }),
      sources: scenario.sources.map((x) => ({ id: x.id, title: x.title, grade: x.grade ?? null })),
    });
    return;
  }
  const ties = defaultTieLabels(scenario);
  const inputs = all.filter((n) => !ties.has(n.label));
  const without = inputs.filter((n) => n.evidence.length === 0).length;
  const proposed = inputs.filter((n) => n.status === 'proposed').length;
  const tieNote = ties.size
    ? `; also ${ties.size} alliance tie${ties.size > 1 ? 's' : ''} at the default strength 1, with ${ties.size > 1 ? 'their' : 'its'} evidence`
    : '';
  const grades = scenario.sources.length ? `\nSources: ${gradeCounts(scenario)}` : '';
  const contextLines =
    flags.missing || context.length === 0
      ? []
      : [
          '',
          `Context only (${context.length} evidence item${context.length > 1 ? 's' : ''} feeding no number):`,
          ...context.map(
            (e) =>
              `    ${renderItem(e)}${e.citedBy.length ? `  [MARKED CONTEXT BUT CITED BY ${e.citedBy.join(', ')}]` : ''}`,
          ),
        ];
  io.out(
    [
      `${shown}: ${inputs.length} input numbers · ${inputs.length - without} with evidence · ${without} without · ${proposed} proposed${tieNote}`,
      `${scenario.evidence.length} evidence items, ${context.length} of them context only${grades}`,
      '',
      ...list.map((n, i) => render(n, list[i - 1])),
      ...contextLines,
    ].join('\n'),
  );
}
