/**
 * A task that throws the error its job describes (in the chunks it names): the executor contract
 * (`contract.ts`) runs it on every executor to check that an error thrown in a chunk comes back
 * to the caller with its class (`InputError` with its problems, `ModelError`, `InternalError`).
 * Registered in `tasks.ts` like any task, so worker threads and Redis workers can run it.
 */
import { type SerializedError, reviveError } from '../core/errors.ts';
import type { Task } from './task.ts';

export interface FailJob {
  /** What to throw. */
  readonly error: SerializedError;
  /** The chunks that throw; all when absent. The others return `{ chunk }`. */
  readonly chunks?: readonly number[];
}

export const failTask: Task<FailJob, { chunk: number }> = {
  name: 'fail',
  run(job, chunk) {
    if (!job.chunks || job.chunks.includes(chunk)) throw reviveError(job.error);
    return { chunk };
  },
};
