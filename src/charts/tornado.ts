/**
 * Tornado: the outcome when each input is at its low and at its high value, one row per input in
 * the table's order (largest swing first, top to bottom), around the point forecast.
 */
import * as Plot from '@observablehq/plot';
import { COLORS } from './palette.ts';
import {
  type ChartContext,
  type ChartSpec,
  STYLE,
  fmt,
  hover,
  rowLabels,
  widthOf,
} from './spec.ts';

export interface TornadoChartInput {
  /** The outcome at the point values. */
  readonly base: number;
  /** Outcomes with the input at its low (`atLow`) and at its high (`atHigh`) value. */
  readonly bars: readonly {
    readonly label: string;
    readonly atLow: number;
    readonly atHigh: number;
  }[];
}

interface Row {
  readonly input: string;
  readonly side: string;
  readonly x1: number;
  readonly x2: number;
}

const AT_LOW = 'input at its low';
const AT_HIGH = 'input at its high';

export function tornadoChart(
  t: TornadoChartInput,
  label: string,
  ctx: ChartContext = {},
): ChartSpec {
  const width = widthOf(ctx);
  const rows: Row[] = t.bars.flatMap((b) => [
    { input: b.label, side: AT_LOW, x1: t.base, x2: b.atLow },
    { input: b.label, side: AT_HIGH, x1: t.base, x2: b.atHigh },
  ]);
  const lo = Math.min(t.base, ...t.bars.flatMap((b) => [b.atLow, b.atHigh]));
  const hi = Math.max(t.base, ...t.bars.flatMap((b) => [b.atLow, b.atHigh]));
  const pad = (hi - lo) * 0.05 || 1;
  const axis = rowLabels(
    t.bars.map((b) => b.label),
    width,
    0.45,
  );
  return {
    kind: 'tornado',
    title: `${label}: sensitivity (tornado)`,
    options: {
      width,
      height: 70 + t.bars.length * 24,
      marginLeft: axis.marginLeft,
      marginRight: 24,
      style: STYLE,
      x: {
        domain: [lo - pad, hi + pad],
        label: 'outcome →',
        labelAnchor: 'center',
        grid: true,
      },
      // Labels longer than the margin end in an ellipsis (the tooltip has them whole).
      y: {
        domain: t.bars.map((b) => b.label),
        label: null,
        tickFormat: axis.tickFormat,
      },
      color: { domain: [AT_LOW, AT_HIGH], range: [COLORS.low, COLORS.high], legend: true },
      marks: [
        Plot.barX(rows, {
          y: 'input',
          x1: 'x1',
          x2: 'x2',
          fill: 'side',
          insetTop: 2,
          insetBottom: 2,
          title: (r: Row) => `${r.input}\n${r.side}: outcome ${fmt(r.x2)} (point ${fmt(r.x1)})`,
          ...hover(ctx),
        }),
        Plot.ruleX([t.base], { stroke: '#000' }),
        Plot.text([t.base], {
          x: (d: number) => d,
          frameAnchor: 'top',
          dy: -8,
          text: () => `point forecast ${fmt(t.base)}`,
        }),
      ],
    },
  };
}
