/** The workbench's charts, as Observable Plot specifications over plain result data. */
import * as Plot from '@observablehq/plot';
import type { ForecastResult, IssueForecast } from '../../../src/analysis/forecast.ts';
import type { MonteCarloResult } from '../../../src/analysis/monte-carlo/summarize.ts';
import type { TornadoResult } from '../../../src/analysis/sensitivity/tornado.ts';
import type { Trajectory } from '../../../src/report/scenario-report/model-detail.ts';

const WIDTH = 720;

export function forecastComparison(
  issue: IssueForecast,
  mc: MonteCarloResult | null,
  names: Map<string, string>,
): Element {
  const mcIssue = mc?.issues.find((i) => i.id === issue.id);
  const rows = Object.entries(issue.forecasts).map(([m, f]) => {
    const o = mcIssue?.outcomes[m];
    return { model: names.get(m) ?? m, forecast: f, q10: o?.q10, q90: o?.q90 };
  });
  return Plot.plot({
    width: WIDTH,
    marginLeft: 250,
    height: 40 + rows.length * 30,
    x: { domain: [issue.scale.min, issue.scale.max], label: issue.name, grid: true },
    y: { label: null },
    marks: [
      ...(issue.threshold
        ? [Plot.ruleX([issue.threshold.value], { stroke: '#c00', strokeDasharray: '4 3' })]
        : []),
      ...(issue.referencePoint !== null
        ? [Plot.ruleX([issue.referencePoint], { stroke: '#777', strokeDasharray: '1 3' })]
        : []),
      Plot.ruleY(
        rows.filter((r) => r.q10 !== undefined),
        {
          y: 'model',
          x1: 'q10',
          x2: 'q90',
          stroke: '#0072B2',
          strokeWidth: 6,
          strokeOpacity: 0.35,
        },
      ),
      Plot.dot(rows, { y: 'model', x: 'forecast', fill: '#0072B2', r: 5, tip: true }),
      Plot.text(rows, {
        y: 'model',
        x: 'forecast',
        text: (d: { forecast: number }) => d.forecast.toFixed(1),
        dy: -10,
      }),
    ],
  });
}

export function histogram(mc: MonteCarloResult, issueId: string, model: string): Element | null {
  const issue = mc.issues.find((i) => i.id === issueId);
  const o = issue?.outcomes[model];
  if (!issue || !o || o.runs === 0) return null;
  const { min, max, counts } = o.histogram;
  const w = (max - min) / counts.length;
  const th = issue.threshold;
  const bins = counts.map((c, i) => ({
    x1: min + i * w,
    x2: min + (i + 1) * w,
    count: c,
    above: th !== null && min + i * w >= th.value,
  }));
  return Plot.plot({
    width: WIDTH,
    height: 220,
    x: { domain: [min, max], label: `${issue.name} (outcome)` },
    y: { label: 'runs', grid: true },
    color: { domain: [false, true], range: ['#0072B2', '#D55E00'] },
    marks: [
      Plot.rectY(bins, { x1: 'x1', x2: 'x2', y: 'count', fill: 'above', insetLeft: 0.5 }),
      ...(th
        ? [
            Plot.ruleX([th.value], { stroke: '#c00', strokeDasharray: '4 3' }),
            Plot.text([th.value], {
              x: (d: number) => d,
              frameAnchor: 'top',
              dy: 8,
              dx: 4,
              textAnchor: 'start',
              fill: '#c00',
              text: () =>
                o.pAtOrAbove ? `P(≥ ${th.value}) = ${(100 * o.pAtOrAbove.p).toFixed(1)}%` : '',
            }),
          ]
        : []),
      Plot.ruleY([0]),
    ],
  });
}

