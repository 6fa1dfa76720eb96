/**
 * Everything a report needs, computed from a scenario: the forecast of every model (traced, for
 * trajectories and dyads) and, when asked, a Monte Carlo for the uncertainty section. Shared by
 * `entente report` and the API so both give the same report for the same inputs.
 */
import { type ModelRun, runForecast } from '../../analysis/forecast.ts';
import { runLevers } from '../../analysis/levers/levers.ts';
import { runCommitmentLevers } from '../../analysis/levers/commitment.ts';
import { isCommitmentTarget, parseTarget } from '../../analysis/levers/target.ts';
import { runTornado } from '../../analysis/sensitivity/tornado.ts';
import { prepareMonteCarlo } from '../../analysis/monte-carlo/job.ts';
import { runMonteCarlo } from '../../analysis/monte-carlo/run.ts';
import { summarizeMonteCarlo } from '../../analysis/monte-carlo/summarize.ts';
import {
  type CommitmentResult,
  assembleCommitment,
  prepareCommitment,
} from '../../coalitions/commitment/commitment-result.ts';
import { runCommitmentJobs } from '../../coalitions/commitment/run.ts';
import type { Scenario } from '../../core/scenario.ts';
import type { Executor } from '../../executors/executor.ts';
import { InlineExecutor } from '../../executors/inline.ts';
import { leversFromResult, sensitivityFromTornado } from './from-analyses.ts';
import { buildReport, type Lever, type Report, type SensitivitySection } from './report-data.ts';

/** Draws per value tried for a commitment-model lever target (as `entente levers`). */
const COMMITMENT_LEVER_DRAWS = 200;

/** Draws of the commitment model when the report has no Monte Carlo of its own. */
export const COMMITMENT_DRAWS = 2000;

export interface AssembleOptions {
  readonly models: readonly ModelRun[];
  readonly seed: number;
  /** Monte Carlo runs for intervals and P(≥ threshold); 0 or absent: none. */
  readonly monteCarloRuns?: number;
  /** Add a tornado (one-at-a-time sensitivity) for every model. */
  readonly tornado?: boolean;
  /** Add levers toward this target (e.g. `coalition>=75`), for `leverModel`. */
  readonly leversTarget?: string;
  /** The model levers use; default the first of `models`. */
  readonly leverModel?: ModelRun;
  readonly executor?: Executor;
  readonly generatedAt: string;
}

export async function assembleReport(scenario: Scenario, o: AssembleOptions): Promise<Report> {
  // The coalition answer is computed below with the report's own draws, on the executor: the
  // forecast's point answer is enough here (no second Monte Carlo of the same terms).
  const forecast = runForecast(scenario, o.models, {
    seed: o.seed,
    trace: true,
    coalitionDraws: 0,
  });
  // Parse the target before any long computation, so a typo fails at once.
  const target = o.leversTarget === undefined ? null : parseTarget(o.leversTarget, scenario);
  const executor = o.executor ?? new InlineExecutor();
  let monteCarlo = null;
  let sensitivity: SensitivitySection[] | null = null;
  let levers: Lever[] | null = null;
  let commitment: CommitmentResult | null = null;
  try {
    if (scenario.coalition?.commitment) {
      const prepared = prepareCommitment(scenario, {
        draws: o.monteCarloRuns && o.monteCarloRuns > 0 ? o.monteCarloRuns : COMMITMENT_DRAWS,
        seed: o.seed,
        knockout: false,
      });
      const outcome = await runCommitmentJobs(executor, prepared);
      commitment = assembleCommitment(scenario, prepared, outcome.totals);
    }
    if (o.monteCarloRuns && o.monteCarloRuns > 0) {
      const prepared = prepareMonteCarlo(scenario, o.models, {
        runs: o.monteCarloRuns,
        seed: o.seed,
      });
      const outcome = await runMonteCarlo(executor, prepared);
      monteCarlo = summarizeMonteCarlo(scenario, prepared, outcome);
    }
    if (o.tornado)
      sensitivity = sensitivityFromTornado(runTornado(scenario, o.models, { seed: o.seed }));
    const leverModel = o.leverModel ?? o.models[0];
    if (target && isCommitmentTarget(target)) {
      levers = leversFromResult(
        await runCommitmentLevers(scenario, target, {
          seed: o.seed,
          draws: COMMITMENT_LEVER_DRAWS,
        }),
      );
    } else if (target && leverModel) {
      levers = leversFromResult(
        await runLevers(executor, scenario, leverModel, target, { seed: o.seed }),
      );
    }
  } finally {
    if (!o.executor) await executor.close();
  }
  return buildReport({
    scenario,
    forecast,
    monteCarlo,
    sensitivity,
    levers,
    commitment,
    generatedAt: o.generatedAt,
  });
}
