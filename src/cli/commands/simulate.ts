/**
 * `entente simulate`: Monte Carlo over the ranges of a scenario's inputs. Draws every ranged
 * input, runs the models on each draw (in chunks, on a worker pool by default) and reports the
 * distribution of outcomes: mean, quantiles, a histogram and P(outcome ≥ threshold).
 * Options and help: program/simulate.ts.
 */
import { prepareMonteCarlo } from '../../analysis/monte-carlo/job.ts';
import { monteCarloAnalysis } from '../../analysis/monte-carlo/run.ts';
import type { DistributionName } from '../../analysis/uncertainty/distributions.ts';
import { io } from '../io.ts';
import { loadScenario } from '../load.ts';
import { INTERRUPTED_EXIT_CODE } from '../progress.ts';
import { renderSimulation } from '../render/uncertainty.ts';
import { resolveIssues } from './issues.ts';
import { executorFor, runAnalysisJob } from './jobs.ts';
import { resolveModelRuns } from './model-runs.ts';

export interface SimulateFlags {
  model: string[];
  option: string[];
  issue: string[];
  seed: number;
  runs: number;
  workers?: number;
  executor?: string;
  distribution: DistributionName;
  correlation: number;
  json?: boolean;
  progress: boolean;
  [perModelOption: string]: unknown;
}

export async function simulateCommand(
  ref: string | undefined,
  flags: SimulateFlags,
): Promise<void> {
  const { scenario } = loadScenario(ref);
  const issueIds = resolveIssues(scenario, flags.issue);
  const runs = resolveModelRuns(flags, scenario.actors.length);
  const prepared = prepareMonteCarlo(scenario, runs, {
    runs: flags.runs,
    seed: flags.seed,
    sampling: { distribution: flags.distribution, correlation: flags.correlation },
    ...(issueIds ? { issueIds } : {}),
  });
  const executor = executorFor(flags.workers, prepared.chunks, flags);
  const { result, partial } = await runAnalysisJob(
    executor,
    monteCarloAnalysis(scenario, prepared),
    { label: 'simulate', progress: flags.progress },
  );
  if (flags.json) io.json(result);
  else io.out(renderSimulation(result));
  if (partial) process.exitCode = INTERRUPTED_EXIT_CODE;
}
