/**
 * Every task an executor can run, by name, and the module worker threads load to run them
 * (`task-thread.ts`). Whoever makes an executor hands it this set (`createExecutor(n,
 * ANALYSIS_TASKS)`), so the executors never import an analysis: a task must be here to run
 * anywhere but inline (a pool thread or a Redis worker looks it up by name).
 */
import { commitmentTask } from '../coalitions/commitment/monte-carlo.ts';
import { failTask } from '../executors/fail-task.ts';
import type { AnyTask, TaskSet } from '../executors/task.ts';
import { threadEntry } from '../executors/thread-entry.ts';
import { backtestTask } from './backtest/task.ts';
import { forecastTask } from './forecast-task.ts';
import { parseScenarioTask } from './parse-task.ts';
import { commitmentLeverTask } from './levers/commitment.ts';
import { leverTask } from './levers/task.ts';
import { monteCarloTask } from './monte-carlo/task.ts';
import { sobolTask } from './sensitivity/sobol-task.ts';
import { tornadoTask } from './sensitivity/tornado-task.ts';

const tasks = (...list: { readonly name: string }[]): Record<string, AnyTask> =>
  Object.fromEntries(list.map((t) => [t.name, t as AnyTask]));

export const TASKS: Readonly<Record<string, AnyTask>> = tasks(
  forecastTask,
  parseScenarioTask,
  monteCarloTask,
  sobolTask,
  tornadoTask,
  leverTask,
  commitmentLeverTask,
  backtestTask,
  commitmentTask,
  // Throws the error its job names: the executor contract checks errors keep their class.
  failTask,
);

/**
 * The set every shell's executor gets. Threads load `task-thread.ts` (through tsx from the
 * sources) or its compiled entry `dist/pool-worker.js` (scripts/build.js; in the bundle
 * `import.meta.url` is still this source file's URL).
 */
export const ANALYSIS_TASKS: TaskSet = {
  byName: TASKS,
  // A getter: a thread loads this module too (piscina may `require` it through tsx, where
  // `import.meta.resolve` is missing), and only the side starting threads needs the entry.
  get thread() {
    return threadEntry(
      new URL('./task-thread.ts', import.meta.url),
      new URL('../../dist/pool-worker.js', import.meta.url),
    );
  },
};
