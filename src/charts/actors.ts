/**
 * Actors' positions on one issue, one row per actor in the table's order: the dot in the actor's
 * colour (area ∝ capability × salience), its plausible range as a grey line, the threshold.
 */
import * as Plot from '@observablehq/plot';
import { type Actor, COLORS, actorPalette } from './palette.ts';
import {
  type ChartContext,
  type ChartSpec,
  STYLE,
  actorTags,
  fmt,
  hover,
  rowLabels,
  widthOf,
} from './spec.ts';

export interface ActorPositionRow {
  readonly id: string;
  readonly name: string;
  readonly capability: number;
  readonly position: number;
  readonly positionRange: readonly [number, number];
  readonly salience: number;
}

interface Row extends ActorPositionRow {
  /** The actor's id again, under the name the workbench reads off a hovered datum. */
  readonly actorId: string;
  readonly label: string;
  readonly weight: number;
}

export function actorPositionsChart(
  issue: {
    readonly name: string;
    readonly scale: { readonly min: number; readonly max: number };
    readonly threshold: { readonly value: number } | null;
  },
  rows: readonly ActorPositionRow[],
  actors: readonly Actor[],
  ctx: ChartContext = {},
): ChartSpec {
  const palette = actorPalette(actors);
  const width = widthOf(ctx);
  const data: Row[] = rows.map((a) => ({
    ...a,
    actorId: a.id,
    label: palette.label(a.id),
    weight: a.capability * (a.salience / 100),
  }));
  const maxW = Math.max(1e-12, ...data.map((d) => d.weight));
  const ranged = data.filter((d) => d.positionRange[0] !== d.positionRange[1]);
  const axis = rowLabels(
    data.map((d) => d.label),
    width,
  );
  return {
    kind: 'actors',
    title: `Actor positions on ${issue.name}`,
    options: {
      width,
      height: 50 + data.length * 20,
      marginLeft: axis.marginLeft,
      marginRight: 20,
      style: STYLE,
      x: {
        domain: [issue.scale.min, issue.scale.max],
        label: 'position →',
        labelAnchor: 'center',
        grid: true,
      },
      y: { domain: data.map((d) => d.label), label: null, tickFormat: axis.tickFormat },
      r: { type: 'sqrt', domain: [0, maxW], range: [2, 9] },
      color: { type: 'ordinal', domain: palette.labels, range: palette.colors, legend: false },
      marks: [
        ...(issue.threshold
          ? [
              Plot.ruleX([issue.threshold.value], {
                stroke: COLORS.threshold,
                strokeDasharray: '4 3',
              }),
            ]
          : []),
        Plot.ruleY(ranged, {
          y: 'label',
          x1: (d: Row) => d.positionRange[0],
          x2: (d: Row) => d.positionRange[1],
          stroke: '#999',
          ...actorTags(ranged, (d) => [d.id], ctx),
        }),
        Plot.dot(data, {
          y: 'label',
          x: 'position',
          r: 'weight',
          fill: 'label',
          fillOpacity: 0.6,
          stroke: 'label',
          title: (d: Row) =>
            `${d.label}: position ${fmt(d.position)}${d.positionRange[0] !== d.positionRange[1] ? ` (${fmt(d.positionRange[0])}–${fmt(d.positionRange[1])})` : ''}, salience ${fmt(d.salience)}, capability ${fmt(d.capability)}`,
          ...hover(ctx),
          ...actorTags(data, (d) => [d.id], ctx),
        }),
      ],
    },
  };
}
