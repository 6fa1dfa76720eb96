/**
 * Runs chunks one after another on the calling thread. Between chunks it yields to the event loop,
 * so a Ctrl-C (or any abort) is seen within one chunk.
 */
import type { ChunkRunOptions, ChunkRunSummary, Executor } from './executor.ts';
import type { Task } from './task.ts';

export class InlineExecutor implements Executor {
  readonly kind = 'inline';
  readonly workers = 1;

  async run<J, R>(
    task: Task<J, R>,
    job: J,
    chunks: number,
    { onResult, signal }: ChunkRunOptions<R>,
  ): Promise<ChunkRunSummary> {
    for (let k = 0; k < chunks; k++) {
      if (signal?.aborted) return { completed: k, aborted: true };
      onResult(k, task.run(job, k));
      if (k + 1 < chunks) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return { completed: chunks, aborted: false };
  }

  async close(): Promise<void> {}
}
