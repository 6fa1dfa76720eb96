/**
 * Server-side rendering of a chart specification: Plot draws it into a jsdom document and the
 * figure's markup is returned as a string for the reports (HTML, and the PDF printed from it).
 * Deterministic: Plot numbers its clip paths and markers from a process-wide counter, so ids are
 * renumbered per chart under the caller's prefix (unique within a report, the same on every run).
 *
 * jsdom is loaded on first use (≈ 1 s), only by the processes that render reports.
 */
import { createRequire } from 'node:module';
import * as Plot from '@observablehq/plot';
import type { JSDOM } from 'jsdom';
import type { ChartSpec } from './spec.ts';

let dom: JSDOM | null = null;

/**
 * jsdom's document (typed `unknown`: the Node build has no DOM lib for Plot's `Document`).
 * jsdom is required here, on the first chart, not imported by this module: importing the server
 * or the report code (every `entente serve`, every test worker) no longer pays its ≈ 0.75 s.
 */
function documentOf(): unknown {
  if (!dom) {
    const { JSDOM: Dom } = createRequire(import.meta.url)('jsdom') as typeof import('jsdom');
    dom = new Dom('<!doctype html><html><body></body></html>');
  }
  return dom.window.document;
}

/** Renumbers Plot's generated ids (`plot-clip-7`, `plot-marker-3`, …) as `<prefix>-clip-1`, …. */
export function normaliseIds(markup: string, prefix: string): string {
  const ids = new Map<string, string>();
  const counts = new Map<string, number>();
  return markup.replace(/plot-(clip|marker|pattern|gradient)-(\d+)/g, (whole, kind: string) => {
    let id = ids.get(whole);
    if (id === undefined) {
      const k = (counts.get(kind) ?? 0) + 1;
      counts.set(kind, k);
      id = `${prefix}-${kind}-${k}`;
      ids.set(whole, id);
    }
    return id;
  });
}

/**
 * The chart as markup: an `<svg>`, or a `<figure>` holding the legend and the `<svg>` when the
 * spec asks for a legend. `id` prefixes the chart's internal ids.
 */
export function renderChart(spec: ChartSpec, id: string): string {
  const el = Plot.plot({
    ...spec.options,
    document: documentOf() as never,
    ariaLabel: spec.title,
  }) as unknown as {
    outerHTML: string;
    setAttribute(name: string, value: string): void;
  };
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', spec.title);
  return normaliseIds(el.outerHTML, id);
}
