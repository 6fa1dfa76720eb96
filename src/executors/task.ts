/**
 * A task an executor runs in chunks: a pure function from (job, chunk index) to a result made of
 * typed arrays (and a few plain values). The job is plain, structured-clonable data (compiled
 * numbers, model ids and options, seed), so a worker thread or a remote worker can run any chunk
 * of it; a chunk's result depends only on the job and the chunk index, never on who runs it.
 * Tasks must not mutate the job.
 */
export interface Task<J, R> {
  /** The name a worker looks the task up by (see `tasks.ts`). */
  readonly name: string;
  run(job: J, chunk: number): R;
}
