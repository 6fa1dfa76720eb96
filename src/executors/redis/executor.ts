/**
 * The distributed executor: chunks run on `entente worker` processes on any number of hosts,
 * coordinated through Redis with BullMQ. Same results, bit for bit, as the inline and pool
 * executors — chunk k still draws from `createRng(seed, k)` and results are still delivered in
 * chunk order — only faster, and a worker that dies loses nothing (see `coordinator.ts`).
 *
 * This class is light: BullMQ and ioredis load on the first run, so choosing an executor costs
 * nothing for commands that never use Redis.
 */
import { InternalError } from '../../core/errors.ts';
import type { ChunkRunOptions, ChunkRunSummary, Executor } from '../executor.ts';
import { type Task, type TaskSet, isRegistered } from '../task.ts';
import type { RedisCoordinator, RedisRunStatus } from './coordinator.ts';
import type { RedisSettings } from './settings.ts';
import { type RedisTarget, parseRedisTarget } from './target.ts';

export type { RedisRunStatus } from './coordinator.ts';

export interface RedisExecutorOptions {
  /** The tasks the workers can run (`src/analysis/tasks.ts`); a task outside it is refused. */
  readonly tasks: TaskSet;
  /** Lifetime of a job's inputs and finished chunks in Redis without activity, s. Default 1 day. */
  readonly ttlSeconds?: number;
  /** Called when a run's status changes (chunks done, workers seen, notable events). */
  readonly onStatus?: (status: RedisRunStatus) => void;
  /** How often the coordinator checks workers and waited-for chunks, ms. Default 1000. */
  readonly checkEveryMs?: number;
  /** Timeouts, back-off and the stall warning's delay. Default: from the environment (`settings.ts`). */
  readonly settings?: RedisSettings;
}

export class RedisExecutor implements Executor {
  readonly kind = 'redis';
  readonly target: RedisTarget;
  readonly #options: RedisExecutorOptions;
  #coordinator: Promise<RedisCoordinator> | null = null;
  #closed = false;
  #workers = 1;

  /** `url`: `redis://[user:pass@]host[:port][/db][?queue=NAME]` or `rediss://…` (TLS). */
  constructor(url: string | RedisTarget, options: RedisExecutorOptions) {
    this.target = typeof url === 'string' ? parseRedisTarget(url) : url;
    this.#options = options;
  }

  /** Chunks the workers seen online can run at once (their summed concurrency); 1 until known. */
  get workers(): number {
    return this.#workers;
  }

  #load(): Promise<RedisCoordinator> {
    this.#coordinator ??= import('./coordinator.ts').then(
      ({ RedisCoordinator }) =>
        new RedisCoordinator({
          target: this.target,
          ...this.#options,
        }),
    );
    return this.#coordinator;
  }

  /** Connects now (else on the first run); rejects with an InputError if Redis is unreachable. */
  async connect(): Promise<void> {
    await (await this.#load()).ready();
  }

  async run<J, R>(
    task: Task<J, R>,
    job: J,
    chunks: number,
    options: ChunkRunOptions<R>,
  ): Promise<ChunkRunSummary> {
    if (this.#closed) throw new InternalError('the Redis executor is closed');
    if (!isRegistered(this.#options.tasks, task)) {
      throw new InternalError(
        `task "${task.name}" is not in the executor's task set (analysis/tasks.ts)`,
      );
    }
    if (options.signal?.aborted) return { completed: 0, aborted: chunks > 0 };
    if (chunks === 0) return { completed: 0, aborted: false };
    const coordinator = await this.#load();
    try {
      return await coordinator.run(task, job, chunks, options);
    } finally {
      this.#workers = coordinator.workers;
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const coordinator = this.#coordinator;
    this.#coordinator = null;
    if (coordinator) await (await coordinator).close();
  }
}
