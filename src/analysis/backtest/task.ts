/**
 * The backtest's model runs as an executor task. The job is plain data: each issue's single-issue
 * input under every capability rule the models use (null where the issue is not scoreable), the
 * model ids and options (the ensemble with its spec, so a worker runs the spec the coordinator
 * chose, not whatever `ensemble.json` it loaded), and the seed. Chunk c forecasts the contiguous
 * block of issues [c·B, (c + 1)·B) with every model.
 *
 * Issue i of the model with stream s always draws from `createRng(seed + i, s)` (as
 * {@link runColumn} does in process), so an issue's forecast depends on neither the chunk plan nor
 * the worker: merged in chunk order, the columns are bit-identical to the in-process ones.
 */
import type { NumericInput } from '../../core/numeric-input.ts';
import { createRng } from '../../core/rng.ts';
import type { Task } from '../../executors/task.ts';
import { type EnsembleSpec, createEnsembleModel } from '../../models/ensemble.ts';
import type { AnyModel } from '../../models/model.ts';
import { getModel } from '../../models/registry.ts';

/** A model as the backtest job names it. */
export interface BacktestJobModel {
  readonly id: string;
  readonly options: Record<string, unknown>;
  /** The ensemble's spec (id `ensemble` only): the worker builds the model from it. */
  readonly ensemble?: EnsembleSpec;
  /** Index into {@link BacktestJob.inputs}: the issues as built under this model's capability rule. */
  readonly inputs: number;
  /** The model's random stream (its index among the backtest's runs, as in `runForecast`). */
  readonly stream: number;
}

export interface BacktestJob {
  readonly seed: number;
  /** Issues per chunk (B). */
  readonly chunkSize: number;
  /** Issue ids in file order (for failure messages). */
  readonly issueIds: readonly string[];
  /** Per capability rule in use: issue i's input, or null where the issue is not scoreable. */
  readonly inputs: readonly (readonly (NumericInput | null)[])[];
  readonly models: readonly BacktestJobModel[];
}

export interface IssueFailure {
  readonly issueId: string;
  readonly message: string;
}

export interface BacktestChunk {
  /** Issues in this chunk (the last chunk may be short). */
  readonly issues: number;
  /** Model m's forecast of the chunk's issue j at `m · issues + j`; NaN where none. */
  readonly forecasts: Float64Array;
  /** Warnings per model, summed over the chunk's issues. */
  readonly warnings: Float64Array;
  /** Per model: the issues it failed on, in issue order, with the error message. */
  readonly failures: IssueFailure[][];
}

/**
 * Forecasts issues [from, to) with one model into `out[at + (i − from)]` (NaN where the issue is
 * not scoreable or the model failed). A model error, or a forecast that is not finite, is
 * recorded as a failure of that issue, not thrown.
 */
export function forecastIssues(
  model: AnyModel,
  options: Record<string, unknown>,
  inputs: readonly (NumericInput | null)[],
  issueIds: readonly string[],
  seed: number,
  stream: number,
  range: { from: number; to: number },
  out: Float64Array,
  at: number,
): { warnings: number; failures: IssueFailure[] } {
  const failures: IssueFailure[] = [];
  let warnings = 0;
  for (let i = range.from; i < range.to; i++) {
    out[at + i - range.from] = NaN;
    const input = inputs[i];
    if (!input) continue;
    try {
      // One stream per model (as in runForecast), reseeded per issue so issues are independent.
      const result = model.run(input, options, { rng: createRng(seed + i, stream), trace: false });
      const f = result.forecast[0]!;
      warnings += result.warnings.length;
      if (!Number.isFinite(f)) throw new Error(`forecast is ${f}`);
      out[at + i - range.from] = f;
    } catch (err) {
      failures.push({
        issueId: issueIds[i]!,
        message: err instanceof Error ? err.message : String(err),
      });
    }
  }
  return { warnings, failures };
}

/** The models a job names: registry models by id, the ensemble from its spec. */
export function jobModelsOf(job: BacktestJob): AnyModel[] {
  return job.models.map((m) => (m.ensemble ? createEnsembleModel(m.ensemble) : getModel(m.id)));
}

/** Issues in chunk k of a job over `issues` issues. */
export function issuesInChunk(issues: number, chunkSize: number, k: number): number {
  return Math.max(0, Math.min(chunkSize, issues - k * chunkSize));
}

/**
 * Chunk k: every model on issues [k·B, k·B + size). `models` are the job's models resolved
 * (default: looked up by {@link jobModelsOf}); the in-process path passes its own.
 */
export function runBacktestChunk(
  job: BacktestJob,
  chunk: number,
  models: readonly AnyModel[] = jobModelsOf(job),
): BacktestChunk {
  const from = chunk * job.chunkSize;
  const issues = issuesInChunk(job.issueIds.length, job.chunkSize, chunk);
  const forecasts = new Float64Array(job.models.length * issues);
  const warnings = new Float64Array(job.models.length);
  const failures = job.models.map((m, k) => {
    const r = forecastIssues(
      models[k]!,
      m.options,
      job.inputs[m.inputs]!,
      job.issueIds,
      job.seed,
      m.stream,
      { from, to: from + issues },
      forecasts,
      k * issues,
    );
    warnings[k] = r.warnings;
    return r.failures;
  });
  return { issues, forecasts, warnings, failures };
}

export const backtestTask: Task<BacktestJob, BacktestChunk> = {
  name: 'backtest',
  run: (job, chunk) => runBacktestChunk(job, chunk),
};
