/**
 * Levers: how far each verified change (single or pair, in the table's order) moves the
 * outcome, as bars from the point forecast, with the target line.
 */
import * as Plot from '@observablehq/plot';
import { COLORS } from './palette.ts';
import { type ChartContext, type ChartSpec, STYLE, fmt, hover, widthOf } from './spec.ts';

export interface LeverBar {
  /** What changes, e.g. "china.coalition.salience: 40 → 56". */
  readonly label: string;
  /** Outcome change the lever brings, on the issue's scale. */
  readonly effect: number;
  readonly note?: string;
}

interface Row extends LeverBar {
  readonly direction: string;
}

export function leversChart(
  levers: readonly LeverBar[],
  label: string,
  ctx: ChartContext = {},
): ChartSpec {
  const width = widthOf(ctx);
  const rows: Row[] = levers.map((l) => ({
    ...l,
    direction: l.effect >= 0 ? 'raises the outcome' : 'lowers the outcome',
  }));
  // Room on both sides of 0 for the values written at the bars' ends.
  const lo = Math.min(0, ...levers.map((l) => l.effect));
  const hi = Math.max(0, ...levers.map((l) => l.effect));
  const pad = (hi - lo) * 0.12 || 1;
  return {
    kind: 'levers',
    title: `${label}: levers`,
    options: {
      width,
      height: 70 + levers.length * 36,
      marginLeft: 12,
      marginRight: 12,
      style: STYLE,
      x: {
        domain: [lo < 0 ? lo - pad : 0, hi > 0 ? hi + pad : 0],
        label: 'change in the outcome →',
        labelAnchor: 'center',
        grid: true,
      },
      // Each lever's label is written above its bar (levers can be long: pairs of changes).
      y: { domain: levers.map((l) => l.label), label: null, axis: null, paddingInner: 0.45 },
      color: {
        domain: ['raises the outcome', 'lowers the outcome'],
        range: [COLORS.high, COLORS.low],
        legend: true,
      },
      marks: [
        Plot.barX(rows, {
          y: 'label',
          x: 'effect',
          fill: 'direction',
          insetTop: 3,
          insetBottom: 3,
          title: (r: Row) =>
            `${r.label}\neffect ${r.effect >= 0 ? '+' : '−'}${fmt(Math.abs(r.effect))}${r.note ? `\n${r.note}` : ''}`,
          ...hover(ctx),
        }),
        // Values at the bars' ends, outside the bar on either side.
        ...([1, -1] as const).map((sign) =>
          Plot.text(
            rows.filter((r) => (r.effect >= 0 ? 1 : -1) === sign),
            {
              y: 'label',
              x: 'effect',
              text: (r: Row) => `${r.effect >= 0 ? '+' : '−'}${fmt(Math.abs(r.effect))}`,
              textAnchor: sign > 0 ? 'start' : 'end',
              dx: 4 * sign,
            },
          ),
        ),
        Plot.text(rows, {
          y: 'label',
          text: 'label',
          frameAnchor: 'left',
          textAnchor: 'start',
          dy: -13,
          fill: '#222',
          lineWidth: Math.floor(width / 6.5),
        }),
        Plot.ruleX([0], { stroke: '#000' }),
      ],
    },
  };
}
