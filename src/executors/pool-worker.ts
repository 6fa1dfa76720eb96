/**
 * What a worker thread runs for one chunk: looks the task up by name and runs it. The module a
 * thread loads (`src/analysis/task-thread.ts`) default-exports `poolWorker(itsTasks)`; executors
 * never import the tasks themselves. The returned typed arrays are structured-cloned back to the
 * main thread. An error thrown by the chunk is returned as data (`ChunkFailure`): a structured
 * clone would keep only `Error` and its message, so the caller rebuilds it with its class
 * (`InputError` and its problems, …).
 */
import { serializeError } from '../core/errors.ts';
import type { PoolTaskMessage } from './pool.ts';
import type { AnyTask } from './task.ts';
import { type ChunkFailure, chunkFailure } from './thread-entry.ts';

export function poolWorker(
  tasks: Readonly<Record<string, AnyTask>>,
): (message: PoolTaskMessage) => unknown {
  return (message) => {
    const task = Object.hasOwn(tasks, message.task)
      ? (tasks[message.task] as { run(job: unknown, chunk: number): unknown })
      : undefined;
    try {
      if (!task) throw new Error(`unknown task "${message.task}"`);
      return task.run(message.job, message.chunk);
    } catch (err) {
      return chunkFailure(serializeError(err)) satisfies ChunkFailure;
    }
  };
}
