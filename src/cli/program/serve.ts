import { type Command, InvalidArgumentError } from 'commander';
import { availableParallelism } from 'node:os';
import type { ServeFlags } from '../commands/serve.ts';
import { parsePositiveInt } from './options.ts';

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('expected a port 0–65535');
  return n;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Start the web workbench and HTTP API (embedded SQLite; nothing else to install)')
    .option('-p, --port <port>', 'port to listen on (0 = any free port)', parsePort, 8377)
    .option(
      '--host <host>',
      'address to listen on (0.0.0.0 to share it; then set ENTENTE_TOKEN)',
      '127.0.0.1',
    )
    .option(
      '--db <file>',
      'SQLite file (default $ENTENTE_DB or ~/.entente/entente.db; DATABASE_URL selects PostgreSQL)',
    )
    .option(
      '--workers <n>',
      'worker threads for simulations and levers (default: cores − 1); they keep the server responsive',
      parsePositiveInt,
      Math.max(1, availableParallelism() - 1),
    )
    .option(
      '--executor <spec>',
      'where long jobs run: pool (default) or redis://host:6379 to queue them for `entente worker`s (default $ENTENTE_EXECUTOR)',
    )
    .option(
      '--allowed-hosts <names>',
      'also answer to these Host names, comma-separated (name, name:port, .domain for its subdomains, * for any; default $ENTENTE_ALLOWED_HOSTS); loopback names and --host always',
    )
    .option(
      '--max-jobs <n>',
      'long jobs (simulations, sensitivity, levers, commitment, reports) queued or running at once; more get 429 (default $ENTENTE_MAX_JOBS or 100)',
      parsePositiveInt,
    )
    .option(
      '--max-jobs-per-client <n>',
      'long jobs queued or running for one client address; more get 429 (default $ENTENTE_MAX_JOBS_PER_CLIENT or 10)',
      parsePositiveInt,
    )
    .option('--no-web', 'serve the API only')
    .addHelpText(
      'after',
      `
Environment:
  ENTENTE_DB      the SQLite file (default ~/.entente/entente.db)
  DATABASE_URL    use PostgreSQL instead (postgres://user:pass@host/db)
  ENTENTE_TOKEN   require "Authorization: Bearer <token>" on /api/*
  ENTENTE_EXECUTOR  redis://host:6379: simulations and levers run on entente workers
  ENTENTE_ALLOWED_HOSTS  Host names to answer to besides loopback and --host (e.g. entente.example.org)
  ENTENTE_MAX_JOBS, ENTENTE_MAX_JOBS_PER_CLIENT  as --max-jobs, --max-jobs-per-client

Examples:
  $ entente serve                       # http://127.0.0.1:8377
  $ entente serve --port 9000 --db ./team.db
  $ ENTENTE_TOKEN=s3cret entente serve --host 0.0.0.0`,
    )
    .action(async (flags: ServeFlags) => {
      const { serveCommand } = await import('../commands/serve.ts');
      await serveCommand(flags);
    });
}
