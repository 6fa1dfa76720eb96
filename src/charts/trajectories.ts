/**
 * Positions by round: one line per actor (in the actor's colour), the model's forecast path
 * when it has one, and end-of-line labels spread apart so they never overlap (`spreadLabels`),
 * each joined to its line's end by a short leader.
 */
import * as Plot from '@observablehq/plot';
import { spreadLabels } from './labels.ts';
import { type Actor, COLORS, actorPalette } from './palette.ts';
import {
  type ChartContext,
  type ChartSpec,
  STYLE,
  actorTags,
  ellipsis,
  fmt,
  hover,
  isNarrow,
  widthOf,
} from './spec.ts';

/** One model's positions by round on one issue (read out of results by `report/scenario-report/model-detail.ts`). */
export interface Trajectory {
  readonly model: string;
  readonly issueId: string;
  /** Rounds shown: values[0] the starting positions, values[t] after round t. */
  readonly rounds: number;
  readonly series: { actorId: string; values: (number | null)[] }[];
  /** The model's forecast after each round (round 0 included), when the model reports it. */
  readonly forecast: (number | null)[] | null;
}

interface Row {
  readonly actorId: string;
  readonly actor: string;
  readonly round: number;
  readonly value: number;
  readonly dashed: boolean;
}

/** Taller on a phone, where the chart is narrow: the lines and the labels get room. */
const HEIGHT_WIDE = 340;
const HEIGHT_NARROW = 420;
const MARGIN = { top: 16, bottom: 36, left: 44 };
/** Apart by the labels’ line box (13 px at 11 px) and a pixel, so no two boxes touch. */
const LABEL_GAP = 14;

export function trajectoriesChart(
  t: Trajectory,
  actors: readonly Actor[],
  scale: { min: number; max: number },
  modelName: string,
  ctx: ChartContext = {},
): ChartSpec {
  const palette = actorPalette(actors);
  const width = widthOf(ctx);
  const narrow = isNarrow(ctx);
  const HEIGHT = narrow ? HEIGHT_NARROW : HEIGHT_WIDE;
  // The longest label sets the right margin, within a third of the width; longer labels end
  // with an ellipsis (the tip names the actor in full).
  const labelled = t.series.map((s) => palette.label(s.actorId));
  const marginRight = Math.min(
    Math.round(width / 3),
    16 + Math.max(40, ...labelled.map((l) => l.length * 6.2)),
  );
  const maxChars = Math.max(4, Math.floor((marginRight - 14) / 6.2));
  const rows: Row[] = t.series.flatMap((s) =>
    s.values.flatMap((v, round) =>
      v === null
        ? []
        : [
            {
              actorId: s.actorId,
              actor: palette.label(s.actorId),
              round,
              value: v,
              dashed: palette.dash(s.actorId) !== undefined,
            },
          ],
    ),
  );
  const forecast = (t.forecast ?? []).flatMap((v, round) =>
    v === null ? [] : [{ round, value: v }],
  );
  // End-of-line labels: each series' last value, spread in pixels then mapped back to data.
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const toPx = (v: number) => MARGIN.top + ((scale.max - v) / (scale.max - scale.min || 1)) * plotH;
  const toData = (px: number) =>
    scale.max - ((px - MARGIN.top) / plotH) * (scale.max - scale.min || 1);
  const ends = t.series.flatMap((s) => {
    let r = s.values.length - 1;
    while (r >= 0 && s.values[r] === null) r--;
    return r < 0
      ? []
      : [
          {
            actorId: s.actorId,
            actor: palette.label(s.actorId),
            short: ellipsis(palette.label(s.actorId), maxChars),
            round: r,
            value: s.values[r]!,
          },
        ];
  });
  const placed = spreadLabels(
    ends.map((e) => toPx(e.value)),
    LABEL_GAP,
    MARGIN.top - 6,
    HEIGHT - MARGIN.bottom + 6,
  );
  const labels = ends.map((e, i) => ({ ...e, at: toData(placed[i]!), last: t.rounds }));
  const line = (dashed: boolean) => {
    const data = rows.filter((r) => r.dashed === dashed);
    return Plot.line(data, {
      x: 'round',
      y: 'value',
      z: 'actor',
      stroke: 'actor',
      strokeWidth: 1.6,
      ...(dashed ? { strokeDasharray: '5 3' } : {}),
      title: (d: Row) => `${d.actor}\nround ${d.round}: ${fmt(d.value)}`,
      ...hover(ctx),
      ...actorTags(data, (d) => [d.actorId], ctx),
    });
  };
  return {
    kind: 'trajectories',
    title: `${modelName}: positions by round`,
    options: {
      width,
      height: HEIGHT,
      marginTop: MARGIN.top,
      marginBottom: MARGIN.bottom,
      marginLeft: MARGIN.left,
      marginRight,
      style: STYLE,
      x: {
        label: 'round →',
        labelAnchor: 'center',
        domain: [0, Math.max(1, t.rounds)],
        ...(narrow ? { ticks: Math.min(5, Math.max(1, t.rounds)) } : {}),
      },
      y: {
        label: '↑ position',
        domain: [scale.min, scale.max],
        grid: true,
        nice: false,
        ...(narrow ? { ticks: 5 } : {}),
      },
      color: { type: 'ordinal', domain: palette.labels, range: palette.colors, legend: false },
      marks: [
        line(false),
        ...(rows.some((r) => r.dashed) ? [line(true)] : []),
        ...(forecast.length
          ? [
              Plot.line(forecast, {
                x: 'round',
                y: 'value',
                stroke: COLORS.forecast,
                strokeWidth: 3,
                strokeOpacity: 0.4,
                title: (d: { round: number; value: number }) =>
                  `forecast (median), round ${d.round}: ${fmt(d.value)}`,
              }),
            ]
          : []),
        // Leaders from each line's end to its label, then the labels.
        Plot.link(labels, {
          x1: 'round',
          y1: 'value',
          x2: 'last',
          y2: 'at',
          stroke: 'actor',
          strokeOpacity: 0.6,
          dx: 4,
          ...actorTags(labels, (d) => [d.actorId], ctx),
        }),
        Plot.text(labels, {
          x: 'last',
          y: 'at',
          text: 'short',
          fill: 'actor',
          textAnchor: 'start',
          dx: 8,
          stroke: 'white',
          strokeWidth: 3,
          paintOrder: 'stroke',
          title: (d: { actor: string; value: number }) => `${d.actor}: ${fmt(d.value)}`,
          ...actorTags(labels, (d) => [d.actorId], ctx),
        }),
      ],
    },
  };
}
