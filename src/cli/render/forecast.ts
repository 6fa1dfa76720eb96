/**
 * Human output of `entente forecast`: per issue the models' forecasts side by side, the threshold
 * verdict, each actor's position (and final position under models whose actors move), and the
 * evidence coverage. Pure: returns text.
 */
import { forecastHeadline, headlineLines } from '../../analysis/headline.ts';
import type { ForecastResult, IssueForecast } from '../../analysis/forecast.ts';
import { type Cell, formatNumber, renderTable } from '../../report/text/table.ts';

function verdictCell(issue: IssueForecast, modelId: string): string {
  const v = issue.verdicts[modelId];
  if (issue.threshold && !Number.isFinite(issue.forecasts[modelId]))
    return 'none (not a number; see Warnings)';
  if (!issue.threshold || !v) return '';
  const margin = `${v.margin >= 0 ? '+' : '−'}${formatNumber(Math.abs(v.margin))}`;
  return v.meets ? `yes (${margin})` : `no (${margin})`;
}

/** An anchor's label up to its first colon or semicolon, at most 48 characters. */
function shortLabel(label: string): string {
  const head = label.split(/[:;]/)[0]!.trim();
  return head.length > 48 ? `${head.slice(0, 47)}…` : head;
}

function renderIssue(result: ForecastResult, issue: IssueForecast): string {
  const out: string[] = [];
  const { min, max } = issue.scale;
  out.push(`Issue ${issue.id}: ${issue.name} (scale ${min}–${max})`);
  if (issue.question) out.push(`  ${issue.question}`);
  const anchors = issue.scale.anchors.map((a) => `${a.value} ${a.label}`).join(' · ');
  if (anchors) out.push(`  Scale: ${anchors}`);
  if (issue.referencePoint !== null)
    out.push(`  Status quo: ${formatNumber(issue.referencePoint)}`);
  if (issue.threshold) out.push(`  Threshold: ${issue.threshold.value} = ${issue.threshold.label}`);
  out.push('');
  const header = ['Model', 'Forecast', 'Reads as'];
  if (issue.threshold) header.push(`≥ ${issue.threshold.value}?`);
  const rows: Cell[][] = result.models.map((m) => {
    const f = issue.forecasts[m.id]!;
    const anchor = issue.nearestAnchor[m.id];
    // A model that fell back to another rule says so in its own row, not only in the warnings.
    const fellBack = result.diagnostics.some(
      (d) => d.kind === 'fallback' && d.model === m.id && d.issue === issue.id,
    );
    const name = fellBack ? `${m.name} → fell back to weighted mean` : m.name;
    const row: Cell[] = [name, f, anchor ? `≈ ${anchor.value} ${shortLabel(anchor.label)}` : ''];
    if (issue.threshold) row.push(verdictCell(issue, m.id));
    return row;
  });
  out.push(renderTable(header, rows));
  // What to know about this issue's numbers, right under them (docs/results.md, "Diagnostics").
  const notes = result.diagnostics.filter((d) => d.issue === issue.id && d.kind !== 'fallback');
  if (notes.length)
    out.push('', ...notes.map((d) => `  Read with the table [${d.kind}]: ${d.text}`));
  out.push('');
  const movers = result.models.filter((m) => issue.actors.some((a) => a.final[m.id] !== undefined));
  const actorHeader = [
    'Actor',
    'Capability',
    'Position',
    'Salience',
    ...movers.map((m) => `Final (${m.id})`),
  ];
  const actorRows: Cell[][] = [...issue.actors]
    .sort((a, b) => a.position - b.position)
    .map((a) => [
      a.name,
      a.capability < 0.01 && a.capability > 0
        ? a.capability.toExponential(2)
        : formatNumber(a.capability, 3),
      a.position,
      a.salience,
      ...movers.map((m) => a.final[m.id] ?? NaN),
    ]);
  out.push(renderTable(actorHeader, actorRows));
  return out.join('\n');
}

/** At most `limit` items, then how many more (the full lists are in --json). */
function listSome(items: readonly string[], limit = 10): string {
  const shown = items.slice(0, limit).join(', ');
  return items.length > limit ? `${shown} … and ${items.length - limit} more (see --json)` : shown;
}

export function renderForecast(
  result: ForecastResult,
  extras: (issueId: string) => string[] = () => [],
): string {
  const out: string[] = [];
  const s = result.scenario;
  out.push(`${s.title}`);
  out.push(
    `Scenario ${s.id} · as of ${s.asOf} · ${s.hash.slice(0, 19)}… · seed ${result.seed} · entente ${result.entente}`,
  );
  out.push(`Question: ${s.question}`);
  const headline = headlineLines(forecastHeadline(result));
  if (headline.length) out.push('', 'Answer, in short:', ...headline.map((l) => `  ${l}`));
  for (const issue of result.issues) {
    out.push('', renderIssue(result, issue));
    for (const block of extras(issue.id)) out.push('', block);
  }
  const warnings = result.models.flatMap((m) =>
    m.warnings.map((w) => (w.startsWith(`${m.id}:`) ? w : `${m.id}: ${w}`)),
  );
  if (warnings.length) out.push('', 'Warnings:', ...warnings.map((w) => `  - ${w}`));
  // Diagnostics of a model as a whole (those of one issue are printed under its table).
  const general = result.diagnostics.filter((d) => d.issue === undefined);
  if (general.length) {
    out.push('', 'Diagnostics:', ...general.map((d) => `  - [${d.kind}] ${d.text}`));
  }
  const e = result.evidence;
  out.push('');
  out.push(`Evidence: ${e.withEvidence} of ${e.numbers} input numbers cite evidence.`);
  if (e.missing.length)
    out.push(`  Without evidence (${e.missing.length}): ${listSome(e.missing)}`);
  if (e.unverified.length) {
    out.push(`  Rest on UNVERIFIED indicators (${e.unverified.length}): ${listSome(e.unverified)}`);
  }
  out.push('');
  out.push(
    'Forecasts come from the models run on the inputs above; none is written into the scenario.',
  );
  return out.join('\n');
}
