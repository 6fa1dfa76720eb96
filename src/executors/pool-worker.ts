/**
 * The worker thread's entry (loaded by piscina): looks the task up by name and runs one chunk.
 * The returned typed arrays are structured-cloned back to the main thread.
 */
import type { PoolTaskMessage } from './pool.ts';
import { TASKS } from './tasks.ts';

export default function runChunk(message: PoolTaskMessage): unknown {
  const task = (TASKS as Record<string, { run(job: unknown, chunk: number): unknown }>)[
    message.task
  ];
  if (!task) throw new Error(`unknown task "${message.task}"`);
  return task.run(message.job, message.chunk);
}
