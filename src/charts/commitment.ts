/**
 * The commitment model: each candidate's P(commits) with its 95% Monte Carlo interval, in the
 * table's order, coloured by whether the candidate joins in the selected equilibrium.
 */
import * as Plot from '@observablehq/plot';
import type { CommitmentResult } from '../coalitions/commitment/commitment-result.ts';
import { COLORS } from './palette.ts';
import { type ChartContext, type ChartSpec, STYLE, hover, rowLabels, widthOf } from './spec.ts';

interface Row {
  readonly name: string;
  readonly p: number;
  readonly lo: number;
  readonly hi: number;
  readonly level: string;
  readonly joins: string;
}

const JOINS = 'joins in the selected equilibrium';
const STAYS = 'stays out';

/** `null` when the result has no draws (no probabilities to draw). */
export function commitmentChart(r: CommitmentResult, ctx: ChartContext = {}): ChartSpec | null {
  const rows: Row[] = r.candidates.flatMap((c) => {
    const pr = c.probabilities;
    if (!pr) return [];
    const half = 1.96 * pr.se;
    return [
      {
        name: c.name,
        p: pr.commits,
        lo: Math.max(0, pr.commits - half),
        hi: Math.min(1, pr.commits + half),
        level: c.level,
        joins: c.commits ? JOINS : STAYS,
      },
    ];
  });
  if (rows.length === 0) return null;
  const width = widthOf(ctx);
  const axis = rowLabels(
    rows.map((d) => d.name),
    width,
  );
  return {
    kind: 'commitment',
    title: `P(commits) per candidate to ${r.lead}’s coalition`,
    options: {
      width,
      height: 70 + rows.length * 26,
      marginLeft: axis.marginLeft,
      marginRight: 44,
      style: STYLE,
      x: {
        domain: [0, 1],
        label: 'P(commits) →',
        labelAnchor: 'center',
        grid: true,
        percent: false,
      },
      y: { domain: rows.map((d) => d.name), label: null, tickFormat: axis.tickFormat },
      color: { domain: [JOINS, STAYS], range: [COLORS.bar, '#bbb'], legend: true },
      marks: [
        Plot.barX(rows, {
          y: 'name',
          x: 'p',
          fill: 'joins',
          insetTop: 4,
          insetBottom: 4,
          title: (d: Row) =>
            `${d.name}: P(commits) ${d.p.toFixed(2)} (95%: ${d.lo.toFixed(2)}–${d.hi.toFixed(2)}); chooses ${d.level}`,
          ...hover(ctx),
        }),
        Plot.ruleY(rows, { y: 'name', x1: 'lo', x2: 'hi', stroke: '#000', strokeWidth: 1.2 }),
        Plot.text(rows, {
          y: 'name',
          x: 'hi',
          text: (d: Row) => d.p.toFixed(2),
          textAnchor: 'start',
          dx: 4,
        }),
        Plot.ruleX([0.5], { stroke: '#888', strokeDasharray: '2 3' }),
      ],
    },
  };
}
