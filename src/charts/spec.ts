/**
 * A chart specification: Observable Plot options (marks, scales, size) built from result data by
 * a pure function in this folder. The workbench passes them to `Plot.plot` in the browser; the
 * reports render the same options to an SVG string through jsdom (`render-svg.ts`). Nothing
 * here touches a DOM, so the specs import and run in Node, a worker or the browser alike.
 */
import type { PlotOptions, RenderFunction } from '@observablehq/plot';

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

/**
 * The attribute naming the actors a drawn element belongs to (space-separated ids): the
 * workbench highlights an actor across charts by these, without redrawing.
 */
export const ACTOR_ATTR = 'data-actors';

/** The minimal element API the tagging needs (the Node build has no DOM types). */
interface Tagged {
  readonly children: ArrayLike<Tagged>;
  setAttribute(name: string, value: string): void;
}

/**
 * A mark's `render` option that writes, on each element it draws, the ids of the actors the
 * element belongs to (`data-actors`), so the workbench can highlight one actor in every chart.
 * Plot binds each element to its datum's index (a line: to its series' indices), which maps the
 * element back to `data`. Only in the workbench: a report's SVG stays as it was.
 */
export function actorTags<T>(
  data: readonly T[],
  actorsOf: (d: T) => readonly string[],
  ctx: ChartContext,
): { render?: RenderFunction } {
  if (!ctx.interactive) return {};
  // Typed by hand: Plot's RenderFunction returns an SVGElement, a DOM type the Node build lacks.
  const render = (
    index: unknown,
    scales: unknown,
    values: unknown,
    dimensions: unknown,
    context: unknown,
    next?: (...args: unknown[]) => unknown,
  ): unknown => {
    const rendered = next?.(index, scales, values, dimensions, context) ?? null;
    const g = rendered as Tagged | null;
    for (const el of Array.from(g?.children ?? [])) {
      const bound = (el as { __data__?: unknown }).__data__;
      const i = Array.isArray(bound) ? (bound[0] as unknown) : bound;
      const d = typeof i === 'number' ? data[i] : undefined;
      const ids = d === undefined ? [] : actorsOf(d);
      if (ids.length > 0) el.setAttribute(ACTOR_ATTR, ids.join(' '));
    }
    return rendered;
  };
  return { render: render as unknown as RenderFunction };
}

/** Below this width (a phone) the specs re-lay themselves out: fewer ticks, labels inside. */
export const NARROW = 520;

/** True when the chart is drawn narrower than `NARROW`. */
export function isNarrow(ctx: ChartContext): boolean {
  return (ctx.width ?? DEFAULT_WIDTH) < NARROW;
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
