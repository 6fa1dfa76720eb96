/**
 * The executor a shell uses for `--workers N`: inline for one worker (no thread start-up cost),
 * else a worker pool. Results never depend on the choice.
 */
import type { Executor } from './executor.ts';
import { InlineExecutor } from './inline.ts';
import { PoolExecutor } from './pool.ts';

export function createExecutor(workers: number): Executor {
  return workers <= 1 ? new InlineExecutor() : new PoolExecutor({ workers });
}
