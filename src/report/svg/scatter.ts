/**
 * Scatter and line charts: series of points (optionally joined, optionally sized), a diagonal
 * y = x for calibration plots, and a legend.
 */
import { type AxisSpec, frame } from './frame.ts';
import { escapeXml as e } from './escape.ts';

export interface Point {
  readonly x: number;
  readonly y: number;
  /** Radius in pixels (default 3). */
  readonly r?: number;
  /** Tooltip. */
  readonly title?: string;
}

export interface Series {
  readonly label: string;
  readonly color: string;
  readonly points: readonly Point[];
  /** Join the points in order with a line. */
  readonly line?: boolean;
  readonly dashed?: boolean;
}

export interface ScatterSpec {
  readonly title: string;
  readonly series: readonly Series[];
  readonly x: AxisSpec;
  readonly y: AxisSpec;
  readonly width?: number;
  readonly height?: number;
  /** Draw y = x (perfect calibration). */
  readonly diagonal?: boolean;
  readonly legend?: boolean;
  readonly caption?: boolean;
}

export function scatterSvg(spec: ScatterSpec): string {
  const width = spec.width ?? 420;
  const legendWidth = spec.legend === false ? 0 : 150;
  const f = frame({
    width,
    height: spec.height ?? 320,
    title: spec.title,
    caption: spec.caption ?? true,
    x: spec.x,
    y: spec.y,
    margin: {
      top: spec.caption === false ? 8 : 22,
      right: 10 + legendWidth,
      bottom: spec.x.label ? 36 : 22,
      left: spec.y.label ? 46 : 34,
    },
  });
  const parts: string[] = [];
  if (spec.diagonal) {
    const lo = Math.max(spec.x.min, spec.y.min);
    const hi = Math.min(spec.x.max, spec.y.max);
    parts.push(
      `<line x1="${f.x(lo)}" y1="${f.y(lo)}" x2="${f.x(hi)}" y2="${f.y(hi)}" stroke="#999" stroke-dasharray="4 3"/>`,
    );
  }
  for (const s of spec.series) {
    if (s.line && s.points.length > 1) {
      const d = s.points.map((p, i) => `${i ? 'L' : 'M'}${f.x(p.x)},${f.y(p.y)}`).join('');
      parts.push(
        `<path d="${d}" fill="none" stroke="${s.color}" stroke-width="1.5"${s.dashed ? ' stroke-dasharray="4 3"' : ''}/>`,
      );
    }
    for (const p of s.points) {
      parts.push(
        `<circle cx="${f.x(p.x)}" cy="${f.y(p.y)}" r="${p.r ?? 3}" fill="${s.color}" fill-opacity="0.8">${p.title ? `<title>${e(p.title)}</title>` : ''}</circle>`,
      );
    }
  }
  if (legendWidth) {
    const x0 = width - legendWidth + 6;
    spec.series.forEach((s, i) => {
      const y = 30 + i * 16;
      parts.push(
        `<rect x="${x0}" y="${y - 8}" width="10" height="10" fill="${s.color}"/><text x="${x0 + 14}" y="${y + 1}">${e(s.label)}</text>`,
      );
    });
  }
  return f.render(parts.join(''));
}
