/**
 * `entente worker --redis URL`: a long-running process that takes chunks of simulations,
 * Sobol analyses and lever searches from Redis and runs them on its own worker threads, for a
 * coordinator started elsewhere with `--executor redis://…` (docs/distributed.md).
 *
 * SIGTERM or Ctrl-C: stop taking chunks and finish those in progress; a second one hands them
 * back to the queue at once (another worker takes them) and exits.
 */
import { type Command, InvalidArgumentError } from 'commander';
import { availableParallelism } from 'node:os';
import { isRedisUrl, parseRedisTarget } from '../../executors/redis/target.ts';
import { InputError } from '../../core/errors.ts';
import { io } from '../io.ts';
import { parsePositiveInt } from './shared.ts';

interface WorkerFlags {
  redis?: string;
  concurrency?: number;
  name?: string;
  lockTimeout: number;
}

function parseSeconds(value: string): number {
  const x = Number(value);
  if (value.trim() === '' || !(x >= 0.5 && x <= 3600)) {
    throw new InvalidArgumentError('expected seconds between 0.5 and 3600');
  }
  return x;
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description(
      'Run chunks of distributed simulations, Sobol analyses and lever searches taken from Redis',
    )
    .option(
      '--redis <url>',
      'redis://[:password@]host:6379[/db][?queue=NAME] or rediss://… (TLS); default $ENTENTE_EXECUTOR',
    )
    .option(
      '-c, --concurrency <n>',
      `chunks run at once, one worker thread each (default: one per core, here ${availableParallelism()})`,
      parsePositiveInt,
    )
    .option('--name <name>', 'name shown on coordinators’ progress (default: <hostname>-<pid>)')
    .option(
      '--lock-timeout <seconds>',
      'a chunk whose worker stops responding goes to another worker after 1–2× this',
      parseSeconds,
      30,
    )
    .addHelpText(
      'after',
      `
Start Redis, start workers on as many machines as you have, then add --executor to a command:
  $ entente worker --redis redis://10.0.0.5:6379                 # on every worker machine
  $ entente simulate --model eum --runs 1000000 --executor redis://10.0.0.5:6379

Same results, bit for bit, as on one machine. SIGTERM (or Ctrl-C) finishes the chunks in
progress and exits; a second one hands them back to the queue. Never expose Redis to an
untrusted network: use a password and TLS (docs/distributed.md).`,
    )
    .action(async (flags: WorkerFlags) => {
      const env = process.env.ENTENTE_EXECUTOR;
      const url = flags.redis ?? (env && isRedisUrl(env) ? env : undefined);
      if (!url) {
        throw new InputError({
          path: '--redis',
          message: 'missing: give the Redis URL, e.g. --redis redis://127.0.0.1:6379',
        });
      }
      const target = parseRedisTarget(url, '--redis');
      const { RedisWorker } = await import('../../executors/redis/worker.ts');
      const worker = new RedisWorker({
        target,
        concurrency: flags.concurrency ?? availableParallelism(),
        ...(flags.name ? { name: flags.name } : {}),
        lockMs: flags.lockTimeout * 1000,
        log: (line) => io.err(`worker ${worker.name}: ${line}`),
      });
      try {
        await worker.start();
      } catch (err) {
        await worker.stop().catch(() => {});
        throw new InputError({
          path: '--redis',
          message: `cannot start the worker on ${target.display}: ${(err as Error).message}`,
        });
      }
      io.out(
        `entente worker ${worker.name}: ${worker.concurrency} thread(s) on ${target.display}; waiting for chunks (Ctrl-C to stop)`,
      );
      await new Promise<void>((resolve, reject) => {
        let signals = 0;
        const onSignal = () => {
          signals++;
          if (signals === 1) {
            io.err(
              `worker ${worker.name}: stopping; finishing ${worker.active} chunk(s) in progress (signal again to hand them back)`,
            );
            worker.stop().then(resolve, reject);
          } else if (signals === 2) {
            io.err(`worker ${worker.name}: handing ${worker.active} chunk(s) back to the queue`);
            worker.stop({ returnChunks: true }).then(resolve, reject);
          } else process.exit(1);
        };
        process.on('SIGTERM', onSignal);
        process.on('SIGINT', onSignal);
      });
      io.err(`worker ${worker.name}: stopped after ${worker.chunksDone} chunk(s)`);
    });
}
