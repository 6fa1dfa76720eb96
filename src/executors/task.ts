/**
 * A task an executor runs in chunks: a pure function from (job, chunk index) to a result made of
 * typed arrays (and a few plain values). The job is plain, structured-clonable data (compiled
 * numbers, model ids and options, seed), so a worker thread or a remote worker can run any chunk
 * of it; a chunk's result depends only on the job and the chunk index, never on who runs it.
 * Tasks must not mutate the job.
 */
export interface Task<J, R> {
  /** The name a worker looks the task up by (see {@link TaskSet}). */
  readonly name: string;
  run(job: J, chunk: number): R;
}

/** Any task, as a registry holds it. */
export type AnyTask = Task<never, unknown>;

/** Where worker threads start, and with which Node flags. */
export interface ThreadEntry {
  /** URL of the thread's module; its default export runs one chunk (`pool-worker.ts`). */
  readonly filename: string;
  /** Node flags of the thread. */
  readonly execArgv: string[];
}

/**
 * The tasks an executor can run by name, and the module a worker thread loads to run them.
 * Executors do not know the tasks: the layer that defines them (`src/analysis/tasks.ts`) hands
 * its set to whoever makes an executor, so `src/executors/` imports nothing above `src/core/`.
 * A task must be in the set to run anywhere but inline (threads and Redis workers look it up by
 * name in the same set, loaded by `thread`).
 */
export interface TaskSet {
  readonly byName: Readonly<Record<string, AnyTask>>;
  readonly thread: ThreadEntry;
}

/** True when `task` is the very task `tasks` registers under its name. */
export function isRegistered(tasks: TaskSet, task: { readonly name: string }): boolean {
  return Object.hasOwn(tasks.byName, task.name) && tasks.byName[task.name] === task;
}
