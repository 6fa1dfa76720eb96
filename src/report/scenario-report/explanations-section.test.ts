import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runForecast } from '../../analysis/forecast.ts';
import { glossaryTerm } from '../../core/glossary.ts';
import { parseScenarioText } from '../../formats/scenario-file.ts';
import { getModel } from '../../models/registry.ts';
import { escapeHtml } from './escape.ts';
import { renderReportHtml } from './html.ts';
import { renderReportMarkdown } from './markdown.ts';
import { buildReport } from './report-data.ts';

const GOOD = readFileSync(join(import.meta.dirname, '../../../test/fixtures/good.yaml'), 'utf8');
const EVIL = '<script>alert(1)</script>';

function report(text: string) {
  const scenario = parseScenarioText(text);
  const forecast = runForecast(
    scenario,
    ['median', 'nash', 'eum'].map((id) => ({
      model: getModel(id),
      options: { ...getModel(id).defaults },
    })),
    { seed: 1 },
  );
  return buildReport({ scenario, forecast, generatedAt: '2026-01-01T00:00:00.000Z' });
}

describe('the report’s Why and Glossary sections', () => {
  it('explain each forecast and link every glossary term used to its entry', () => {
    const r = report(GOOD);
    const html = renderReportHtml(r);
    expect(html).toContain('<section id="why"><h2>Why: the forecasts explained</h2>');
    const median = r.explanations.find((x) => x.model === 'median' && x.issue === 'budget')!;
    expect(html).toContain(escapeHtml(median.sentences.at(-1)!.text));
    const links = [...html.matchAll(/href="#glossary-([a-z0-9-]+)"/g)].map((x) => x[1]!);
    expect(links.length).toBeGreaterThan(3);
    expect(new Set(links).size).toBe(links.length); // each term linked once
    for (const id of links) {
      expect(html).toContain(`<dt id="glossary-${id}">`);
      expect(html).toContain(escapeHtml(glossaryTerm(id).definition));
    }
    const md = renderReportMarkdown(r);
    expect(md).toContain('## Why: the forecasts explained');
    expect(md).toContain('<a id="glossary-weighted-median"></a>**Weighted median**');
    for (const id of links) expect(md).toContain(`(#glossary-${id})`);
  });

  it('escapes actor names in the sentences', () => {
    const html = renderReportHtml(
      report(GOOD.replace('name: North', `name: ${JSON.stringify(EVIL)}`)),
    );
    expect(html).not.toContain('<script>');
    expect(html).toMatch(/&lt;script&gt;alert\(1\)&lt;\/script&gt; (holds|pulls|sits)/);
  });
});
