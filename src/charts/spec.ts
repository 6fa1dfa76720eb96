/**
 * A chart specification: Observable Plot options (marks, scales, size) built from result data by
 * a pure function in this folder. The workbench passes them to `Plot.plot` in the browser; the
 * reports render the same options to an SVG string through jsdom (`render-svg.ts`). Nothing
 * here touches a DOM, so the specs import and run in Node, a worker or the browser alike.
 */
import type { PlotOptions } from '@observablehq/plot';

export interface ChartSpec {
  /** Stable name of the chart kind, e.g. `trajectories` (snapshot files, element ids). */
  readonly kind: string;
  /** Accessible title (aria-label of the figure). */
  readonly title: string;
  readonly options: PlotOptions;
}

/** How a spec is drawn: width in CSS pixels and whether hover tips work (a browser with scripts). */
export interface ChartContext {
  readonly width?: number;
  /**
   * True in the workbench: marks get Plot's pointer tip. False in reports (no scripts): the same
   * text goes into SVG `<title>` elements, which browsers show on hover.
   */
  readonly interactive?: boolean;
}

/** The options that show a mark's `title` channel on hover in either setting. */
export function hover(ctx: ChartContext): { tip?: true } {
  return ctx.interactive ? { tip: true } : {};
}

/** Default width: the reports' text column. */
export const DEFAULT_WIDTH = 720;

/** The width to draw at: the context's, kept within [300, 960]. */
export function widthOf(ctx: ChartContext, fallback = DEFAULT_WIDTH): number {
  return Math.round(Math.min(960, Math.max(300, ctx.width ?? fallback)));
}

/** A number for labels: at most one decimal. */
export function fmt(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return (Math.round(x * 10) / 10).toString();
}

/** The shared typography: Plot's defaults with a slightly larger font for print. */
export const STYLE = {
  fontSize: '11px',
  fontFamily: 'system-ui, -apple-system, Segoe UI, sans-serif',
};

/** Text cut to `max` characters with an ellipsis. */
export function ellipsis(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

/** Average width of a character of the axis font, in pixels (system sans-serif at 11 px). */
const CHAR_PX = 6.2;

/**
 * The left margin for a band axis of row labels (models, actors, inputs), at most `share` of
 * the width, and a tick format that ends longer labels with an ellipsis (the tooltip and the
 * table have them whole).
 */
export function rowLabels(
  labels: readonly string[],
  width: number,
  share = 0.4,
): { marginLeft: number; tickFormat: (label: string) => string } {
  const marginLeft = Math.round(
    Math.min(width * share, 14 + Math.max(40, ...labels.map((l) => l.length * CHAR_PX))),
  );
  const max = Math.max(4, Math.floor((marginLeft - 14) / CHAR_PX));
  return { marginLeft, tickFormat: (label) => ellipsis(label, max) };
}