export function trajectoryPlot(
  t: Trajectory,
  names: Map<string, string>,
  scale: { min: number; max: number },
): Element {
  const rows = t.series.flatMap((s) =>
    s.values.flatMap((v, round) =>
      v === null ? [] : [{ actor: names.get(s.actorId) ?? s.actorId, round, value: v }],
    ),
  );
  const forecast = (t.forecast ?? []).flatMap((v, round) =>
    v === null ? [] : [{ round, value: v }],
  );
  return Plot.plot({
    width: WIDTH,
    height: 320,
    marginRight: 140,
    x: { label: 'round', domain: [0, Math.max(1, t.rounds)] },
    y: { label: 'position', domain: [scale.min, scale.max], grid: true },
    color: { legend: false, scheme: 'tableau10' },
    marks: [
      Plot.line(rows, { x: 'round', y: 'value', stroke: 'actor', tip: true }),
      Plot.text(
        rows,
        Plot.selectLast({
          x: 'round',
          y: 'value',
          z: 'actor',
          text: 'actor',
          fill: 'actor',
          textAnchor: 'start',
          dx: 4,
        }),
      ),
      ...(forecast.length
        ? [
            Plot.line(forecast, {
              x: 'round',
              y: 'value',
              stroke: '#000',
              strokeWidth: 3,
              strokeOpacity: 0.45,
            }),
          ]
        : []),
    ],
  });
}

export function tornadoPlot(
  t: TornadoResult,
  issueId: string,
  model: string,
  top = 12,
): Element | null {
  const issue = t.issues.find((i) => i.id === issueId);
  const r = issue?.models[model];
  if (!issue || !r || r.base === null) return null;
  const bars = r.bars
    .filter((b) => b.atLow !== null && b.atHigh !== null && b.swing > 0)
    .slice(0, top);
  const base = r.base;
  const rows = bars.flatMap((b) => [
    { input: b.input, x1: base, x2: b.atLow!, side: 'at low' },
    { input: b.input, x1: base, x2: b.atHigh!, side: 'at high' },
  ]);
  return Plot.plot({
    width: WIDTH,
    marginLeft: 230,
    height: 40 + bars.length * 24,
    x: { label: `${issue.name} outcome`, grid: true },
    y: { domain: bars.map((b) => b.input), label: null },
    color: { domain: ['at low', 'at high'], range: ['#56B4E9', '#E69F00'], legend: true },
    marks: [
      Plot.barX(rows, { y: 'input', x1: 'x1', x2: 'x2', fill: 'side', tip: true }),
      Plot.ruleX([base]),
    ],
  });
}

export function issuePlane(result: ForecastResult, xIssue: string, yIssue: string): Element | null {
  const ix = result.issues.find((i) => i.id === xIssue);
  const iy = result.issues.find((i) => i.id === yIssue);
  if (!ix || !iy) return null;
  const actors = ix.actors.flatMap((a) => {
    const b = iy.actors.find((x) => x.id === a.id);
    return b
      ? [
          {
            name: a.name,
            x: a.position,
            y: b.position,
            weight: a.capability * ((a.salience + b.salience) / 200),
          },
        ]
      : [];
  });
  const models = Object.keys(ix.forecasts).filter((m) => iy.forecasts[m] !== undefined);
  const forecasts = models.map((m) => ({ model: m, x: ix.forecasts[m]!, y: iy.forecasts[m]! }));
  return Plot.plot({
    width: 560,
    height: 480,
    x: { domain: [ix.scale.min, ix.scale.max], label: ix.name, grid: true },
    y: { domain: [iy.scale.min, iy.scale.max], label: iy.name, grid: true },
    r: { range: [3, 16] },
    marks: [
      Plot.dot(actors, {
        x: 'x',
        y: 'y',
        r: 'weight',
        fill: '#0072B2',
        fillOpacity: 0.5,
        stroke: '#0072B2',
        tip: true,
        title: 'name',
      }),
      Plot.text(actors, { x: 'x', y: 'y', text: 'name', dy: -12, fontSize: 10 }),
      Plot.dot(forecasts, {
        x: 'x',
        y: 'y',
        symbol: 'cross',
        r: 6,
        stroke: '#D55E00',
        strokeWidth: 2,
      }),
      Plot.text(forecasts, {
        x: 'x',
        y: 'y',
        text: 'model',
        dy: 12,
        fill: '#D55E00',
        fontSize: 10,
      }),
    ],
  });
}
