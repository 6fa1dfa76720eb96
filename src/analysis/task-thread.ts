/**
 * The module a worker thread loads (the piscina pool and `entente worker`'s threads): runs one
 * chunk of any task in `tasks.ts`. Compiled to `dist/pool-worker.js` by scripts/build.js.
 */
import { poolWorker } from '../executors/pool-worker.ts';
import { TASKS } from './tasks.ts';

export default poolWorker(TASKS);
