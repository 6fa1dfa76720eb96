/**
 * One interface for every analysis that runs in chunks, and one runner over any executor. The
 * CLI, the server's jobs and the reports all call {@link runAnalysis}; none of them orchestrates
 * an analysis itself.
 *
 * An analysis goes plan → tasks → merge → summarize:
 * - **plan**: a factory (`monteCarloAnalysis(scenario, prepared)`, `tornadoAnalysis(…)`, …)
 *   checks and compiles everything up front, so a bad request fails before any work starts;
 * - **tasks**: `steps()` yields each chunked job (a registered task, its job, its chunk count) in
 *   order; a later step may depend on what the earlier ones merged (the levers' pairs are chosen
 *   from their singles);
 * - **merge**: the runner hands each chunk's result, in chunk order, to the step's `merge`, so
 *   totals are bit-identical whatever the executor or the number of workers;
 * - **summarize**: the generator's return value, from what was merged (`partial` when stopped).
 *
 * A generator keeps an analysis's plan, state and summary in one place, and the runner's only
 * state is the executor's.
 */
import type { Executor } from '../executors/executor.ts';
import type { Task } from '../executors/task.ts';

/** One chunked job of an analysis. */
export interface AnalysisStep<J, R> {
  readonly task: Task<J, R>;
  readonly job: J;
  readonly chunks: number;
  /**
   * Folds chunk `chunk`'s result into the analysis (called once per chunk, in chunk order) and
   * returns the analysis's work done so far, in `work.unit`.
   */
  merge(chunk: number, result: R): number;
}

/** What the runner sends back into the analysis once a step has run. */
export interface StepOutcome {
  /** True when the run was stopped before every chunk of the step was merged. */
  readonly aborted: boolean;
}

// The steps of one analysis have different job and result types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyStep = AnalysisStep<any, any>;

export interface Analysis<Result> {
  /** `simulate`, `sensitivity`, `levers`, `commitment`, `backtest`, `report`, … */
  readonly kind: string;
  /** What the progress counts (runs, evaluations, …) and how much of it there is. */
  readonly work: { readonly unit: string; readonly total: number };
  /**
   * Yields each step (receiving whether it was stopped) and returns the result. Each call starts
   * afresh. After a stopped step the analysis should summarize at once; any step it still yields
   * is not run and comes back stopped.
   */
  steps(): Generator<AnyStep, Result, StepOutcome>;
}

export interface AnalysisRunOptions {
  /** Stops the run: no chunk starts after it; the result is summarized from what was merged. */
  readonly signal?: AbortSignal | undefined;
  /** After each merged chunk: work done so far and the total (in `work.unit`). */
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
  /** The executor's notices (`ChunkRunOptions.onNotice`): e.g. no worker has taken a chunk. */
  readonly onNotice?: ((notice: string | null) => void) | undefined;
}

export interface AnalysisOutcome<Result> {
  readonly result: Result;
  /** True when the signal stopped the run before every step had run. */
  readonly partial: boolean;
  /** Work done when the run ended (`work.unit`). */
  readonly done: number;
}

/** Runs an analysis's steps on an executor, merging chunks in order, and summarizes it. */
export async function runAnalysis<Result>(
  executor: Executor,
  analysis: Analysis<Result>,
  options: AnalysisRunOptions = {},
): Promise<AnalysisOutcome<Result>> {
  const { signal, onProgress, onNotice } = options;
  const total = analysis.work.total;
  const steps = analysis.steps();
  let partial = false;
  let done = 0;
  let next = steps.next({ aborted: false });
  while (!next.done) {
    const step = next.value;
    let aborted = true;
    if (!partial) {
      const summary = await executor.run(step.task, step.job, step.chunks, {
        onResult: (chunk, result: unknown) => {
          done = step.merge(chunk, result);
          onProgress?.(done, total);
        },
        ...(signal ? { signal } : {}),
        ...(onNotice ? { onNotice } : {}),
      });
      aborted = summary.aborted;
    }
    if (aborted) partial = true;
    next = steps.next({ aborted });
  }
  return { result: next.value, partial, done };
}

/** The same analysis with its result turned into another (e.g. merged totals → a result). */
export function mapAnalysis<A, B>(analysis: Analysis<A>, f: (a: A) => B): Analysis<B> {
  return {
    kind: analysis.kind,
    work: analysis.work,
    *steps() {
      return f(yield* analysis.steps());
    },
  };
}

/**
 * An analysis with no chunked step: its result is computed when summarized (a forecast). It runs
 * through the same runner, so a job does not need to know which kind it holds.
 */
export function immediateAnalysis<Result>(kind: string, compute: () => Result): Analysis<Result> {
  return {
    kind,
    work: { unit: 'steps', total: 0 },
    // eslint-disable-next-line require-yield
    *steps() {
      return compute();
    },
  };
}

/**
 * Several analyses run one after the other as one: progress counts each part's share (a part
 * done counts 1, so `work.total` is the number of parts with work), and `combine` gets every
 * part's result. Parts left undefined are skipped. After a stopped part the rest are not run:
 * they are absent from `results`.
 */
export function sequenceAnalyses<
  Parts extends Record<string, Analysis<unknown> | undefined>,
  Result,
>(
  kind: string,
  parts: Parts,
  combine: (
    results: { [K in keyof Parts]?: NonNullable<Parts[K]> extends Analysis<infer R> ? R : never },
    partial: boolean,
  ) => Result,
): Analysis<Result> {
  const entries = Object.entries(parts).filter(
    (e): e is [string, Analysis<unknown>] => e[1] !== undefined,
  );
  const weighted = entries.filter(([, a]) => a.work.total > 0).length;
  return {
    kind,
    work: { unit: 'parts', total: weighted },
    *steps() {
      const results: Record<string, unknown> = {};
      let before = 0;
      let partial = false;
      for (const [name, part] of entries) {
        const share = part.work.total > 0 ? 1 / part.work.total : 0;
        const it = part.steps();
        let next = it.next({ aborted: false });
        while (!next.done) {
          const step: AnalysisStep<unknown, unknown> = next.value;
          const at = before;
          const outcome: StepOutcome = yield {
            ...step,
            merge: (chunk: number, result: unknown) => at + step.merge(chunk, result) * share,
          };
          if (outcome.aborted) partial = true;
          next = it.next(outcome);
        }
        if (partial) break;
        results[name] = next.value;
        if (share > 0) before += 1;
      }
      return combine(results as Parameters<typeof combine>[0], partial);
    },
  };
}
