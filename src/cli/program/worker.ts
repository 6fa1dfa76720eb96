import { type Command, InvalidArgumentError } from 'commander';
import { availableParallelism } from 'node:os';
import type { WorkerFlags } from '../commands/worker.ts';
import { parsePositiveInt } from './options.ts';

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
      const { workerCommand } = await import('../commands/worker.ts');
      await workerCommand(flags);
    });
}
