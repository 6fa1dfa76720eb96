/**
 * The frame every chart shares: an `<svg>` with a title (for screen readers and tooltips), a plot
 * area inside margins, and the bottom and left axes with ticks, grid lines and labels. Charts
 * (`histogram.ts`, `scatter.ts`) draw inside `plot`.
 */
import { escapeXml as e } from './escape.ts';
import { type LinearScale, linearScale, tickLabel } from './scale.ts';

export interface AxisSpec {
  readonly min: number;
  readonly max: number;
  readonly label?: string;
  /** About how many ticks (default 5). */
  readonly ticks?: number;
}

export interface FrameSpec {
  readonly width: number;
  readonly height: number;
  /** Accessible title, also shown as a caption above the plot when `caption` is true. */
  readonly title: string;
  readonly caption?: boolean;
  readonly x: AxisSpec;
  readonly y: AxisSpec;
  readonly margin?: { top: number; right: number; bottom: number; left: number };
}

export interface Frame {
  readonly x: LinearScale;
  readonly y: LinearScale;
  /** Wraps the chart's body in the svg element with axes and grid. */
  render(body: string): string;
}

export const FONT_ATTRS =
  'font-family="system-ui, -apple-system, Segoe UI, sans-serif" font-size="11" fill="#333"';

export function frame(spec: FrameSpec): Frame {
  const m = spec.margin ?? {
    top: spec.caption ? 22 : 8,
    right: 10,
    bottom: spec.x.label ? 36 : 22,
    left: spec.y.label ? 46 : 34,
  };
  const x = linearScale([spec.x.min, spec.x.max], [m.left, spec.width - m.right]);
  const y = linearScale([spec.y.min, spec.y.max], [spec.height - m.bottom, m.top]);
  const bottom = spec.height - m.bottom;
  const axes = () => {
    const parts: string[] = [];
    for (const t of x.ticks(spec.x.ticks)) {
      parts.push(
        `<line x1="${x(t)}" x2="${x(t)}" y1="${m.top}" y2="${bottom}" stroke="#eee"/>`,
        `<line x1="${x(t)}" x2="${x(t)}" y1="${bottom}" y2="${bottom + 4}" stroke="#888"/>`,
        `<text x="${x(t)}" y="${bottom + 15}" text-anchor="middle">${tickLabel(t)}</text>`,
      );
    }
    for (const t of y.ticks(spec.y.ticks)) {
      parts.push(
        `<line x1="${m.left}" x2="${spec.width - m.right}" y1="${y(t)}" y2="${y(t)}" stroke="#eee"/>`,
        `<line x1="${m.left - 4}" x2="${m.left}" y1="${y(t)}" y2="${y(t)}" stroke="#888"/>`,
        `<text x="${m.left - 6}" y="${y(t) + 4}" text-anchor="end">${tickLabel(t)}</text>`,
      );
    }
    parts.push(
      `<line x1="${m.left}" x2="${spec.width - m.right}" y1="${bottom}" y2="${bottom}" stroke="#888"/>`,
      `<line x1="${m.left}" x2="${m.left}" y1="${m.top}" y2="${bottom}" stroke="#888"/>`,
    );
    if (spec.x.label) {
      parts.push(
        `<text x="${(m.left + spec.width - m.right) / 2}" y="${spec.height - 4}" text-anchor="middle">${e(spec.x.label)}</text>`,
      );
    }
    if (spec.y.label) {
      const cy = (m.top + bottom) / 2;
      parts.push(
        `<text x="12" y="${cy}" text-anchor="middle" transform="rotate(-90 12 ${cy})">${e(spec.y.label)}</text>`,
      );
    }
    if (spec.caption) {
      parts.push(`<text x="${m.left}" y="14" font-weight="600">${e(spec.title)}</text>`);
    }
    return parts.join('');
  };
  return {
    x,
    y,
    render: (body) =>
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${spec.width} ${spec.height}" width="${spec.width}" height="${spec.height}" role="img" aria-label="${e(spec.title)}" ${FONT_ATTRS}><title>${e(spec.title)}</title>${axes()}${body}</svg>`,
  };
}
