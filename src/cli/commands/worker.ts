/**
 * `entente worker --redis URL`: a long-running process that takes chunks of simulations,
 * Sobol analyses and lever searches from Redis and runs them on its own worker threads, for a
 * coordinator started elsewhere with `--executor redis://…` (docs/distributed.md).
 *
 * SIGTERM or Ctrl-C: stop taking chunks and finish those in progress; a second one hands them
 * back to the queue at once (another worker takes them) and exits. Without Redis for
 * `ENTENTE_REDIS_GIVE_UP` seconds (default 300) it stops and exits 1, saying so. Options and help:
 * program/worker.ts.
 */
import { availableParallelism } from 'node:os';
import { isRedisUrl, parseRedisTarget } from '../../executors/redis/target.ts';
import { redisSettings } from '../../executors/redis/settings.ts';
import { InputError } from '../../core/errors.ts';
import { io } from '../io.ts';

export interface WorkerFlags {
  redis?: string;
  concurrency?: number;
  name?: string;
  lockTimeout: number;
}

export async function workerCommand(flags: WorkerFlags): Promise<void> {
  const env = process.env.ENTENTE_EXECUTOR;
  const url = flags.redis ?? (env && isRedisUrl(env) ? env : undefined);
  if (!url) {
    throw new InputError({
      path: '--redis',
      message: 'missing: give the Redis URL, e.g. --redis redis://127.0.0.1:6379',
    });
  }
  const target = parseRedisTarget(url, '--redis');
  const settings = redisSettings();
  const [{ RedisWorker }, { ANALYSIS_TASKS }] = await Promise.all([
    import('../../executors/redis/worker.ts'),
    import('../../analysis/tasks.ts'),
  ]);
  const worker = new RedisWorker({
    target,
    tasks: ANALYSIS_TASKS,
    concurrency: flags.concurrency ?? availableParallelism(),
    ...(flags.name ? { name: flags.name } : {}),
    lockMs: flags.lockTimeout * 1000,
    settings,
    log: (line) => io.err(`worker ${worker.name}: ${line}`),
  });
  try {
    await worker.start();
  } catch (err) {
    await worker.stop().catch(() => {});
    if (err instanceof InputError) throw err; // names the URL and what to fix
    throw new InputError({
      path: '--redis',
      message: `cannot start the worker on ${target.display}: ${(err as Error).message}`,
    });
  }
  io.out(
    `entente worker ${worker.name}: ${worker.concurrency} thread(s) on ${target.display}; waiting for chunks (Ctrl-C to stop)`,
  );
  const stopped = await new Promise<InputError | undefined>((resolve, reject) => {
    // After ENTENTE_REDIS_GIVE_UP seconds without Redis the worker stops by itself.
    void worker.gaveUp.then(resolve);
    let signals = 0;
    const onSignal = () => {
      signals++;
      if (signals === 1) {
        io.err(
          `worker ${worker.name}: stopping; finishing ${worker.active} chunk(s) in progress (signal again to hand them back)`,
        );
        worker.stop().then(() => resolve(undefined), reject);
      } else if (signals === 2) {
        io.err(`worker ${worker.name}: handing ${worker.active} chunk(s) back to the queue`);
        worker.stop({ returnChunks: true }).then(() => resolve(undefined), reject);
      } else process.exit(1);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
  if (stopped) {
    await worker.stop().catch(() => {});
    throw stopped;
  }
  io.err(`worker ${worker.name}: stopped after ${worker.chunksDone} chunk(s)`);
}
