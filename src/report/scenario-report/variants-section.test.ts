import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareScenarios } from '../../analysis/compare.ts';
import { compareInputs } from '../../analysis/compare-inputs.ts';
import { InputError } from '../../core/errors.ts';
import { InlineExecutor } from '../../executors/inline.ts';
import { parseScenarioText } from '../../formats/scenario-file.ts';
import { getModel } from '../../models/registry.ts';
import { compareRows, inputChangeRows } from '../compare-rows.ts';
import { type ReportOptions, assembleReport, reportAnalysis } from './assemble.ts';
import { escapeHtml, escapeMarkdown } from './escape.ts';
import { renderReportHtml } from './html.ts';
import { renderReportMarkdown } from './markdown.ts';

const BUILTIN = parseScenarioText(
  readFileSync(
    join(import.meta.dirname, '../../../scenarios/east-asia-coalition-2025.yaml'),
    'utf8',
  ),
);
const PICKED = ['usfk-drawdown', 'us-credibility-shock'];
const OPTIONS: ReportOptions = {
  models: ['mean', 'median', 'nash'].map((id) => ({
    model: getModel(id),
    options: { ...getModel(id).defaults },
  })),
  seed: 11,
  monteCarloRuns: 200,
  generatedAt: '2026-01-01T00:00:00.000Z',
};

describe('the report’s Variants section', () => {
  it('shows the base and the variants asked for with compareScenarios’s numbers, in HTML and Markdown', async () => {
    const report = await assembleReport(BUILTIN, {
      ...OPTIONS,
      variants: PICKED,
      executor: new InlineExecutor(),
    });
    // The same comparison, computed directly: the report's models, seed and commitment draws.
    const expected = compareScenarios(compareInputs(BUILTIN, { variants: PICKED }), {
      models: OPTIONS.models,
      seed: OPTIONS.seed,
      draws: 0,
      commitmentDraws: 200,
    });
    expect(report.variants).toEqual(expected);
    // Its base column is the report's own answer: the forecasts and "Who commits".
    const base = expected.columns[0]!;
    for (const sec of report.issues)
      if (base.issues[sec.issue.id])
        expect(base.issues[sec.issue.id]!.forecasts).toEqual(sec.issue.forecasts);
    for (const c of report.commitment!.candidates)
      expect(base.commitment!.candidates[c.id]!.pCommits).toBe(c.probabilities!.commits);

    const html = renderReportHtml(report);
    const md = renderReportMarkdown(report);
    expect(html).toContain('<section id="variants"><h2>Variants</h2>');
    expect(md).toContain('## Variants');
    for (const row of compareRows(expected)) {
      const cells = row.cells.map((c) => c.text);
      // The HTML row: label, base, then each variant's value (bold when changed) and Δ.
      const htmlRow = `<tr><td>${escapeHtml(row.label)}</td><td class="num">${escapeHtml(cells[0]!)}</td>${row.cells
        .slice(1)
        .map(
          (c) =>
            `<td class="num${c.changed ? ' changed' : ''}">${c.changed ? `<strong>${escapeHtml(c.text)}</strong>` : escapeHtml(c.text)}</td><td class="num${c.changed ? ' changed' : ''}">${escapeHtml(c.delta ?? '')}</td>`,
        )
        .join('')}</tr>`;
      expect(html).toContain(htmlRow);
      const mdRow = `| ${escapeMarkdown(row.label)} | ${escapeMarkdown(cells[0]!)} | ${row.cells
        .slice(1)
        .map(
          (c) =>
            `${c.changed ? `**${escapeMarkdown(c.text)}**` : escapeMarkdown(c.text)} | ${escapeMarkdown(c.delta ?? '')}`,
        )
        .join(' | ')} |`;
      expect(md).toContain(mdRow);
    }
    // A number the drawdown changes, checked against the raw result.
    const issue = expected.issues[0]!.id;
    const drawdown = expected.columns[1]!;
    const d = drawdown.diff!.issues[issue]!.forecasts.mean!;
    expect(Math.abs(d)).toBeGreaterThan(0.05);
    expect(md).toContain(
      `**${drawdown.issues[issue]!.forecasts.mean!.toFixed(1)}** | ${d >= 0 ? '+' : '−'}${Math.abs(d).toFixed(1)}`,
    );
    // The inputs each variant changes, with the rationale and the evidence links.
    for (const col of expected.columns.slice(1))
      for (const x of inputChangeRows(col)) {
        expect(html).toContain(`<code>${escapeHtml(x.path)}</code>`);
        expect(html).toContain(`${escapeHtml(x.base)}</td>`);
        expect(html).toContain(escapeHtml(x.note!));
        for (const id of x.evidence) expect(html).toContain(`<a href="#ev-${escapeHtml(id)}">`);
        expect(md).toContain(
          `\`${x.path}\` | ${escapeMarkdown(x.base)} | ${escapeMarkdown(x.variant)}`,
        );
      }
    // Only the variants asked for.
    expect(html).not.toContain('Chinese trade coercion');
    expect(md).toContain(`--variants ${PICKED.join(',')}`);
  }, 60_000);

  it('takes every variant by default, none with [], and fails on an unknown id before any work', () => {
    const parts = (o: Partial<ReportOptions>) => reportAnalysis(BUILTIN, { ...OPTIONS, ...o });
    expect(() => parts({ variants: ['nope'] })).toThrow(InputError);
    expect(() => parts({ variants: ['nope'] })).toThrow(/unknown variant "nope"/);
    // Planning applies every variant; a scenario without variants gives no section.
    expect(() => parts({})).not.toThrow();
  });

  it('has no section with variants: [] or for a scenario without variants', async () => {
    const none = await assembleReport(BUILTIN, {
      ...OPTIONS,
      models: OPTIONS.models.slice(0, 1),
      monteCarloRuns: 20,
      variants: [],
      executor: new InlineExecutor(),
    });
    expect(none.variants).toBeNull();
    expect(renderReportHtml(none)).not.toContain('id="variants"');
    expect(renderReportMarkdown(none)).not.toContain('## Variants');
    const { variants: _drop, ...plain } = BUILTIN;
    const bare = await assembleReport(plain, {
      ...OPTIONS,
      models: OPTIONS.models.slice(0, 1),
      monteCarloRuns: 20,
      executor: new InlineExecutor(),
    });
    expect(bare.variants).toBeNull();
  }, 60_000);
});
