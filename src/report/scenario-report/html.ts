/**
 * The report as one self-contained HTML file: inline CSS and SVG, no scripts, nothing fetched.
 * Prints well (the PDF is this page printed by Chromium). Every piece of scenario text is escaped.
 */
import { commitmentHtml } from './commitment-section.ts';
import { escapeHtml as e, safeUrl } from './escape.ts';
import { explanationsHtml } from './explanations-section.ts';
import { variantsHtml } from './variants-section.ts';
import { fmt, type IssueSection, type Report } from './report-data.ts';
import { type Charts, reportCharts } from './charts.ts';

const CSS = `
:root { color-scheme: light; }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1a1a1a; max-width: 960px; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #0072B2; padding-bottom: .2rem; margin-top: 2.2rem; }
h3 { font-size: 1.05rem; margin-top: 1.4rem; }
.question { font-size: 1.15rem; font-style: italic; }
.meta { color: #555; font-size: .85rem; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0; font-size: .85rem; }
th, td { border: 1px solid #ccc; padding: .25rem .45rem; text-align: left; vertical-align: top; }
@media screen { table { display: block; max-width: 100%; overflow-x: auto; } }
th { background: #f1f4f8; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.flag { color: #a40; font-weight: 600; font-size: .75rem; }
.yes { color: #060; font-weight: 600; } .no { color: #a00; font-weight: 600; }
figure { margin: .8rem 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
@media screen and (max-width: 600px) { figure { overflow-x: auto; } figure svg { min-width: 540px; } }
figcaption { color: #555; font-size: .8rem; }
blockquote { margin: .3rem 0 .3rem 1rem; padding-left: .6rem; border-left: 3px solid #ccc; color: #333; overflow-wrap: anywhere; }
.evidence li { margin-bottom: .6rem; break-inside: avoid; }
.caveats li { margin-bottom: .3rem; overflow-wrap: anywhere; }
td.changed { background: #fff4d6; }
th.group { background: #e4ebf3; font-weight: 600; }
li.changed { background: #fff4d6; }
.caveat-kind { font-size: .75rem; text-transform: uppercase; color: #a40; letter-spacing: .03em; }
code { font-size: .8rem; word-break: break-all; }
a, .meta { overflow-wrap: anywhere; }
@page { size: A4; margin: 16mm 14mm; }
@media print { body { margin: 0; max-width: none; font-size: 11pt; } h2 { break-after: avoid; } a { color: inherit; } }
`;

const pct = (p: number) => `${(100 * p).toFixed(1)}%`;

function range(r: [number, number], v: number): string {
  return r[0] === r[1] && r[0] === v
    ? ''
    : ` <span class="meta">(${fmt(r[0])}–${fmt(r[1])})</span>`;
}

function evidenceLinks(ids: readonly string[]): string {
  return ids.map((id) => `<a href="#ev-${e(id)}">${e(id)}</a>`).join(', ');
}

