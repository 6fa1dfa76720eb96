/**
 * Runs chunks on a piscina pool of worker threads (one per core by default). Each worker gets
 * (task name, job, chunk index) and returns the chunk's typed arrays; nothing is sent per run.
 * Results are delivered in chunk order: early finishers wait in a small buffer, and at most
 * `2 × workers` chunks are in flight or waiting, so memory stays flat however many chunks a job has.
 *
 * A chunk's error comes back with its class (`InputError` and its problems, `ModelError`, …):
 * the thread returns it as data and it is rebuilt here.
 *
 * Threads load the task set's thread module (`TaskSet.thread`): the compiled worker
 * (`dist/pool-worker.js`) when the CLI runs from dist/, else the TypeScript sources through tsx.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { InternalError, reviveError } from '../core/errors.ts';
import type { ChunkRunOptions, ChunkRunSummary, Executor } from './executor.ts';
import { type Task, type TaskSet, isRegistered } from './task.ts';
import { failureOf } from './thread-entry.ts';

/** What a worker receives for one chunk. */
export interface PoolTaskMessage {
  readonly task: string;
  readonly job: unknown;
  readonly chunk: number;
}

export interface PoolOptions {
  /** The tasks the threads can run, and the module they load (`src/analysis/tasks.ts`). */
  readonly tasks: TaskSet;
  /** Worker threads. Default: one per core (`os.availableParallelism()`). */
  readonly workers?: number;
}

export class PoolExecutor implements Executor {
  readonly kind = 'pool';
  readonly workers: number;
  readonly #tasks: TaskSet;
  #pool: Piscina | null;

  constructor(options: PoolOptions) {
    this.workers = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
    this.#tasks = options.tasks;
    const { filename, execArgv } = options.tasks.thread;
    this.#pool = new Piscina({
      filename,
      minThreads: this.workers,
      maxThreads: this.workers,
      concurrentTasksPerWorker: 1,
      idleTimeout: 60_000,
      execArgv,
    });
  }

  run<J, R>(
    task: Task<J, R>,
    job: J,
    chunks: number,
    { onResult, signal }: ChunkRunOptions<R>,
  ): Promise<ChunkRunSummary> {
    const pool = this.#pool;
    if (!pool) return Promise.reject(new InternalError('the worker pool is closed'));
    if (!isRegistered(this.#tasks, task)) {
      return Promise.reject(
        new InternalError(`task "${task.name}" is not in the pool's task set (analysis/tasks.ts)`),
      );
    }
    const window = 2 * this.workers;
    return new Promise<ChunkRunSummary>((resolve, reject) => {
      const waiting = new Map<number, R>();
      let next = 0; // next chunk to start
      let delivered = 0; // chunks handed to onResult
      let running = 0;
      let stopped = false;
      let failure: { error: unknown } | null = null;

      // Stopping lets the chunks in flight finish (a chunk is short by design) rather than
      // terminating their threads: a restarted worker pays tsx's start-up again.
      const finish = () => {
        if (running > 0) return;
        signal?.removeEventListener('abort', onAbort);
        if (failure) {
          const { error } = failure;
          reject(error instanceof Error ? error : new Error(String(error)));
        } else resolve({ completed: delivered, aborted: delivered < chunks });
      };
      const stop = (error?: unknown) => {
        if (error !== undefined && !failure) failure = { error };
        stopped = true;
        finish();
      };
      const onAbort = () => stop();
      const deliver = () => {
        while (!stopped && waiting.has(delivered)) {
          const result = waiting.get(delivered)!;
          waiting.delete(delivered);
          try {
            onResult(delivered, result);
          } catch (error) {
            stop(error);
            return;
          }
          delivered++;
        }
      };
      const pump = () => {
        while (!stopped && next < chunks && next - delivered < window) {
          const chunk = next++;
          running++;
          const message: PoolTaskMessage = { task: task.name, job, chunk };
          (pool.run(message) as Promise<R>).then(
            (result) => {
              running--;
              const failed = failureOf(result);
              if (failed) return stop(reviveError(failed));
              if (stopped) return finish();
              waiting.set(chunk, result);
              deliver();
              if (delivered === chunks) return stop();
              pump();
            },
            (error: unknown) => {
              running--;
              stop(error);
            },
          );
        }
      };
      if (signal?.aborted) return resolve({ completed: 0, aborted: chunks > 0 });
      if (chunks === 0) return resolve({ completed: 0, aborted: false });
      signal?.addEventListener('abort', onAbort, { once: true });
      pump();
    });
  }

  async close(): Promise<void> {
    const pool = this.#pool;
    this.#pool = null;
    if (pool) await pool.destroy();
  }
}
