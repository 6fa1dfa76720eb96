/** Histograms: equal-width bins over [min, max] and an SVG bar chart of them. */
import { type AxisSpec, frame } from './frame.ts';
import { escapeXml as e } from './escape.ts';

export interface Bin {
  readonly x0: number;
  readonly x1: number;
  readonly count: number;
}

/**
 * Counts of `values` in `bins` equal bins over [min, max]; each bin holds [x0, x1) except the
 * last, which holds its upper bound. Values outside [min, max] are clamped into the end bins.
 */
export function histogramBins(
  values: ArrayLike<number>,
  min: number,
  max: number,
  bins: number,
): Bin[] {
  const counts = new Array<number>(bins).fill(0);
  const w = (max - min) / bins;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    const b = Math.min(bins - 1, Math.max(0, Math.floor((v - min) / w)));
    counts[b]!++;
  }
  return counts.map((count, b) => ({ x0: min + b * w, x1: min + (b + 1) * w, count }));
}

export interface HistogramSpec {
  readonly values: ArrayLike<number>;
  readonly min: number;
  readonly max: number;
  readonly bins: number;
  readonly title: string;
  readonly width?: number;
  readonly height?: number;
  readonly color?: string;
  readonly x?: Omit<AxisSpec, 'min' | 'max'>;
  readonly yLabel?: string;
  /** Fixed top of the count axis (to compare small multiples); default the largest count. */
  readonly yMax?: number;
  /** Vertical reference lines, e.g. 0 error. */
  readonly marks?: readonly { x: number; label?: string }[];
  readonly caption?: boolean;
}

export function histogramSvg(spec: HistogramSpec): string {
  const bins = histogramBins(spec.values, spec.min, spec.max, spec.bins);
  const top = spec.yMax ?? Math.max(1, ...bins.map((b) => b.count));
  const f = frame({
    width: spec.width ?? 320,
    height: spec.height ?? 180,
    title: spec.title,
    caption: spec.caption ?? true,
    x: { min: spec.min, max: spec.max, ...spec.x },
    y: { min: 0, max: top, ticks: 4, ...(spec.yLabel ? { label: spec.yLabel } : {}) },
  });
  const color = spec.color ?? '#0072B2';
  const bars = bins
    .filter((b) => b.count > 0)
    .map((b) => {
      const x = f.x(b.x0) + 0.5;
      const w = Math.max(0.5, f.x(b.x1) - f.x(b.x0) - 1);
      const y = f.y(b.count);
      return `<rect x="${x}" y="${y}" width="${w}" height="${f.y(0) - y}" fill="${color}"><title>${e(`${b.x0}–${b.x1}: ${b.count}`)}</title></rect>`;
    })
    .join('');
  const marks = (spec.marks ?? [])
    .map(
      (m) =>
        `<line x1="${f.x(m.x)}" x2="${f.x(m.x)}" y1="${f.y(top)}" y2="${f.y(0)}" stroke="#333" stroke-dasharray="3 2"/>` +
        (m.label ? `<text x="${f.x(m.x) + 3}" y="${f.y(top) + 10}">${e(m.label)}</text>` : ''),
    )
    .join('');
  return f.render(bars + marks);
}
