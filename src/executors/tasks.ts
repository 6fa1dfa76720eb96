/**
 * Every task an executor can run, by name. Worker threads (and, later, distributed workers) look
 * tasks up here, so a task must be registered to run anywhere but inline.
 */
import { backtestTask } from '../analysis/backtest/task.ts';
import { leverTask } from '../analysis/levers/task.ts';
import { monteCarloTask } from '../analysis/monte-carlo/task.ts';
import { sobolTask } from '../analysis/sensitivity/sobol-task.ts';
import { tornadoTask } from '../analysis/sensitivity/tornado-task.ts';
import { commitmentTask } from '../coalitions/commitment/monte-carlo.ts';
import { failTask } from './fail-task.ts';

export const TASKS = {
  [monteCarloTask.name]: monteCarloTask,
  [sobolTask.name]: sobolTask,
  [tornadoTask.name]: tornadoTask,
  [leverTask.name]: leverTask,
  [backtestTask.name]: backtestTask,
  [commitmentTask.name]: commitmentTask,
  // Throws the error its job names: the executor contract checks errors keep their class.
  [failTask.name]: failTask,
} as const;
