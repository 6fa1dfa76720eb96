/**
 * The Monte Carlo distribution of one model's outcome: the histogram over the scale,
 * bins at or above the threshold in another colour, the threshold and P(outcome ≥ threshold).
 */
import * as Plot from '@observablehq/plot';
import { COLORS } from './palette.ts';
import { type ChartContext, type ChartSpec, STYLE, fmt, hover, widthOf } from './spec.ts';

export interface HistogramInput {
  readonly histogram: {
    readonly min: number;
    readonly max: number;
    readonly counts: readonly number[];
  };
  readonly runs: number;
  readonly pAtOrAbove: { readonly p: number; readonly se: number } | null;
}

/** Bars drawn at most (about: one more where the threshold splits a bar). */
export const MAX_BARS = 50;

interface Bin {
  readonly x1: number;
  readonly x2: number;
  readonly count: number;
  readonly side: string;
}

export function histogramChart(
  o: HistogramInput,
  threshold: { readonly value: number } | null,
  label: string,
  ctx: ChartContext = {},
): ChartSpec {
  const { min, max, counts } = o.histogram;
  const w = (max - min) / Math.max(1, counts.length);
  const below = threshold ? `below ${fmt(threshold.value)}` : 'outcome';
  const above = threshold ? `at or above ${fmt(threshold.value)}` : '';
  // The Monte Carlo keeps fine bins (1,000 by default); the chart merges them into about
  // MAX_BARS bars, starting a new bar at the threshold so no bar straddles it.
  const factor = Math.max(1, Math.ceil(counts.length / MAX_BARS));
  const bins: Bin[] = [];
  counts.forEach((c, i) => {
    const x1 = min + i * w;
    const side = threshold !== null && x1 >= threshold.value ? above : below;
    const last = bins[bins.length - 1];
    if (last && last.side === side && Math.floor(i / factor) === Math.floor((i - 1) / factor)) {
      bins[bins.length - 1] = { ...last, x2: x1 + w, count: last.count + c };
    } else bins.push({ x1, x2: x1 + w, count: c, side });
  });
  const p = o.pAtOrAbove;
  return {
    kind: 'histogram',
    title: `${label}: distribution of outcomes`,
    options: {
      width: widthOf(ctx),
      height: 220,
      marginTop: 24,
      style: STYLE,
      x: { domain: [min, max], label: 'outcome →', labelAnchor: 'center' },
      y: { label: '↑ runs', grid: true },
      color: {
        domain: threshold ? [below, above] : [below],
        range: threshold ? [COLORS.below, COLORS.above] : [COLORS.below],
        legend: threshold !== null,
      },
      marks: [
        Plot.rectY(
          bins.filter((b) => b.count > 0),
          {
            x1: 'x1',
            x2: 'x2',
            y: 'count',
            fill: 'side',
            fillOpacity: 0.8,
            insetLeft: 0.5,
            insetRight: 0.5,
            title: (b: Bin) =>
              `${fmt(b.x1)}–${fmt(b.x2)}: ${b.count} runs (${fmt((100 * b.count) / Math.max(1, o.runs))}%)`,
            ...hover(ctx),
          },
        ),
        Plot.ruleY([0]),
        ...(threshold
          ? [
              Plot.ruleX([threshold.value], { stroke: COLORS.threshold, strokeDasharray: '4 3' }),
              Plot.text([threshold.value], {
                x: (d: number) => d,
                frameAnchor: 'top',
                dy: -12,
                dx: 4,
                textAnchor: 'start',
                fill: COLORS.threshold,
                text: () =>
                  p
                    ? `P(≥ ${fmt(threshold.value)}) = ${(100 * p.p).toFixed(1)}% ± ${(100 * p.se).toFixed(1)}`
                    : `threshold ${fmt(threshold.value)}`,
              }),
            ]
          : []),
      ],
    },
  };
}
