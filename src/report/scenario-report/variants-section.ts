/**
 * The "Variants" section of a scenario report (HTML and Markdown): the base and each variant
 * side by side — the answer in short, the coalition answer, each model's forecast on each issue —
 * with the differences from the base, and the inputs each variant changes (base value → variant
 * value, with the change's stated rationale and evidence). The rows are the workbench's
 * (`src/report/compare-rows.ts`), so screen and report mark the same cells. Pure.
 */
import type { CompareColumn, CompareResult } from '../../analysis/compare.ts';
import { type CompareRow, compareRows, headlineDiff, inputChangeRows } from '../compare-rows.ts';
import { escapeHtml as e, escapeMarkdown as m } from './escape.ts';

/** Variants per table, so that a printed A4 page holds it (base + 3 × value and Δ). */
const PER_TABLE = 3;

function chunks<T>(xs: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

/** The command that gives the same numbers. */
function reproduce(r: CompareResult): string {
  const ids = r.columns.slice(1).map((c) => c.id);
  return `entente compare ${r.scenario.id} --variants ${ids.join(',')} --model ${r.models.map((x) => x.id).join(',')} --seed ${r.seed} --commitment-draws ${r.commitmentDraws}${r.draws > 0 ? ` --draws ${r.draws}` : ''}`;
}

function intro(r: CompareResult): string {
  const n = r.columns.length - 1;
  return `${n} variant${n === 1 ? '' : 's'} of this scenario, each a named set of changes to its inputs, beside the base: every model ran on each with the same options and seed (${r.seed})${r.commitmentDraws > 0 ? `; P(commits) over ${r.commitmentDraws} draws of the commitment terms` : ''}${r.draws > 0 ? `; P(≥ threshold) over ${r.draws} draws of the inputs` : ''}. Δ is the variant minus the base; a marked number differs from the base at the precision shown.`;
}

/** The section's columns in tables of at most {@link PER_TABLE} variants. */
function tableGroups(r: CompareResult): number[][] {
  const variants = r.columns.map((_, i) => i).slice(1);
  return chunks(variants, PER_TABLE);
}

function htmlTable(rows: CompareRow[], r: CompareResult, idx: number[]): string {
  const out: string[] = [];
  out.push(
    `<table class="compare"><thead><tr><th>Number</th><th>Base</th>${idx.map((i) => `<th>${e(r.columns[i]!.name)}</th><th>Δ</th>`).join('')}</tr></thead><tbody>`,
  );
  let group = '';
  for (const row of rows) {
    if (row.group !== group) {
      group = row.group;
      out.push(`<tr><th colspan="${2 + 2 * idx.length}" class="group">${e(group)}</th></tr>`);
    }
    const base = row.cells[0]!;
    out.push(
      `<tr><td>${e(row.label)}</td><td class="num">${e(base.text)}</td>${idx
        .map((i) => {
          const c = row.cells[i]!;
          return `<td class="num${c.changed ? ' changed' : ''}">${c.changed ? `<strong>${e(c.text)}</strong>` : e(c.text)}</td><td class="num${c.changed ? ' changed' : ''}">${e(c.delta ?? '')}</td>`;
        })
        .join('')}</tr>`,
    );
  }
  out.push('</tbody></table>');
  return out.join('');
}

function inputsHtml(c: CompareColumn): string {
  const rows = inputChangeRows(c);
  const out: string[] = [];
  out.push(
    `<h4>${e(c.name)} <span class="meta">(${e(c.id)}${c.extends ? `, after ${e(c.extends)}` : ''})</span></h4>`,
  );
  if (c.description) out.push(`<p>${e(c.description)}</p>`);
  out.push(
    '<table><thead><tr><th>Input</th><th>Base</th><th>Variant</th><th>Rationale</th><th>Evidence</th></tr></thead><tbody>',
  );
  for (const x of rows) {
    const from = x.from && x.from !== c.id ? ` <span class="meta">(from ${e(x.from)})</span>` : '';
    out.push(
      `<tr><td><code>${e(x.path)}</code>${from}</td><td class="num">${e(x.base)}</td><td class="num changed"><strong>${e(x.variant)}</strong></td><td>${e(x.note ?? '—')}</td><td>${x.evidence.map((id) => `<a href="#ev-${e(id)}">${e(id)}</a>`).join(', ') || '—'}</td></tr>`,
    );
  }
  out.push('</tbody></table>');
  for (const w of c.warnings) out.push(`<p class="meta">Outside the evidence: ${e(w)}</p>`);
  return out.join('');
}

export function variantsHtml(r: CompareResult): string {
  const rows = compareRows(r);
  const out: string[] = [];
  out.push(`<section id="variants"><h2>Variants</h2><p>${e(intro(r))}</p>`);
  out.push('<h3>The answer in short</h3>');
  for (const h of headlineDiff(r)) {
    const changed = h.lines.filter((l) => l.changed);
    if (h.id === 'base')
      out.push(
        `<p><strong>Base</strong></p><ul>${h.lines.map((l) => `<li>${e(l.text)}</li>`).join('')}</ul>`,
      );
    else
      out.push(
        `<p><strong>${e(h.name)}</strong></p>${changed.length ? `<ul>${changed.map((l) => `<li class="changed">${e(l.text)}</li>`).join('')}</ul>` : '<p class="meta">The same as the base.</p>'}`,
      );
  }
  out.push('<h3>Side by side</h3>');
  for (const idx of tableGroups(r)) out.push(htmlTable(rows, r, idx));
  out.push('<h3>The inputs each variant changes</h3>');
  for (const c of r.columns.slice(1)) out.push(inputsHtml(c));
  out.push(
    `<p class="meta">The same numbers from the command line (the scenario’s file or built-in id first): <code>${e(reproduce(r))}</code></p></section>`,
  );
  return out.join('\n');
}

function mdTable(head: string[], rows: string[][]): string[] {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((x) => `| ${x.join(' | ')} |`),
  ];
}

