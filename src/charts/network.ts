/**
 * Who pressures whom (the EUM's round-1 offers) as a directed network: actors on a circle in
 * scenario order (in their colours), an arrow from the actor making an offer to the actor pressed
 * to move, its width ∝ the shift asked, its colour the kind of offer, dashed when not taken.
 * Filterable: only offers asking at least `minShift`, only those touching `actor`, at most `top`.
 */
import * as Plot from '@observablehq/plot';
import { type Actor, actorPalette } from './palette.ts';
import {
  type ChartContext,
  type ChartSpec,
  STYLE,
  actorTags,
  fmt,
  hover,
  widthOf,
} from './spec.ts';

/** One EUM offer of round 1 (read out of results by `report/scenario-report/model-detail.ts`). */
export interface Pressure {
  /** The actor making the offer (pressing). */
  readonly from: string;
  /** The actor pressed to move. */
  readonly to: string;
  readonly type: 'confrontation' | 'compromise' | 'capitulation';
  /** How far the offer would move `to`, on the issue's scale. */
  readonly shift: number;
  /** True when `to` took this offer. */
  readonly taken: boolean;
}

export const OFFER_COLORS: Record<Pressure['type'], string> = {
  confrontation: '#D55E00',
  compromise: '#0072B2',
  capitulation: '#009E73',
};

export interface NetworkFilter {
  /** Only offers asking a shift of at least this (on the issue's scale). */
  readonly minShift?: number;
  /** Only offers from or to this actor id. */
  readonly actor?: string | null;
  /** At most this many offers, strongest first (default 40). */
  readonly top?: number;
}

interface Node {
  readonly id: string;
  readonly label: string;
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'end' | 'middle';
}

interface Edge {
  readonly from: string;
  readonly to: string;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly type: Pressure['type'];
  readonly taken: boolean;
  readonly shift: number;
  readonly text: string;
}

/** The offers shown under a filter, strongest first. */
export function filterPressures(all: readonly Pressure[], f: NetworkFilter = {}): Pressure[] {
  return all
    .filter((p) => p.shift >= (f.minShift ?? 0))
    .filter((p) => !f.actor || p.from === f.actor || p.to === f.actor)
    .sort((a, b) => b.shift - a.shift)
    .slice(0, f.top ?? 40);
}

export function networkChart(
  all: readonly Pressure[],
  actors: readonly Actor[],
  issueName: string,
  filter: NetworkFilter = {},
  ctx: ChartContext = {},
): ChartSpec {
  const palette = actorPalette(actors);
  const width = widthOf(ctx, 600);
  const shown = filterPressures(all, filter);
  // Every actor that makes or receives any offer keeps its place on the circle under any filter.
  const ids = actors.map((a) => a.id).filter((id) => all.some((p) => p.from === id || p.to === id));
  const n = Math.max(1, ids.length);
  const at = new Map<string, Node>(
    ids.map((id, i) => {
      // Clockwise from the top.
      const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
      const x = Math.cos(a);
      const y = -Math.sin(a);
      return [
        id,
        {
          id,
          label: palette.label(id),
          x,
          y,
          anchor: Math.abs(x) < 0.2 ? 'middle' : x > 0 ? 'start' : 'end',
        },
      ];
    }),
  );
  const maxShift = Math.max(1e-9, ...all.map((p) => p.shift));
  const edges: Edge[] = shown.flatMap((p) => {
    const a = at.get(p.from);
    const b = at.get(p.to);
    return a && b
      ? [
          {
            from: p.from,
            to: p.to,
            x1: a.x,
            y1: a.y,
            x2: b.x,
            y2: b.y,
            type: p.type,
            taken: p.taken,
            shift: p.shift,
            text: `${a.label} → ${b.label}: ${p.type}, shift ${fmt(p.shift)}${p.taken ? ' (taken)' : ''}`,
          },
        ]
      : [];
  });
  const nodes = [...at.values()];
  const longest = Math.max(30, ...nodes.map((d) => d.label.length * 5.8));
  const side = Math.min(width, 560);
  const margin = Math.min(Math.round(width / 4), 10 + longest);
  // As wide as the circle and its labels need, so the circle stays round on a wide screen.
  const chartWidth = Math.min(width, side - 60 + 2 * margin);
  const arrows = (taken: boolean) => {
    const data = edges.filter((e) => e.taken === taken);
    return Plot.arrow(data, {
      x1: 'x1',
      y1: 'y1',
      x2: 'x2',
      y2: 'y2',
      stroke: 'type',
      strokeWidth: (e: Edge) => 1 + 4 * (e.shift / maxShift),
      strokeOpacity: taken ? 0.85 : 0.6,
      ...(taken ? {} : { strokeDasharray: '4 3' }),
      bend: true,
      insetStart: 7,
      insetEnd: 7,
      headLength: 8,
      title: 'text',
      ...hover(ctx),
      ...actorTags(data, (e) => [e.from, e.to], ctx),
    });
  };
  // Labels outside the circle: right of nodes on the right, left on the left, above the top
  // node and below the bottom one.
  const label = (keep: (d: Node) => boolean, anchor: Node['anchor'], dx: number, dy: number) => {
    const data = nodes.filter(keep);
    return Plot.text(data, {
      x: 'x',
      y: 'y',
      text: 'label',
      textAnchor: anchor,
      dx,
      dy,
      fill: '#222',
      fontSize: 10,
      ...actorTags(data, (d) => [d.id], ctx),
    });
  };
  return {
    kind: 'network',
    title: `Who pressures whom on ${issueName} (EUM, round 1)`,
    options: {
      width: chartWidth,
      height: side,
      marginLeft: margin,
      marginRight: margin,
      marginTop: 36,
      marginBottom: 24,
      style: STYLE,
      x: { domain: [-1.05, 1.05], axis: null },
      y: { domain: [-1.05, 1.05], axis: null },
      color: {
        domain: ['confrontation', 'compromise', 'capitulation'],
        range: [OFFER_COLORS.confrontation, OFFER_COLORS.compromise, OFFER_COLORS.capitulation],
        legend: true,
      },
      marks: [
        arrows(false),
        arrows(true),
        Plot.dot(nodes, {
          x: 'x',
          y: 'y',
          r: 5.5,
          fill: (d: Node) => palette.color(d.id),
          stroke: 'white',
          title: (d: Node) => {
            const out = all.filter((p) => p.from === d.id).length;
            const inc = all.filter((p) => p.to === d.id).length;
            return `${d.label}: ${out} offers made, ${inc} received`;
          },
          ...actorTags(nodes, (d) => [d.id], ctx),
        }),
        label((d) => d.anchor === 'start', 'start', 9, 0),
        label((d) => d.anchor === 'end', 'end', -9, 0),
        label((d) => d.anchor === 'middle' && d.y >= 0, 'middle', 0, -12),
        label((d) => d.anchor === 'middle' && d.y < 0, 'middle', 0, 13),
      ],
    },
  };
}
