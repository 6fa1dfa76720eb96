/**
 * Golden SVG snapshots of every shared chart specification (src/charts/), rendered as the
 * reports render them (Plot through jsdom), keyed by scenario and seed:
 * `__snapshots__/<scenario>-<seed>-<chart>.svg`. `npx vitest run test/charts -u` rewrites them
 * after an intended change; review the diff (or open the files) before committing. Besides the
 * snapshots, the tests check what makes the charts readable: labels apart, one colour per actor
 * across charts, ids unique and stable.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ModelRun, runForecast, type ForecastResult } from '../../src/analysis/forecast.ts';
import { parseTarget } from '../../src/analysis/levers/target.ts';
import { runLevers } from '../../src/analysis/levers/levers.ts';
import { prepareMonteCarlo } from '../../src/analysis/monte-carlo/job.ts';
import { runMonteCarlo } from '../../src/analysis/monte-carlo/run.ts';
import {
  type MonteCarloResult,
  summarizeMonteCarlo,
} from '../../src/analysis/monte-carlo/summarize.ts';
import { runTornado } from '../../src/analysis/sensitivity/tornado.ts';
import {
  actorPositionsChart,
  type ChartSpec,
  commitmentChart,
  forecastChart,
  histogramChart,
  leversChart,
  networkChart,
  planeChart,
  tornadoChart,
  trajectoriesChart,
} from '../../src/charts/index.ts';
import { leverRows, tornadoSections } from '../../src/charts/from-results.ts';
import { ACTOR_COLORS } from '../../src/charts/palette.ts';
import { renderChart } from '../../src/charts/render-svg.ts';
import type { Scenario } from '../../src/core/scenario.ts';
import { InlineExecutor } from '../../src/executors/inline.ts';
import { parseScenarioText } from '../../src/formats/scenario-file.ts';
import { defaultModelIds, getModel } from '../../src/models/registry.ts';
import { pressures, trajectories } from '../../src/report/scenario-report/model-detail.ts';

const ROOT = join(import.meta.dirname, '../..');
const SNAPSHOTS = join(import.meta.dirname, '__snapshots__');

const load = (path: string): Scenario => parseScenarioText(readFileSync(join(ROOT, path), 'utf8'));
const runs = (ids = defaultModelIds()): ModelRun[] =>
  ids.map((id) => ({ model: getModel(id), options: { ...getModel(id).defaults } }));

interface Case {
  readonly key: string;
  readonly scenario: Scenario;
  readonly seed: number;
  readonly forecast: ForecastResult;
  readonly mc: MonteCarloResult | null;
}

function makeCase(path: string, seed: number, mcRuns = 0): Promise<Case> {
  const scenario = load(path);
  const forecast = runForecast(scenario, runs(), { seed, trace: true });
  const key = `${scenario.id}-${seed}`;
  if (mcRuns === 0) return Promise.resolve({ key, scenario, seed, forecast, mc: null });
  const prepared = prepareMonteCarlo(scenario, runs(), { runs: mcRuns, seed });
  const ex = new InlineExecutor();
  return runMonteCarlo(ex, prepared).then(async (outcome) => {
    await ex.close();
    return { key, scenario, seed, forecast, mc: summarizeMonteCarlo(scenario, prepared, outcome) };
  });
}

const actorsOf = (s: Scenario) => s.actors.map((a) => ({ id: a.id, name: a.name }));
const modelNames = (f: ForecastResult) => new Map(f.models.map((m) => [m.id, m.name]));

/** Every chart of a case, by name. */
function chartsOf(c: Case): Map<string, ChartSpec> {
  const out = new Map<string, ChartSpec>();
  const actors = actorsOf(c.scenario);
  const ids = actors.map((a) => a.id);
  const names = modelNames(c.forecast);
  for (const issue of c.forecast.issues) {
    const mcIssue = c.mc?.issues.find((i) => i.id === issue.id);
    const bands = mcIssue
      ? Object.fromEntries(
          Object.entries(mcIssue.outcomes).map(([m, o]) => [m, { q10: o.q10, q90: o.q90 }]),
        )
      : null;
    out.set(`forecast-${issue.id}`, forecastChart(issue, bands, names));
    const fa = c.scenario.actors;
    out.set(
      `actors-${issue.id}`,
      actorPositionsChart(
        issue,
        issue.actors.map((a) => {
          const stance = fa.find((x) => x.id === a.id)!.stances[issue.id]!;
          const p = stance.position;
          const range: [number, number] =
            typeof p === 'number' ? [p, p] : [p.low ?? p.value, p.high ?? p.value];
          return { ...a, positionRange: range };
        }),
        actors,
      ),
    );
    for (const t of trajectories(c.forecast, ids, issue.id)) {
      out.set(
        `trajectories-${issue.id}-${t.model}`,
        trajectoriesChart(t, actors, issue.scale, names.get(t.model) ?? t.model),
      );
    }
    const press = pressures(c.forecast, ids, issue.id);
    if (press.length > 0) out.set(`network-${issue.id}`, networkChart(press, actors, issue.name));
    if (mcIssue) {
      const first = Object.keys(mcIssue.outcomes)[0]!;
      out.set(
        `histogram-${issue.id}-${first}`,
        histogramChart(mcIssue.outcomes[first]!, mcIssue.threshold, first),
      );
    }
  }
  const [ix, iy] = c.forecast.issues;
  if (ix && iy) out.set(`plane-${ix.id}-${iy.id}`, planeChart(ix, iy, actors, names));
  if (c.forecast.coalition) {
    const spec = commitmentChart(c.forecast.coalition);
    if (spec) out.set('commitment', spec);
  }
  return out;
}

const cases: Case[] = [];

