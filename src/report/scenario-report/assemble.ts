/**
 * Everything a report needs, computed from a scenario: the forecast of every model (traced, for
 * trajectories and dyads) and, when asked, the commitment model's draws, a Monte Carlo for the
 * uncertainty section, a tornado and levers. Planned here as one analysis
 * (`src/analysis/analysis.ts`), so `entente report` and the API's report jobs run it through the
 * same runner as every other analysis — on the caller's executor, with progress and cancel — and
 * give the same report for the same inputs.
 */
import {
  type Analysis,
  immediateAnalysis,
  runAnalysis,
  sequenceAnalyses,
} from '../../analysis/analysis.ts';
import { compareScenarios } from '../../analysis/compare.ts';
import { compareInputs } from '../../analysis/compare-inputs.ts';
import { commitmentAnalysis } from '../../analysis/commitment.ts';
import { type ModelRun, runForecast } from '../../analysis/forecast.ts';
import { commitmentLeversAnalysis } from '../../analysis/levers/commitment.ts';
import { leversAnalysis } from '../../analysis/levers/levers.ts';
import { isCommitmentTarget, parseTarget } from '../../analysis/levers/target.ts';
import { prepareMonteCarlo } from '../../analysis/monte-carlo/job.ts';
import { monteCarloAnalysis } from '../../analysis/monte-carlo/run.ts';
import { prepareTornado, tornadoAnalysis } from '../../analysis/sensitivity/tornado.ts';
import { prepareCommitment } from '../../coalitions/commitment/commitment-result.ts';
import type { Scenario } from '../../core/scenario.ts';
import type { Executor } from '../../executors/executor.ts';
import { leversFromResult, sensitivityFromTornado } from './from-analyses.ts';
import { buildReport, type Report } from './report-data.ts';

/** Draws per value tried for a commitment-model lever target (as `entente levers`). */
const COMMITMENT_LEVER_DRAWS = 200;

/** Draws of the commitment model when the report has no Monte Carlo of its own. */
export const COMMITMENT_DRAWS = 2000;

export interface ReportOptions {
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
  /**
   * The variants in the "Variants" section (ids, in order); undefined: every variant of the
   * scenario; []: no section. A scenario without variants has no section either way.
   */
  readonly variants?: readonly string[] | undefined;
  /** Where an unknown variant id is reported (`--variants` on the CLI; default `variants`). */
  readonly variantsPath?: string;
  /** When the report says it was made (the shell reads the clock). */
  readonly generatedAt: string;
}

/**
 * The report as an analysis: plans every part now (so a bad target or option fails before any
 * work starts), runs the chunked parts in order, and builds the report from their results.
 */
export function reportAnalysis(scenario: Scenario, o: ReportOptions): Analysis<Report> {
  const target = o.leversTarget === undefined ? null : parseTarget(o.leversTarget, scenario);
  const runs = o.monteCarloRuns && o.monteCarloRuns > 0 ? o.monteCarloRuns : 0;
  const leverModel = o.leverModel ?? o.models[0];
  const commitmentDraws = runs > 0 ? runs : COMMITMENT_DRAWS;
  // The variants are applied now, so an unknown id or a broken variant fails before any work.
  const variantInputs =
    scenario.variants?.length && (o.variants === undefined || o.variants.length > 0)
      ? compareInputs(scenario, { variants: o.variants, path: o.variantsPath ?? 'variants' })
      : null;
  const parts = {
    commitment: scenario.coalition?.commitment
      ? commitmentAnalysis(
          scenario,
          prepareCommitment(scenario, {
            draws: commitmentDraws,
            seed: o.seed,
            knockout: false,
          }),
        )
      : undefined,
    monteCarlo:
      runs > 0
        ? monteCarloAnalysis(
            scenario,
            prepareMonteCarlo(scenario, o.models, { runs, seed: o.seed }),
          )
        : undefined,
    tornado: o.tornado
      ? tornadoAnalysis(scenario, prepareTornado(scenario, o.models, { seed: o.seed }))
      : undefined,
    levers:
      target && isCommitmentTarget(target)
        ? commitmentLeversAnalysis(scenario, target, {
            seed: o.seed,
            draws: COMMITMENT_LEVER_DRAWS,
          })
        : target && leverModel
          ? leversAnalysis(scenario, leverModel, target, { seed: o.seed })
          : undefined,
    // The base and each variant side by side, on the report's models and seed; P(commits) over
    // the report's own draws of the commitment terms, so the base column equals "Who commits".
    variants: variantInputs
      ? immediateAnalysis('compare', () =>
          compareScenarios(variantInputs, {
            models: o.models,
            seed: o.seed,
            draws: 0,
            commitmentDraws: scenario.coalition?.commitment ? commitmentDraws : 0,
          }),
        )
      : undefined,
  };
  return sequenceAnalyses('report', parts, (done) => {
    // The coalition answer comes from the report's own draws above: the forecast's point answer
    // is enough here (no second Monte Carlo of the same terms).
    const forecast = runForecast(scenario, o.models, {
      seed: o.seed,
      trace: true,
      coalitionDraws: 0,
    });
    return buildReport({
      scenario,
      forecast,
      monteCarlo: done.monteCarlo ?? null,
      sensitivity: done.tornado ? sensitivityFromTornado(done.tornado) : null,
      levers: done.levers ? leversFromResult(done.levers) : null,
      commitment: done.commitment ?? null,
      variants: done.variants ?? null,
      generatedAt: o.generatedAt,
    });
  });
}

/** The report, run to the end on `executor` (tests and callers with no job to report to). */
export async function assembleReport(
  scenario: Scenario,
  o: ReportOptions & { readonly executor: Executor },
): Promise<Report> {
  return (await runAnalysis(o.executor, reportAnalysis(scenario, o))).result;
}
