/**
 * The one interface every executor implements (inline, worker pool, and later distributed): run
 * chunks 0..chunks−1 of a task's job and hand back each chunk's reduced result, **in chunk order**,
 * so callers can merge results in a fixed order and get bit-identical totals whatever the number
 * of workers. No per-run messages: a worker receives (task, job, chunk) and returns typed arrays.
 *
 * The shared contract suite (`contract.ts`) states the guarantees; every executor must pass it.
 */
import type { Task } from './task.ts';

export interface ChunkRunOptions<R> {
  /** Called exactly once per completed chunk, in order 0, 1, 2, … (never out of order). */
  onResult: (chunk: number, result: R) => void;
  /**
   * Stops the run: no new chunk starts, nothing more is delivered (chunks in flight are left to
   * finish or cancelled, as the executor sees fit), and `run` resolves with the chunks delivered
   * so far (always a prefix 0..completed−1).
   */
  signal?: AbortSignal;
  /**
   * A notice the user should see while the run goes on (a distributed run: no worker has taken a
   * chunk for a while), or null once it no longer holds. Executors with nothing to say never call it.
   */
  onNotice?: (notice: string | null) => void;
}

export interface ChunkRunSummary {
  /** Chunks delivered: 0..completed−1. */
  readonly completed: number;
  /** True when the signal stopped the run before every chunk was delivered. */
  readonly aborted: boolean;
}

export interface Executor {
  /** `inline`, `pool`, … */
  readonly kind: string;
  /** Chunks that can run at once. */
  readonly workers: number;
  /**
   * Runs `chunks` chunks of `job`. Rejects if a chunk throws (after cancelling the others); the
   * executor stays usable.
   */
  run<J, R>(
    task: Task<J, R>,
    job: J,
    chunks: number,
    options: ChunkRunOptions<R>,
  ): Promise<ChunkRunSummary>;
  /** Releases workers. Idempotent. */
  close(): Promise<void>;
}