beforeAll(async () => {
  cases.push(
    await makeCase('scenarios/ec-car-emissions-1994.yaml', 1),
    await makeCase('scenarios/ktab-soe-pol-comp.yaml', 1),
    await makeCase('test/fixtures/good.yaml', 7, 400),
    await makeCase('test/fixtures/commitment.yaml', 3),
  );
}, 120_000);

describe('golden SVG of every chart, by scenario and seed', () => {
  it('matches the snapshots (vitest -u rewrites them)', async () => {
    let count = 0;
    for (const c of cases) {
      for (const [name, spec] of chartsOf(c)) {
        const svg = renderChart(spec, name);
        await expect(svg).toMatchFileSnapshot(join(SNAPSHOTS, `${c.key}-${name}.svg`));
        count++;
      }
    }
    // Every kind of chart is covered by at least one case.
    const kinds = new Set(cases.flatMap((c) => [...chartsOf(c).values()].map((s) => s.kind)));
    expect([...kinds].sort()).toEqual(
      ['actors', 'commitment', 'forecast', 'histogram', 'network', 'plane', 'trajectories'].sort(),
    );
    expect(count).toBeGreaterThan(15);
  });

  it('renders the tornado and the levers of the fixture (analyses with ranges)', async () => {
    const c = cases.find((x) => x.key === 'fixture-good-7')!;
    const tornado = tornadoSections(runTornado(c.scenario, runs(['mean']), { seed: c.seed }));
    const sec = tornado.find((t) => t.issueId === 'budget' && t.model === 'mean')!;
    expect(sec.bars.length).toBeGreaterThan(0);
    await expect(renderChart(tornadoChart(sec, 'mean'), 'tornado')).toMatchFileSnapshot(
      join(SNAPSHOTS, `${c.key}-tornado-budget-mean.svg`),
    );
    const ex = new InlineExecutor();
    const levers = await runLevers(
      ex,
      c.scenario,
      runs(['mean'])[0]!,
      parseTarget('budget>=75', c.scenario),
      { seed: c.seed },
    );
    await ex.close();
    const rows = leverRows(levers);
    expect(rows.length).toBeGreaterThan(0);
    await expect(renderChart(leversChart(rows, 'budget ≥ 75'), 'levers')).toMatchFileSnapshot(
      join(SNAPSHOTS, `${c.key}-levers-budget-mean.svg`),
    );
  });

  it('is deterministic: the same spec renders to the same SVG, with ids under its prefix', () => {
    const c = cases[0]!;
    const [name, spec] = [...chartsOf(c)][0]!;
    const a = renderChart(spec, name);
    const b = renderChart(chartsOf(c).get(name)!, name);
    expect(b).toBe(a);
    expect(a).not.toMatch(/plot-clip-\d/);
  });
});

/** The end-of-line labels of a rendered trajectory chart: text, y in pixels. */
function endLabels(svg: string): { text: string; y: number }[] {
  const out: { text: string; y: number }[] = [];
  for (const g of svg.matchAll(/<g aria-label="text"[^>]*>(.*?)<\/g>/gs)) {
    for (const t of g[1]!.matchAll(
      /<text[^>]*transform="translate\(([-\d.]+),([-\d.]+)\)"[^>]*>([^<]*)/g,
    )) {
      out.push({ text: t[3]!, y: Number(t[2]) });
    }
  }
  return out;
}

describe('readable charts', () => {
  it('spreads the end-of-line labels at least 14 px apart (13 actors ending close together)', () => {
    const c = cases.find((x) => x.key === 'ktab-soe-pol-comp-1')!;
    const t = trajectories(
      c.forecast,
      c.scenario.actors.map((a) => a.id),
      'competitive',
    ).find((x) => x.model === 'smp')!;
    const scale = c.forecast.issues.find((i) => i.id === 'competitive')!.scale;
    const spec = trajectoriesChart(t, actorsOf(c.scenario), scale, 'SMP');
    const labels = endLabels(renderChart(spec, 't'));
    expect(labels.length).toBe(t.series.length);
    expect(labels.length).toBeGreaterThanOrEqual(12);
    const ys = labels.map((l) => l.y).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(13.99);
  });

  it('gives an actor the same colour in every chart, distinct for the first 16 actors', () => {
    const c = cases.find((x) => x.key === 'ktab-soe-pol-comp-1')!;
    const charts = chartsOf(c);
    const colourOf = (svg: string, label: string) =>
      new RegExp(`fill="(#[0-9a-f]{6})"[^>]*>[^<]*<title>${label}`).exec(svg)?.[1];
    const actor = c.scenario.actors[3]!;
    const plane = renderChart([...charts].find(([n]) => n.startsWith('plane-'))![1], 'p');
    const positions = renderChart([...charts].find(([n]) => n.startsWith('actors-'))![1], 'a');
    expect(colourOf(plane, actor.name)).toBe(ACTOR_COLORS[3]);
    expect(colourOf(positions, actor.name)).toBe(ACTOR_COLORS[3]);
    expect(new Set(ACTOR_COLORS).size).toBe(ACTOR_COLORS.length);
    expect(ACTOR_COLORS.length).toBeGreaterThanOrEqual(12);
  });

  it('orders the forecast chart as the table: the first model on top', () => {
    const c = cases[0]!;
    const svg = renderChart(chartsOf(c).get(`forecast-${c.forecast.issues[0]!.id}`)!, 'f');
    const first = c.forecast.models[0]!.name;
    const last = c.forecast.models[c.forecast.models.length - 1]!.name;
    const y = (name: string) =>
      Number(
        new RegExp(
          `translate\\([-\\d.]+,([-\\d.]+)\\)"[^>]*>${name.replace(/[()]/g, '\\$&')}<`,
        ).exec(svg)?.[1],
      );
    expect(y(first)).toBeLessThan(y(last));
  });
});
