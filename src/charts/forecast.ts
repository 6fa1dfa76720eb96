/**
 * Each model's forecast on the issue's scale, in the table's order (top to bottom), with its
 * 10–90% Monte Carlo band when one ran, the threshold and the status quo.
 */
import * as Plot from '@observablehq/plot';
import { COLORS, modelColor } from './palette.ts';
import {
  type ChartContext,
  type ChartSpec,
  STYLE,
  ellipsis,
  fmt,
  hover,
  isNarrow,
  rowLabels,
  widthOf,
} from './spec.ts';

/** Dark text with a white outline: readable over the threshold and status-quo lines. */
const HALO = { fill: '#222', stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' } as const;

export interface ForecastChartIssue {
  readonly name: string;
  readonly scale: { readonly min: number; readonly max: number };
  readonly referencePoint: number | null;
  readonly threshold: { readonly value: number; readonly label: string } | null;
  /** Model id → forecast; the entry order is the table's. */
  readonly forecasts: Readonly<Record<string, number>>;
}

/** Model id → the 10–90% band of the Monte Carlo outcomes. */
export type Bands = Readonly<Record<string, { readonly q10: number; readonly q90: number }>>;

interface Row {
  readonly model: string;
  readonly color: string;
  readonly forecast: number;
  readonly q10: number | null;
  readonly q90: number | null;
}

export function forecastChart(
  issue: ForecastChartIssue,
  bands: Bands | null,
  modelNames: ReadonlyMap<string, string>,
  ctx: ChartContext = {},
): ChartSpec {
  const width = widthOf(ctx);
  const rows: Row[] = Object.entries(issue.forecasts).map(([m, f], i) => ({
    model: modelNames.get(m) ?? m,
    color: modelColor(i),
    forecast: f,
    q10: bands?.[m]?.q10 ?? null,
    q90: bands?.[m]?.q90 ?? null,
  }));
  const finite = rows.filter((r) => Number.isFinite(r.forecast));
  const banded = rows.filter((r) => r.q10 !== null && r.q90 !== null);
  const axis = rowLabels(
    rows.map((r) => r.model),
    width,
  );
  // On a phone the model names go inside, above their rows, instead of a cramped left axis.
  const narrow = isNarrow(ctx);
  const inside = narrow ? Math.max(8, Math.floor((width - 24) / 6.2)) : 0;
  const tip = (r: Row) =>
    `${r.model}: ${fmt(r.forecast)}${r.q10 !== null ? `\n10–90%: ${fmt(r.q10)}–${fmt(r.q90)}` : ''}`;
  return {
    kind: 'forecast',
    title: `Forecasts for ${issue.name}`,
    options: {
      width,
      height: 56 + rows.length * (narrow ? 44 : 30),
      marginLeft: narrow ? 12 : axis.marginLeft,
      marginRight: 24,
      marginTop: 24,
      style: STYLE,
      x: {
        domain: [issue.scale.min, issue.scale.max],
        label: `${issue.name} →`,
        labelAnchor: 'center',
        grid: true,
        ...(narrow ? { ticks: 5 } : {}),
      },
      y: narrow
        ? { domain: rows.map((r) => r.model), label: null, axis: null }
        : { domain: rows.map((r) => r.model), label: null, tickFormat: axis.tickFormat },
      color: { type: 'identity' },
      marks: [
        ...(issue.threshold
          ? [
              Plot.ruleX([issue.threshold.value], {
                stroke: COLORS.threshold,
                strokeDasharray: '4 3',
              }),
              Plot.text([issue.threshold.value], {
                x: (d: number) => d,
                text: () => `threshold ${fmt(issue.threshold!.value)}`,
                frameAnchor: 'top',
                dy: -12,
                fill: COLORS.threshold,
              }),
            ]
          : []),
        ...(issue.referencePoint !== null
          ? [
              Plot.ruleX([issue.referencePoint], {
                stroke: COLORS.statusQuo,
                strokeDasharray: '1 3',
              }),
              Plot.text([issue.referencePoint], {
                x: (d: number) => d,
                text: () => `status quo ${fmt(issue.referencePoint)}`,
                frameAnchor: 'bottom',
                textAnchor: 'end',
                dx: -3,
                dy: -2,
                fill: COLORS.statusQuo,
              }),
            ]
          : []),
        Plot.ruleY(banded, {
          y: 'model',
          x1: 'q10',
          x2: 'q90',
          stroke: 'color',
          strokeWidth: 7,
          strokeOpacity: 0.35,
          strokeLinecap: 'round',
          title: tip,
        }),
        Plot.dot(finite, {
          y: 'model',
          x: 'forecast',
          fill: 'color',
          r: 5,
          title: tip,
          ...hover(ctx),
        }),
        ...(narrow
          ? [
              Plot.text(rows, {
                y: 'model',
                x: () => issue.scale.min,
                text: (d: Row) => ellipsis(d.model, inside),
                textAnchor: 'start',
                dy: -15,
                ...HALO,
              }),
              Plot.text(finite, {
                y: 'model',
                x: 'forecast',
                text: (d: Row) => fmt(d.forecast),
                textAnchor: 'start',
                dx: 8,
                ...HALO,
              }),
            ]
          : [
              Plot.text(finite, {
                y: 'model',
                x: 'forecast',
                text: (d: Row) => fmt(d.forecast),
                dy: -11,
                fill: '#222',
              }),
            ]),
      ],
    },
  };
}