export function variantsMarkdown(r: CompareResult): string[] {
  const rows = compareRows(r);
  const out: string[] = ['## Variants', '', m(intro(r)), '', '### The answer in short', ''];
  for (const h of headlineDiff(r)) {
    out.push(`**${m(h.name)}**`, '');
    const lines = h.id === 'base' ? h.lines : h.lines.filter((l) => l.changed);
    if (lines.length === 0) out.push('The same as the base.');
    for (const l of lines) out.push(`- ${m(l.text)}`);
    out.push('');
  }
  out.push('### Side by side', '');
  const groups = [...new Set(rows.map((row) => row.group))];
  for (const group of groups) {
    out.push(`**${m(group)}**`, '');
    for (const idx of tableGroups(r)) {
      out.push(
        ...mdTable(
          ['Number', 'Base', ...idx.flatMap((i) => [m(r.columns[i]!.name), 'Δ'])],
          rows
            .filter((row) => row.group === group)
            .map((row) => [
              m(row.label),
              m(row.cells[0]!.text),
              ...idx.flatMap((i) => {
                const c = row.cells[i]!;
                return [c.changed ? `**${m(c.text)}**` : m(c.text), m(c.delta ?? '')];
              }),
            ]),
        ),
        '',
      );
    }
  }
  out.push('### The inputs each variant changes', '');
  for (const c of r.columns.slice(1)) {
    out.push(`**${m(c.name)}** (${m(c.id)}${c.extends ? `, after ${m(c.extends)}` : ''})`, '');
    if (c.description) out.push(m(c.description), '');
    out.push(
      ...mdTable(
        ['Input', 'Base', 'Variant', 'Rationale', 'Evidence'],
        inputChangeRows(c).map((x) => [
          `\`${x.path}\`${x.from && x.from !== c.id ? ` (from ${m(x.from)})` : ''}`,
          m(x.base),
          m(x.variant),
          m(x.note ?? '—'),
          x.evidence.map(m).join(', ') || '—',
        ]),
      ),
      '',
    );
    for (const w of c.warnings) out.push(`- Outside the evidence: ${m(w)}`);
    if (c.warnings.length) out.push('');
  }
  out.push(
    `The same numbers from the command line (the scenario’s file or built-in id first): \`${reproduce(r)}\``,
    '',
  );
  return out;
}
