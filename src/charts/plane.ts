/**
 * Actors on two issues: each actor a dot in its colour (area ∝ capability × mean salience), each
 * model's forecast a cross; labels placed around the points so none overlaps (`placeLabels`),
 * the models' first so they are never the ones dropped. A legend of the actors' colours names
 * every dot whose label had no room.
 */
import * as Plot from '@observablehq/plot';
import { type Anchor, placeLabels } from './labels.ts';
import { type Actor, actorPalette, modelColor } from './palette.ts';
import {
  type ChartContext,
  type ChartSpec,
  STYLE,
  actorTags,
  fmt,
  hover,
  isNarrow,
  widthOf,
} from './spec.ts';

export interface PlaneIssue {
  readonly id: string;
  readonly name: string;
  readonly scale: { readonly min: number; readonly max: number };
  readonly forecasts: Readonly<Record<string, number>>;
  readonly actors: readonly {
    readonly id: string;
    readonly capability: number;
    readonly position: number;
    readonly salience: number;
  }[];
}

interface Point {
  readonly actorId: string;
  readonly label: string;
  readonly x: number;
  readonly y: number;
  readonly weight: number;
}

const MARGIN = { top: 20, right: 20, bottom: 40, left: 50 };
const R_RANGE: [number, number] = [3, 14];

export function planeChart(
  ix: PlaneIssue,
  iy: PlaneIssue,
  actors: readonly Actor[],
  modelNames: ReadonlyMap<string, string>,
  ctx: ChartContext = {},
): ChartSpec {
  const palette = actorPalette(actors);
  const width = widthOf(ctx, 600);
  // On a phone the plane is square (no taller than wide would leave it cramped sideways).
  const height = Math.round(Math.min(520, Math.max(isNarrow(ctx) ? width : 320, width * 0.8)));
  const points: Point[] = ix.actors.flatMap((a) => {
    const b = iy.actors.find((x) => x.id === a.id);
    return b
      ? [
          {
            actorId: a.id,
            label: palette.label(a.id),
            x: a.position,
            y: b.position,
            weight: a.capability * ((a.salience + b.salience) / 200),
          },
        ]
      : [];
  });
  // Models in the forecast table's order, each in its colour there (its place in that order).
  const order = Object.keys(ix.forecasts);
  const models = order.filter((m) => iy.forecasts[m] !== undefined);
  const forecasts = models.map((m) => ({
    label: shortModelName(modelNames.get(m) ?? m),
    name: modelNames.get(m) ?? m,
    color: modelColor(order.indexOf(m)),
    x: ix.forecasts[m]!,
    y: iy.forecasts[m]!,
  }));
  // The chart's geometry, as Plot will lay it out, for placing the labels in pixels.
  const px = (x: number) =>
    MARGIN.left +
    ((x - ix.scale.min) / (ix.scale.max - ix.scale.min || 1)) *
      (width - MARGIN.left - MARGIN.right);
  const py = (y: number) =>
    height -
    MARGIN.bottom -
    ((y - iy.scale.min) / (iy.scale.max - iy.scale.min || 1)) *
      (height - MARGIN.top - MARGIN.bottom);
  const maxW = Math.max(1e-12, ...points.map((p) => p.weight));
  // The r scale below: square root from [0, max weight] onto R_RANGE.
  const radius = (w: number) => R_RANGE[0] + (R_RANGE[1] - R_RANGE[0]) * Math.sqrt(w / maxW);
  const requests = [
    ...forecasts.map((f) => ({ x: px(f.x), y: py(f.y), text: f.label, r: 6 })),
    ...points.map((p) => ({ x: px(p.x), y: py(p.y), text: p.label, r: radius(p.weight) })),
  ];
  const placed = placeLabels(requests, {
    x: 0,
    y: 0,
    width,
    height: height - MARGIN.bottom + 10,
  });
  const toDataX = (x: number) =>
    ix.scale.min +
    ((x - MARGIN.left) / (width - MARGIN.left - MARGIN.right)) * (ix.scale.max - ix.scale.min);
  const toDataY = (y: number) =>
    iy.scale.min +
    ((height - MARGIN.bottom - y) / (height - MARGIN.top - MARGIN.bottom)) *
      (iy.scale.max - iy.scale.min);
  const labels = placed.flatMap((p, i) =>
    p.shown
      ? [
          {
            x: toDataX(p.x),
            y: toDataY(p.y),
            anchor: p.anchor,
            text: requests[i]!.text,
            model: i < forecasts.length,
            actorId: i < forecasts.length ? null : points[i - forecasts.length]!.actorId,
          },
        ]
      : [],
  );
  const hidden = placed.length - labels.length;
  const textMarks = (['start', 'middle', 'end'] as Anchor[]).flatMap((anchor) =>
    [true, false].map((model) => {
      const data = labels.filter((l) => l.anchor === anchor && l.model === model);
      return Plot.text(data, {
        x: 'x',
        y: 'y',
        text: 'text',
        textAnchor: anchor,
        fontSize: 10,
        fill: model ? '#000' : '#333',
        fontWeight: model ? 600 : 400,
        stroke: 'white',
        strokeWidth: 3,
        paintOrder: 'stroke',
        ...actorTags(data, (l) => (l.actorId ? [l.actorId] : []), ctx),
      });
    }),
  );
  return {
    kind: 'plane',
    title: `Actors on ${ix.name} and ${iy.name}, with each model's forecast`,
    options: {
      width,
      height,
      marginTop: MARGIN.top,
      marginRight: MARGIN.right,
      marginBottom: MARGIN.bottom,
      marginLeft: MARGIN.left,
      style: STYLE,
      x: {
        domain: [ix.scale.min, ix.scale.max],
        label: `${ix.name} →`,
        labelAnchor: 'center',
        grid: true,
        nice: false,
      },
      y: {
        domain: [iy.scale.min, iy.scale.max],
        label: `↑ ${iy.name}`,
        grid: true,
        nice: false,
      },
      r: { type: 'sqrt', range: R_RANGE, domain: [0, maxW], clamp: true },
      color: {
        type: 'ordinal',
        domain: palette.labels,
        range: palette.colors,
        legend: hidden > 0,
      },
      marks: [
        Plot.dot(points, {
          x: 'x',
          y: 'y',
          r: 'weight',
          fill: 'label',
          fillOpacity: 0.55,
          stroke: 'label',
          title: (p: Point) => `${p.label}\n${ix.name}: ${fmt(p.x)}\n${iy.name}: ${fmt(p.y)}`,
          ...hover(ctx),
          ...actorTags(points, (p) => [p.actorId], ctx),
        }),
        ...forecasts.map((f) =>
          Plot.dot([f], {
            x: 'x',
            y: 'y',
            symbol: 'cross',
            r: 6,
            stroke: f.color,
            strokeWidth: 2.5,
            title: () => `${f.name} forecast\n${ix.name}: ${fmt(f.x)}\n${iy.name}: ${fmt(f.y)}`,
          }),
        ),
        ...textMarks,
      ],
    },
  };
}

/**
 * A model's name for a label on the plane: the part before a parenthesis ("Expected utility
 * model (Bueno de Mesquita)" → "Expected utility model"); the tip has the whole name.
 */
export function shortModelName(name: string): string {
  const cut = name.indexOf(' (');
  return cut > 0 ? name.slice(0, cut) : name;
}
