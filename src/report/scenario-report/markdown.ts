/**
 * The report as Markdown: the same sections as the HTML, tables instead of charts (Markdown has
 * no inline pictures that need no files). Scenario text is escaped so it shows literally.
 */
import { commitmentMarkdown } from './commitment-section.ts';
import { escapeMarkdown as m } from './escape.ts';
import { explanationsMarkdown } from './explanations-section.ts';
import { variantsMarkdown } from './variants-section.ts';
import { fmt, type Report } from './report-data.ts';

const pct = (p: number) => `${(100 * p).toFixed(1)}%`;

function table(head: string[], rows: string[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

export function renderReportMarkdown(r: Report): string {
  const modelNames = new Map(r.models.map((x) => [x.id, x.name]));
  const names = new Map<string, string>();
  for (const sec of r.issues) for (const a of sec.actors) names.set(a.id, a.name);
  const name = (id: string) => m(modelNames.get(id) ?? id);
  const out: string[] = [];
  out.push(`# ${m(r.title)}`, '', `*${m(r.question)}*`, '');
  out.push(
    `As of ${m(r.asOf)} · generated ${m(r.generatedAt)} by Entente ${m(r.entente)} · seed ${r.seed}${r.monteCarlo ? ` · ${r.monteCarlo.runs} Monte Carlo runs` : ''} · scenario hash \`${r.hash}\``,
    '',
  );
  if (r.description) out.push(m(r.description), '');

  out.push('## Summary', '');
  for (const line of r.headline) out.push(m(line), '');
  for (const sec of r.issues) {
    const parts = Object.entries(sec.issue.forecasts).map(([id, f]) => {
      const v = sec.issue.verdicts[id];
      const p = sec.uncertainty?.[id]?.pAtOrAbove;
      return `${name(id)} **${fmt(f)}**${v ? ` (${v.meets ? 'reaches' : 'below'} threshold${p ? `, P = ${pct(p.p)}` : ''})` : ''}`;
    });
    out.push(`- **${m(sec.issue.name)}**: ${parts.join('; ')}.`);
  }
  out.push(
    '',
    `Evidence: ${r.coverage.withEvidence} of ${r.coverage.numbers} input numbers cite evidence; ${r.coverage.unverified.length} rest on UNVERIFIED indicators.`,
    '',
  );

  if (r.commitment) out.push(...commitmentMarkdown(r.commitment));

  for (const sec of r.issues) {
    const { issue } = sec;
    out.push(`## Issue: ${m(issue.name)}`, '');
    if (issue.question) out.push(`*${m(issue.question)}*`, '');
    out.push(
      `Scale ${fmt(issue.scale.min)}–${fmt(issue.scale.max)}${sec.unit ? ` ${m(sec.unit)}` : ''}${issue.threshold ? `; threshold ${fmt(issue.threshold.value)} = ${m(issue.threshold.label)}` : ''}${issue.referencePoint !== null ? `; status quo ${fmt(issue.referencePoint)}` : ''}.`,
      '',
    );
    const hasMc = sec.uncertainty !== null;
    out.push(
      table(
        [
          'Model',
          'Forecast',
          'Nearest anchor',
          ...(issue.threshold ? ['Reaches threshold?'] : []),
          ...(hasMc ? ['10–90%'] : []),
          ...(hasMc && issue.threshold ? ['P(≥ threshold)'] : []),
        ],
        Object.entries(issue.forecasts).map(([id, f]) => {
          const v = issue.verdicts[id];
          const u = sec.uncertainty?.[id];
          const near = issue.nearestAnchor[id];
          return [
            name(id),
            fmt(f),
            near ? `${fmt(near.value)} ${m(near.label)}` : '',
            ...(issue.threshold
              ? [
                  v
                    ? `${v.meets ? 'yes' : 'no'} (${v.margin >= 0 ? '+' : '−'}${fmt(Math.abs(v.margin))})`
                    : '',
                ]
              : []),
            ...(hasMc ? [u ? `${fmt(u.q10)}–${fmt(u.q90)}` : ''] : []),
            ...(hasMc && issue.threshold
              ? [u?.pAtOrAbove ? `${pct(u.pAtOrAbove.p)} ± ${pct(u.pAtOrAbove.se)}` : '']
              : []),
          ];
        }),
      ),
      '',
    );
    if (sec.pressures.length > 0) {
      out.push('### Who pressures whom (EUM, round 1)', '');
      out.push(
        table(
          ['From', 'To', 'Offer', 'Shift asked', 'Taken'],
          sec.pressures
            .slice(0, 15)
            .map((p) => [
              m(names.get(p.from) ?? p.from),
              m(names.get(p.to) ?? p.to),
              p.type,
              fmt(p.shift),
              p.taken ? 'yes' : '',
            ]),
        ),
        '',
      );
    }
    for (const t of sec.sensitivity) {
      out.push(`### Sensitivity: ${name(t.model)} (point forecast ${fmt(t.base)})`, '');
      out.push(
        table(
          ['Input', 'Outcome at low', 'Outcome at high'],
          t.bars.map((b) => [m(b.label), fmt(b.atLow), fmt(b.atHigh)]),
        ),
        '',
      );
    }
    if (sec.levers.length > 0) {
      out.push('### Levers', '');
      out.push(
        table(
          ['Change', 'Who acts', 'Model', 'Effect', 'Note'],
          sec.levers.map((l) => [
            m(l.label),
            m(l.who),
            m(l.model),
            l.effectText ?? fmt(l.effect),
            m(l.note ?? ''),
          ]),
        ),
        '',
      );
    }
    out.push(`### Actors on ${m(issue.name)}`, '');
    const movers = [...new Set(sec.actors.flatMap((a) => Object.keys(a.final)))];
    out.push(
      table(
        [
          'Actor',
          'Kind',
          'Capability',
          'Position',
          'Salience',
          ...movers.map((x) => `Final (${m(x)})`),
          'Evidence',
        ],
        sec.actors.map((a) => [
          `${m(a.name)}${a.unverified ? ' **UNVERIFIED**' : ''}`,
          a.kind,
          fmt(a.capability),
          `${fmt(a.position)}${a.positionRange[0] !== a.positionRange[1] ? ` (${fmt(a.positionRange[0])}–${fmt(a.positionRange[1])})` : ''}`,
          `${fmt(a.salience)}${a.salienceRange[0] !== a.salienceRange[1] ? ` (${fmt(a.salienceRange[0])}–${fmt(a.salienceRange[1])})` : ''}`,
          ...movers.map((x) => fmt(a.final[x])),
          [...new Set([...a.evidence.position, ...a.evidence.salience, ...a.evidence.capability])]
            .map(m)
            .join(', ') || 'none',
        ]),
      ),
      '',
    );
  }

  out.push(...explanationsMarkdown(r));
  if (r.variants && r.variants.columns.length > 1) out.push(...variantsMarkdown(r.variants));
  out.push('## Assumptions and caveats', '', '### Assumptions', '');
  for (const a of r.assumptions) out.push(`- ${m(a)}`);
  for (const n of r.notes) out.push(`- ${m(n)}`);
  out.push('', '### Caveats', '');
  if (r.caveats.length === 0) out.push('- None found.');
  for (const c of r.caveats) out.push(`- **${c.kind}**: ${m(c.text)}`);
  out.push('', '## Models', '');
  out.push(
    table(
      ['Model', 'Options', 'Rounds', 'Converged', 'Source'],
      r.models.map((x) => [
        `${m(x.name)} (${m(x.id)})`,
        m(
          Object.entries(x.options)
            .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
            .join(', '),
        ) || '—',
        String(x.rounds),
        x.converged ? 'yes' : 'no',
        m(x.citation),
      ]),
    ),
    '',
  );
  out.push(`## Evidence (${r.evidence.length})`, '');
  for (const { item, source } of r.evidence) {
    out.push(
      `- **${m(item.id)}**${item.unverified ? ' (UNVERIFIED)' : ''} — ${source ? `${m(source.title)}${source.publisher ? `, ${m(source.publisher)}` : ''}${source.date ? `, ${m(source.date)}` : ''}${source.url ? ` — ${m(source.url)}` : ''}` : `unknown source ${m(item.source)}`}${item.locator ? ` (${m(item.locator)})` : ''}`,
    );
    if (item.quote) out.push(`  > ${m(item.quote)}`);
  }
  out.push('', '## Sources', '');
  for (const s of r.sources) {
    out.push(
      `- **${m(s.id)}**: ${m(s.title)}${s.publisher ? `, ${m(s.publisher)}` : ''}${s.date ? ` (${m(s.date)})` : ''}${s.url ? ` — ${m(s.url)}` : ''}`,
    );
  }
  return `${out.join('\n')}\n`;
}
