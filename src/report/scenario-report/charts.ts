/**
 * The report's charts: the shared specifications (`src/charts/`) built from the report's data
 * and rendered to SVG markup on the server (Plot through jsdom). Each chart gets an id prefix
 * numbered in the order the report draws it, so a report's SVG is the same on every run.
 */
import type { OutcomeSummary } from '../../analysis/monte-carlo/summarize.ts';
import type { CommitmentResult } from '../../coalitions/commitment/commitment-result.ts';
import {
  actorPositionsChart,
  type ChartSpec,
  commitmentChart,
  forecastChart,
  histogramChart,
  leversChart,
  networkChart,
  tornadoChart,
  trajectoriesChart,
} from '../../charts/index.ts';
import { renderChart } from '../../charts/render-svg.ts';
import type { Trajectory } from './model-detail.ts';
import type { IssueSection, Lever, Report, SensitivitySection } from './report-data.ts';

export interface Charts {
  forecast(sec: IssueSection): string;
  histogram(o: OutcomeSummary, threshold: { value: number } | null, label: string): string;
  trajectories(t: Trajectory, scale: { min: number; max: number }, modelName: string): string;
  tornado(t: SensitivitySection, label: string): string;
  levers(levers: readonly Lever[], label: string): string;
  network(sec: IssueSection): string;
  actors(sec: IssueSection): string;
  /** Empty when the result has no draws. */
  commitment(r: CommitmentResult): string;
}

export function reportCharts(r: Report, modelNames: Map<string, string>): Charts {
  let n = 0;
  const draw = (spec: ChartSpec) => renderChart(spec, `chart${++n}`);
  return {
    forecast: (sec) =>
      draw(
        forecastChart(
          sec.issue,
          sec.uncertainty
            ? Object.fromEntries(
                Object.entries(sec.uncertainty)
                  .filter(([, u]) => u.runs > 0)
                  .map(([m, u]) => [m, { q10: u.q10, q90: u.q90 }]),
              )
            : null,
          modelNames,
        ),
      ),
    histogram: (o, threshold, label) => draw(histogramChart(o, threshold, label)),
    trajectories: (t, scale, modelName) => draw(trajectoriesChart(t, r.actors, scale, modelName)),
    tornado: (t, label) => draw(tornadoChart(t, label)),
    levers: (levers, label) => draw(leversChart(levers, label)),
    network: (sec) => draw(networkChart(sec.pressures, r.actors, sec.issue.name, { top: 30 })),
    actors: (sec) => draw(actorPositionsChart(sec.issue, sec.actors, r.actors)),
    commitment: (c) => {
      const spec = commitmentChart(c);
      return spec ? draw(spec) : '';
    },
  };
}
