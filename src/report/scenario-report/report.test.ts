import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runForecast } from '../../analysis/forecast.ts';
import { parseScenarioText } from '../../formats/scenario-file.ts';
import { getModel } from '../../models/registry.ts';
import { escapeHtml, escapeMarkdown, safeUrl } from './escape.ts';
import { renderReportHtml } from './html.ts';
import { renderReportMarkdown } from './markdown.ts';
import { buildReport } from './report-data.ts';
import { InlineExecutor } from '../../executors/inline.ts';

const GOOD = readFileSync(join(import.meta.dirname, '../../../test/fixtures/good.yaml'), 'utf8');
const EVIL = '<script>alert(1)</script>"\'&';

function report(text: string) {
  const scenario = parseScenarioText(text);
  const forecast = runForecast(
    scenario,
    ['mean', 'median'].map((id) => ({
      model: getModel(id),
      options: { ...getModel(id).defaults },
    })),
    { seed: 1 },
  );
  return buildReport({ scenario, forecast, generatedAt: '2026-01-01T00:00:00.000Z' });
}

describe('scenario report', () => {
  it('escapes every piece of user text in HTML, and links only http(s) URLs', () => {
    const text = GOOD.replace('name: North', `name: ${JSON.stringify(EVIL)}`)
      .replace('quote: North wants a large budget.', `quote: ${JSON.stringify(EVIL)}`)
      .replace(
        '{ id: memo, title: Internal memo,',
        '{ id: memo, title: Internal memo, url: "javascript:alert(2)",',
      );
    const html = renderReportHtml(report(text));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;');
    expect(html).not.toContain('href="javascript:');
    expect(safeUrl('https://example.org/a')).toBe('https://example.org/a');
    expect(safeUrl(' JavaScript:alert(1)')).toBeNull();
    expect(escapeHtml('a<b')).toBe('a&lt;b');
  });

  it('escapes Markdown so user text shows literally', () => {
    expect(escapeMarkdown('# Title | *x* [a](b) <i>')).toBe(
      '\\# Title \\| \\*x\\* \\[a\\](b) \\<i\\>',
    );
    expect(escapeMarkdown('1. not a list\nsecond line')).toBe('1\\. not a list second line');
    expect(escapeMarkdown('US-led 0.1.0')).toBe('US-led 0.1.0');
    const md = renderReportMarkdown(
      report(GOOD.replace('title: A two-issue fixture', `title: ${JSON.stringify(EVIL)}`)),
    );
    expect(md.split('\n')[0]).toBe('# \\<script\\>alert(1)\\</script\\>"\'&amp;');
  });

  it('lists the caveats: unverified inputs, numbers without evidence, and model disagreement', () => {
    const r = report(GOOD);
    const kinds = r.caveats.map((c) => c.kind);
    expect(kinds).toContain('unverified');
    expect(kinds).toContain('missing-evidence');
    expect(r.caveats.find((c) => c.kind === 'unverified')?.text).toContain(
      'south.deadline.salience',
    );
    const disagreeing = r.issues
      .filter(({ issue }) => {
        const spread = Math.abs(issue.forecasts.mean! - issue.forecasts.median!);
        const split =
          issue.threshold && issue.verdicts.mean!.meets !== issue.verdicts.median!.meets;
        return spread > 0.1 * (issue.scale.max - issue.scale.min) || split;
      })
      .map(({ issue }) => issue.name);
    const said = r.caveats.filter((c) => c.kind === 'disagreement').map((c) => c.text);
    for (const name of disagreeing) expect(said.some((t) => t.includes(`“${name}”`))).toBe(true);
    expect(said.length >= disagreeing.length).toBe(true);
  });

  it('shows the scenario table with evidence links, and the evidence with its quote', () => {
    const html = renderReportHtml(report(GOOD));
    expect(html).toContain('<a href="#ev-m1">m1</a>');
    expect(html).toContain('<li id="ev-m1">');
    expect(html).toContain('<blockquote>North wants a large budget.</blockquote>');
    expect(html).toMatch(/<svg[^>]+role="img"/);
  });
});

describe('the report of a scenario with a commitment question', () => {
  it('shows who commits, why, what would flip it and who joins if one joins, escaped', async () => {
    const text = readFileSync(
      join(import.meta.dirname, '../../../test/fixtures/commitment.yaml'),
      'utf8',
    ).replace('name: Ally A', `name: ${JSON.stringify(EVIL)}`);
    const scenario = parseScenarioText(text);
    const { assembleReport } = await import('./assemble.ts');
    const r = await assembleReport(scenario, {
      executor: new InlineExecutor(),
      models: [{ model: getModel('mean'), options: { ...getModel('mean').defaults } }],
      seed: 3,
      monteCarloRuns: 300,
      generatedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(r.commitment?.monteCarlo?.draws).toBe(300);
    const html = renderReportHtml(r);
    expect(html).toContain('<section id="commitment"><h2>Who commits</h2>');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toMatch(/<strong>fight<\/strong> \(joins\)/);
    expect(html).toContain('If B commits to support: members A, B.');
    const md = renderReportMarkdown(r);
    expect(md).toContain('## Who commits');
    expect(md).toMatch(
      /\| Ally B \| neutral \| neutral \| access \| 0\.00 ± 0\.00 \| local threat/,
    );
  });
});
