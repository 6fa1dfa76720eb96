/**
 * The executor a shell uses: `--executor` (or `ENTENTE_EXECUTOR`) names one; otherwise
 * `--workers N` picks inline for one worker (no thread start-up cost), else a worker pool.
 * Results never depend on the choice.
 *
 * Executor specs: `inline`, `pool`, `redis://[user:pass@]host[:port][/db][?queue=NAME]` or
 * `rediss://…` (BullMQ workers on any number of hosts; docs/distributed.md).
 */
import { InputError } from '../core/errors.ts';
import type { Executor } from './executor.ts';
import type { TaskSet } from './task.ts';
import { InlineExecutor } from './inline.ts';
import { PoolExecutor } from './pool.ts';
import { RedisExecutor, type RedisExecutorOptions } from './redis/executor.ts';
import { isRedisUrl } from './redis/target.ts';

export interface ExecutorChoice {
  /** `--executor` or `ENTENTE_EXECUTOR`: `inline`, `pool` or a Redis URL. Unset: by `workers`. */
  readonly spec?: string | undefined;
  /** For a Redis executor: progress and events. */
  readonly redis?: Omit<RedisExecutorOptions, 'tasks'>;
}

/** The spec in force: the flag, else `ENTENTE_EXECUTOR`, else none. */
export function executorSpec(flag: string | undefined, env = process.env): string | undefined {
  const spec = flag ?? env.ENTENTE_EXECUTOR;
  return spec && spec.trim() !== '' ? spec.trim() : undefined;
}

/** `tasks`: what the executor's workers can run (`src/analysis/tasks.ts`). */
export function createExecutor(
  workers: number,
  tasks: TaskSet,
  choice: ExecutorChoice = {},
): Executor {
  const spec = choice.spec;
  if (spec === undefined) {
    return workers <= 1 ? new InlineExecutor() : new PoolExecutor({ workers, tasks });
  }
  if (spec === 'inline') return new InlineExecutor();
  if (spec === 'pool') return new PoolExecutor({ workers: Math.max(1, workers), tasks });
  if (isRedisUrl(spec)) return new RedisExecutor(spec, { ...choice.redis, tasks });
  throw new InputError({
    path: '--executor',
    message: `"${spec}" is not an executor: use inline, pool, or redis://host:6379 (also set by ENTENTE_EXECUTOR)`,
  });
}
