/**
 * Every task an executor can run, by name. Worker threads (and, later, distributed workers) look
 * tasks up here, so a task must be registered to run anywhere but inline.
 */
import { leverTask } from '../analysis/levers/task.ts';
import { monteCarloTask } from '../analysis/monte-carlo/task.ts';
import { sobolTask } from '../analysis/sensitivity/sobol-task.ts';

export const TASKS = {
  [monteCarloTask.name]: monteCarloTask,
  [sobolTask.name]: sobolTask,
  [leverTask.name]: leverTask,
} as const;
