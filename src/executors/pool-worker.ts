/**
 * The worker thread's entry (loaded by piscina): looks the task up by name and runs one chunk.
 * The returned typed arrays are structured-cloned back to the main thread. An error thrown by the
 * chunk is returned as data (`ChunkFailure`): a structured clone would keep only `Error` and its
 * message, so the caller rebuilds it with its class (`InputError` and its problems, …).
 */
import { serializeError } from '../core/errors.ts';
import type { PoolTaskMessage } from './pool.ts';
import { TASKS } from './tasks.ts';
import { type ChunkFailure, chunkFailure } from './thread-entry.ts';

export default function runChunk(message: PoolTaskMessage): unknown {
  const task = (TASKS as Record<string, { run(job: unknown, chunk: number): unknown }>)[
    message.task
  ];
  try {
    if (!task) throw new Error(`unknown task "${message.task}"`);
    return task.run(message.job, message.chunk);
  } catch (err) {
    return chunkFailure(serializeError(err)) satisfies ChunkFailure;
  }
}
