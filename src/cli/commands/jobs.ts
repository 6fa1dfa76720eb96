/** The executor a command's chunks run on, from `--workers` and `--executor`. */
import { availableParallelism } from 'node:os';
import { type Analysis, type AnalysisOutcome, runAnalysis } from '../../analysis/analysis.ts';
import { ANALYSIS_TASKS } from '../../analysis/tasks.ts';
import { createExecutor, executorSpec } from '../../executors/create.ts';
import type { Executor } from '../../executors/executor.ts';
import { io } from '../io.ts';
import { createProgress, onInterrupt, progressEnabled } from '../progress.ts';

/**
 * `--workers` for a short job that runs inline unless asked otherwise: `--workers N`, else one
 * per core when an executor is named (`--executor pool`), else 1 (inline, no thread start-up).
 */
export function inlineByDefault(flags: {
  workers?: number;
  executor?: string;
}): number | undefined {
  if (flags.workers !== undefined) return flags.workers;
  return executorSpec(flags.executor) === undefined ? 1 : undefined;
}

/**
 * The executor for `--executor` / `ENTENTE_EXECUTOR`, else for `--workers` (default: one per
 * core, never more than there are chunks). A Redis executor notes on stderr when the job resumes,
 * workers join and chunks are retried (unless `--no-progress`), and warns, even with
 * `--no-progress`, when no worker has taken a chunk for `ENTENTE_REDIS_STALL` seconds.
 */
export function executorFor(
  workers: number | undefined,
  chunks: number,
  flags: { executor?: string; progress?: boolean } = {},
): Executor {
  const quiet = flags.progress === false || process.env.ENTENTE_PROGRESS === 'never';
  return createExecutor(
    Math.min(workers ?? availableParallelism(), Math.max(1, chunks)),
    ANALYSIS_TASKS,
    {
      spec: executorSpec(flags.executor),
      redis: {
        onStatus: (s) => {
          // A warning (no worker has taken a chunk for a while) is printed even without progress.
          const line = s.warning ? `warning: ${s.warning}` : quiet ? undefined : s.event;
          if (!line) return;
          const clear = process.stderr.isTTY ? '\r\x1b[2K' : '';
          io.err(
            `${clear}redis: ${line} · ${s.chunksDone}/${s.chunks} chunks done · ${s.workersOnline} worker(s) online`,
          );
        },
      },
    },
  );
}

/** What a long job's body gets: Ctrl-C as an abort signal, and the progress bar's update. */
export interface JobControls {
  readonly signal: AbortSignal;
  readonly onProgress: (done: number, total?: number) => void;
}

/**
 * Runs a long job's body with Ctrl-C as its abort signal and a progress bar on stderr (`unit`s of
 * work out of `total`; `--no-progress` turns it off), then stops the bar, removes the Ctrl-C
 * handler and closes the executor, however the body ends.
 */
export async function runJob<T>(
  executor: Executor,
  bar: { label: string; unit: string; total: number; progress: boolean | undefined },
  body: (controls: JobControls) => Promise<T>,
): Promise<T> {
  const interrupt = onInterrupt();
  const progress = createProgress({
    label: bar.label,
    unit: bar.unit,
    total: bar.total,
    enabled: progressEnabled(bar.progress),
  });
  try {
    return await body({
      signal: interrupt.signal,
      onProgress: (done, total) => progress.update(done, total),
    });
  } finally {
    progress.stop();
    interrupt.dispose();
    await executor.close();
  }
}

/**
 * Runs an analysis (`src/analysis/analysis.ts`) on the executor as a long job: Ctrl-C stops it,
 * the bar counts the analysis's own work (`--no-progress`, or no work at all, turns it off), and
 * the executor is closed however it ends.
 */
export function runAnalysisJob<R>(
  executor: Executor,
  analysis: Analysis<R>,
  bar: { label: string; progress: boolean | undefined },
): Promise<AnalysisOutcome<R>> {
  const { unit, total } = analysis.work;
  return runJob(
    executor,
    { label: bar.label, unit, total, progress: total > 0 ? bar.progress : false },
    (job) => runAnalysis(executor, analysis, job),
  );
}