function issueSection(
  sec: IssueSection,
  names: Map<string, string>,
  modelNames: Map<string, string>,
  charts: Charts,
): string {
  const { issue } = sec;
  const out: string[] = [];
  out.push(`<section class="issue" id="issue-${e(issue.id)}"><h2>Issue: ${e(issue.name)}</h2>`);
  if (issue.question) out.push(`<p class="question">${e(issue.question)}</p>`);
  const anchors = issue.scale.anchors.map((a) => `${fmt(a.value)} = ${e(a.label)}`).join('; ');
  out.push(
    `<p class="meta">Scale ${fmt(issue.scale.min)}–${fmt(issue.scale.max)}${sec.unit ? ` ${e(sec.unit)}` : ''}${anchors ? `. Anchors: ${anchors}` : ''}${issue.threshold ? `. Threshold: ${fmt(issue.threshold.value)} = ${e(issue.threshold.label)}` : ''}${issue.referencePoint !== null ? `. Status quo: ${fmt(issue.referencePoint)}` : ''}.</p>`,
  );
  out.push(
    `<figure>${charts.forecast(sec)}<figcaption>Each model’s forecast${sec.uncertainty ? ' with its 10–90% interval (Monte Carlo)' : ''}; the dashed red line is the threshold.</figcaption></figure>`,
  );
  const hasMc = sec.uncertainty !== null;
  out.push(
    `<table><thead><tr><th>Model</th><th>Forecast</th><th>Nearest anchor</th>${issue.threshold ? '<th>Reaches threshold?</th>' : ''}${hasMc ? '<th>10–90%</th>' : ''}${hasMc && issue.threshold ? '<th>P(≥ threshold)</th>' : ''}</tr></thead><tbody>`,
  );
  for (const [m, f] of Object.entries(issue.forecasts)) {
    const v = issue.verdicts[m];
    const u = sec.uncertainty?.[m];
    const near = issue.nearestAnchor[m];
    out.push(
      `<tr><td>${e(modelNames.get(m) ?? m)}</td><td class="num">${fmt(f)}</td><td>${near ? `${fmt(near.value)} ${e(near.label)}` : ''}</td>${issue.threshold ? `<td>${v ? `<span class="${v.meets ? 'yes' : 'no'}">${v.meets ? 'yes' : 'no'}</span> (${v.margin >= 0 ? '+' : '−'}${fmt(Math.abs(v.margin))})` : ''}</td>` : ''}${hasMc ? `<td class="num">${u ? `${fmt(u.q10)}–${fmt(u.q90)}` : ''}</td>` : ''}${hasMc && issue.threshold ? `<td class="num">${u?.pAtOrAbove ? `${pct(u.pAtOrAbove.p)} ± ${pct(u.pAtOrAbove.se)}` : ''}</td>` : ''}</tr>`,
    );
  }
  out.push('</tbody></table>');

  if (sec.uncertainty) {
    out.push('<h3>Uncertainty</h3>');
    for (const [m, o] of Object.entries(sec.uncertainty)) {
      if (o.runs === 0) continue;
      out.push(
        `<figure>${charts.histogram(o, issue.threshold, modelNames.get(m) ?? m)}<figcaption>${e(modelNames.get(m) ?? m)}: outcomes over ${o.runs} runs (mean ${fmt(o.mean)}, sd ${fmt(o.sd)}).</figcaption></figure>`,
      );
    }
  }

  for (const t of sec.trajectories) {
    out.push(
      `<h3>How positions move: ${e(modelNames.get(t.model) ?? t.model)}</h3><figure>${charts.trajectories(t, issue.scale, modelNames.get(t.model) ?? t.model)}<figcaption>Each actor’s position after each round${t.forecast ? '; the thick grey line is the model’s forecast (the median)' : ''}.</figcaption></figure>`,
    );
  }

  if (sec.pressures.length > 0) {
    out.push(
      `<h3>Who pressures whom (EUM, round 1)</h3><figure>${charts.network(sec)}</figure><table><thead><tr><th>From</th><th>To</th><th>Offer</th><th>Shift asked</th><th>Taken</th></tr></thead><tbody>`,
    );
    for (const p of sec.pressures.slice(0, 15)) {
      out.push(
        `<tr><td>${e(names.get(p.from) ?? p.from)}</td><td>${e(names.get(p.to) ?? p.to)}</td><td>${e(p.type)}</td><td class="num">${fmt(p.shift)}</td><td>${p.taken ? 'yes' : ''}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
    if (sec.pressures.length > 15)
      out.push(`<p class="meta">${sec.pressures.length - 15} weaker offers not shown.</p>`);
  }

  for (const t of sec.sensitivity) {
    out.push(
      `<h3>Sensitivity: ${e(modelNames.get(t.model) ?? t.model)}</h3><figure>${charts.tornado(t, modelNames.get(t.model) ?? t.model)}<figcaption>The outcome when each input is at its low (blue) and high (orange) value; the line is the point forecast ${fmt(t.base)}.</figcaption></figure>`,
    );
  }
  if (sec.levers.length > 0) {
    out.push(
      `<h3>Levers</h3><figure>${charts.levers(sec.levers, issue.name)}</figure><table><thead><tr><th>Change</th><th>Who acts</th><th>Model</th><th>Effect</th><th>Note</th></tr></thead><tbody>`,
    );
    for (const l of sec.levers) {
      out.push(
        `<tr><td>${e(l.label)}</td><td>${e(l.who)}</td><td>${e(l.model)}</td><td class="num">${e(l.effectText ?? `${l.effect >= 0 ? '+' : '−'}${fmt(Math.abs(l.effect))}`)}</td><td>${e(l.note ?? '')}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
  }

  out.push(
    `<h3>Actors on ${e(issue.name)}</h3><figure>${charts.actors(sec)}<figcaption>Dot area ∝ capability × salience; grey lines are the plausible ranges.</figcaption></figure>`,
  );
  const movers = [...new Set(sec.actors.flatMap((a) => Object.keys(a.final)))];
  out.push(
    `<table><thead><tr><th>Actor</th><th>Kind</th><th>Capability</th><th>Position</th><th>Salience</th>${movers.map((m) => `<th>Final (${e(m)})</th>`).join('')}<th>Evidence</th></tr></thead><tbody>`,
  );
  for (const a of sec.actors) {
    const ev = [
      a.evidence.position.length ? `position: ${evidenceLinks(a.evidence.position)}` : '',
      a.evidence.salience.length ? `salience: ${evidenceLinks(a.evidence.salience)}` : '',
      a.evidence.capability.length ? `capability: ${evidenceLinks(a.evidence.capability)}` : '',
    ]
      .filter(Boolean)
      .join('<br>');
    out.push(
      `<tr><td>${e(a.name)}${a.unverified ? ' <span class="flag">UNVERIFIED</span>' : ''}</td><td>${e(a.kind)}</td><td class="num">${fmt(a.capability)}${a.capabilityBasis ? ` <span class="meta">${e(a.capabilityBasis)}</span>` : ''}</td><td class="num">${fmt(a.position)}${range(a.positionRange, a.position)}</td><td class="num">${fmt(a.salience)}${range(a.salienceRange, a.salience)}</td>${movers.map((m) => `<td class="num">${fmt(a.final[m])}</td>`).join('')}<td>${ev || '<span class="flag">none</span>'}</td></tr>`,
    );
  }
  out.push('</tbody></table></section>');
  return out.join('\n');
}

export function renderReportHtml(r: Report): string {
  const names = new Map<string, string>();
  for (const sec of r.issues) for (const a of sec.actors) names.set(a.id, a.name);
  const modelNames = new Map(r.models.map((m) => [m.id, m.name]));
  const out: string[] = [];
  out.push(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"><title>${e(r.title)} — Entente report</title><style>${CSS}</style></head><body>`,
  );
  out.push(`<header><h1>${e(r.title)}</h1><p class="question">${e(r.question)}</p>`);
  out.push(
    `<p class="meta">As of ${e(r.asOf)} · report generated ${e(r.generatedAt)} by Entente ${e(r.entente)} · seed ${r.seed}${r.monteCarlo ? ` · ${r.monteCarlo.runs} Monte Carlo runs` : ''}<br>Scenario hash <code>${e(r.hash)}</code></p>`,
  );
  if (r.description) out.push(`<p>${e(r.description)}</p>`);
  out.push('</header>');

  out.push('<section id="summary"><h2>Summary</h2>');
  for (const line of r.headline) out.push(`<p class="headline">${e(line)}</p>`);
  out.push('<ul>');
  for (const sec of r.issues) {
    const parts = Object.entries(sec.issue.forecasts).map(([m, f]) => {
      const v = sec.issue.verdicts[m];
      const u = sec.uncertainty?.[m]?.pAtOrAbove;
      return `${e(modelNames.get(m) ?? m)} <strong>${fmt(f)}</strong>${v ? ` (${v.meets ? 'reaches' : 'below'} threshold${u ? `, P = ${pct(u.p)}` : ''})` : ''}`;
    });
    out.push(`<li><strong>${e(sec.issue.name)}</strong>: ${parts.join('; ')}.</li>`);
  }
  out.push(
    `</ul><p class="meta">Evidence: ${r.coverage.withEvidence} of ${r.coverage.numbers} input numbers cite evidence; ${r.coverage.unverified.length} rest on UNVERIFIED indicators.</p></section>`,
  );

  const charts = reportCharts(r, modelNames);
  if (r.commitment) out.push(commitmentHtml(r.commitment, charts));
  for (const sec of r.issues) out.push(issueSection(sec, names, modelNames, charts));
  out.push(explanationsHtml(r));
  if (r.variants && r.variants.columns.length > 1) out.push(variantsHtml(r.variants));

  out.push('<section id="caveats"><h2>Assumptions and caveats</h2><h3>Assumptions</h3><ul>');
  for (const a of r.assumptions) out.push(`<li>${e(a)}</li>`);
  for (const n of r.notes) out.push(`<li>${e(n)}</li>`);
  out.push('</ul><h3>Caveats</h3><ul class="caveats">');
  if (r.caveats.length === 0) out.push('<li>None found.</li>');
  for (const c of r.caveats)
    out.push(`<li><span class="caveat-kind">${e(c.kind)}</span> ${e(c.text)}</li>`);
  out.push('</ul></section>');

  out.push(
    '<section id="models"><h2>Models</h2><table><thead><tr><th>Model</th><th>Options</th><th>Rounds</th><th>Converged</th><th>Source</th></tr></thead><tbody>',
  );
  for (const m of r.models) {
    const opts = Object.entries(m.options)
      .map(([k, v]) => `${e(k)}=${e(JSON.stringify(v))}`)
      .join(', ');
    out.push(
      `<tr><td>${e(m.name)} <span class="meta">(${e(m.id)})</span></td><td>${opts || '—'}</td><td class="num">${m.rounds}</td><td>${m.converged ? 'yes' : '<span class="no">no</span>'}</td><td>${e(m.citation)}</td></tr>`,
    );
  }
  out.push('</tbody></table></section>');

  out.push(`<section id="evidence"><h2>Evidence (${r.evidence.length})</h2><ol class="evidence">`);
  for (const { item, source } of r.evidence) {
    const url = safeUrl(source?.url);
    const src = source
      ? `${url ? `<a href="${e(url)}">${e(source.title)}</a>` : e(source.title)}${source.publisher ? `, ${e(source.publisher)}` : ''}${source.date ? `, ${e(source.date)}` : ''}${!url && source.url ? ` <span class="meta">${e(source.url)}</span>` : ''}`
      : `<span class="flag">unknown source ${e(item.source)}</span>`;
    const supports = (item.supports ?? [])
      .map((s) => [s.actor, s.issue, s.field].filter(Boolean).join('.'))
      .join(', ');
    out.push(
      `<li id="ev-${e(item.id)}"><strong>${e(item.id)}</strong>${item.unverified ? ' <span class="flag">UNVERIFIED</span>' : ''} — ${src}${item.locator ? ` <span class="meta">(${e(item.locator)})</span>` : ''}${item.quote ? `<blockquote>${e(item.quote)}</blockquote>` : ''}${item.note ? `<div class="meta">${e(item.note)}</div>` : ''}${supports ? `<div class="meta">Supports: ${e(supports)}</div>` : ''}</li>`,
    );
  }
  out.push('</ol></section>');

  out.push('<section id="sources"><h2>Sources</h2><ul>');
  for (const s of r.sources) {
    const url = safeUrl(s.url);
    out.push(
      `<li><strong>${e(s.id)}</strong>: ${e(s.title)}${s.publisher ? `, ${e(s.publisher)}` : ''}${s.date ? ` (${e(s.date)})` : ''}${url ? ` — <a href="${e(url)}">${e(url)}</a>` : s.url ? ` — ${e(s.url)}` : ''}${s.note ? ` <span class="meta">${e(s.note)}</span>` : ''}</li>`,
    );
  }
  out.push('</ul></section></body></html>');
  return out.join('\n');
}
