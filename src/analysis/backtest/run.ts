/**
 * The backtest's models on an executor: {@link prepareBacktest} turns the runs into a plain job
 * (`task.ts`), {@link runBacktestModels} runs its chunks (blocks of issues) wherever the executor
 * runs them and merges them, in chunk order, into one forecast column per run — bit-identical to
 * {@link runColumn} in process, whatever the executor or the number of workers.
 */
import { InternalError } from '../../core/errors.ts';
import type { DeuCases } from '../../formats/deu-cases.ts';
import type { Executor } from '../../executors/executor.ts';
import { type Analysis, runAnalysis } from '../analysis.ts';
import type { EnsembleSpec } from '../../models/ensemble.ts';
import { listModels } from '../../models/registry.ts';
import {
  type BacktestRun,
  type ForecastColumn,
  forecastColumn,
  scoreableInputs,
} from './backtest.ts';
import {
  type BacktestJob,
  type BacktestJobModel,
  type IssueFailure,
  type BacktestChunk,
  backtestTask,
  issuesInChunk,
} from './task.ts';

/**
 * Issues per chunk by default. A chunk of the DEU training file with every model is about 0.2 s
 * (SMP is most of it), well above an executor's per-chunk cost (under 1 ms in the pool, ~6 ms
 * through Redis), and 260 issues still make 17 chunks to spread. At most 1000 chunks.
 */
export const DEFAULT_BACKTEST_CHUNK = 16;

export interface PreparedBacktest {
  readonly job: BacktestJob;
  /** The runs the job was made from (names, notes, predictive distributions stay here). */
  readonly runs: readonly BacktestRun[];
  readonly chunks: number;
}

function jobModel(run: BacktestRun, inputs: number, stream: number): BacktestJobModel {
  const spec = (run.model as { spec?: EnsembleSpec }).spec;
  if (run.model.id === 'ensemble' && spec) {
    return { id: run.model.id, options: run.options, ensemble: spec, inputs, stream };
  }
  if (!listModels().includes(run.model)) {
    throw new InternalError(
      `model "${run.model.id}" is not the registry's: only registered models run on an executor`,
    );
  }
  return { id: run.model.id, options: run.options, inputs, stream };
}

/** The job of a backtest's runs (run k gets stream k, as in {@link runBacktest}). */
export function prepareBacktest(
  runs: readonly BacktestRun[],
  seed: number,
  plan: { chunkSize?: number } = {},
): PreparedBacktest {
  const first = runs[0];
  if (!first) throw new RangeError('a backtest needs at least one model');
  const n = first.cases.cases.length;
  const sets: DeuCases[] = [];
  const models = runs.map((run, k) => {
    if (run.cases.cases.length !== n) {
      throw new InternalError('every run of a backtest must read the same file');
    }
    let at = sets.indexOf(run.cases);
    if (at < 0) at = sets.push(run.cases) - 1;
    return jobModel(run, at, k);
  });
  const chunkSize = plan.chunkSize ?? Math.max(DEFAULT_BACKTEST_CHUNK, Math.ceil(n / 1000));
  const job: BacktestJob = {
    seed,
    chunkSize,
    issueIds: first.cases.cases.map((c) => c.issue.id),
    inputs: sets.map(scoreableInputs),
    models,
  };
  return { job, runs, chunks: Math.ceil(n / chunkSize) };
}

export interface BacktestModelsOutcome {
  /** One column per run, in run order (complete only when not `partial`). */
  readonly columns: ForecastColumn[];
  /** Issues forecast by every model: 0..issuesDone−1. */
  readonly issuesDone: number;
  /** True when stopped before every chunk ran. */
  readonly partial: boolean;
}

/** The models' forecasts of every DEU issue as an analysis (`analysis.ts`): the columns. */
export function backtestChunks(prepared: PreparedBacktest): Analysis<BacktestModelsOutcome> {
  const { job, runs } = prepared;
  const n = job.issueIds.length;
  return {
    kind: 'backtest',
    work: { unit: 'issues', total: n },
    *steps() {
      const forecasts = runs.map(() => new Float64Array(n).fill(NaN));
      const failures: IssueFailure[][] = runs.map(() => []);
      const warnings = runs.map(() => 0);
      let issuesDone = 0;
      const { aborted } = yield {
        task: backtestTask,
        job,
        chunks: prepared.chunks,
        merge: (chunk: number, r: BacktestChunk) => {
          const from = chunk * job.chunkSize;
          if (r.issues !== issuesInChunk(n, job.chunkSize, chunk)) {
            throw new InternalError(`backtest chunk ${chunk} has ${r.issues} issues`);
          }
          runs.forEach((_, m) => {
            forecasts[m]!.set(r.forecasts.subarray(m * r.issues, (m + 1) * r.issues), from);
            failures[m]!.push(...r.failures[m]!);
            warnings[m]! += r.warnings[m]!;
          });
          issuesDone = from + r.issues;
          return issuesDone;
        },
      };
      return {
        columns: runs.map((run, m) =>
          forecastColumn(run, forecasts[m]!, failures[m]!, warnings[m]!),
        ),
        issuesDone,
        partial: aborted,
      };
    },
  };
}

/** Runs the job's chunks on `executor` (through {@link runAnalysis}), merged in chunk order. */
export async function runBacktestModels(
  executor: Executor,
  prepared: PreparedBacktest,
  options: { signal?: AbortSignal; onProgress?: (issuesDone: number) => void } = {},
): Promise<BacktestModelsOutcome> {
  const { signal, onProgress } = options;
  const run = await runAnalysis(executor, backtestChunks(prepared), {
    signal,
    ...(onProgress ? { onProgress: (done: number) => onProgress(done) } : {}),
  });
  return run.result;
}
