/** `entente serve`: the web workbench and HTTP API (options: program/serve.ts). */
import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { fileURLToPath } from 'node:url';
import { ANALYSIS_TASKS } from '../../analysis/tasks.ts';
import { createExecutor, executorSpec } from '../../executors/create.ts';
import { PoolExecutor } from '../../executors/pool.ts';
import { RedisExecutor } from '../../executors/redis/executor.ts';
import { InputError } from '../../core/errors.ts';
import { createServer } from '../../server/app.ts';
import { LOOPBACK_HOSTS } from '../../server/security-headers.ts';
import { describeStoreChoice, openStore } from '../../store/open-store.ts';
import { io } from '../io.ts';

/** Where `npm run build:web` puts the workbench. */
export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));
const WEB_CONFIG = fileURLToPath(new URL('../../../web/vite.config.ts', import.meta.url));

export interface ServeFlags {
  port: number;
  host: string;
  db?: string;
  workers: number;
  executor?: string;
  web: boolean;
  allowedHosts?: string;
  maxJobs?: number;
  maxJobsPerClient?: number;
}

/** A job limit from its flag, else its environment variable (a positive integer), else none. */
function jobLimit(flag: number | undefined, name: string): number | undefined {
  if (flag !== undefined) return flag;
  const text = process.env[name];
  if (text === undefined || text === '') return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new InputError({ path: name, message: `expected a positive integer, got "${text}"` });
  return n;
}

/**
 * `ENTENTE_OFF_LOOP_PARSE_CHARS`: scenario texts of at least this many characters are parsed on
 * the worker pool (default 0: every text). Unset: the default.
 */
function offLoopParse(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0)
    throw new InputError({
      path: 'ENTENTE_OFF_LOOP_PARSE_CHARS',
      message: `expected a whole number of characters (0 or more), got "${text}"`,
    });
  return n;
}

/**
 * Builds the web UI when `web/dist` is missing (a fresh clone): nothing built is committed, and
 * Vite is installed with the dev dependencies. Returns the folder, or null when it cannot build.
 */
export async function ensureWebBuilt(
  log: (s: string) => void = io.err.bind(io),
): Promise<string | null> {
  if (existsSync(`${WEB_DIST}index.html`)) return WEB_DIST;
  if (!existsSync(WEB_CONFIG)) return null;
  log('building the web workbench (first run; npm run build:web does this ahead of time)…');
  try {
    const { build } = await import('vite');
    await build({ configFile: WEB_CONFIG, logLevel: 'warn' });
    return existsSync(`${WEB_DIST}index.html`) ? WEB_DIST : null;
  } catch (err) {
    log(`could not build the web workbench (${(err as Error).message}); serving the API only`);
    return null;
  }
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
}

/** `::1` → `[::1]`: an IPv6 address as it appears in a Host header. */
const asHostName = (address: string) => (isIP(address) === 6 ? `[${address}]` : address);

/**
 * The Host names the server answers to (docs/hardening.md): the loopback names, the address it
 * listens on — every address of this machine and its name when that is 0.0.0.0 or :: — and the
 * names given by --allowed-hosts or ENTENTE_ALLOWED_HOSTS.
 */
export function allowedHostsFor(host: string, extra: string | undefined): string[] {
  const names = new Set(LOOPBACK_HOSTS);
  if (host === '0.0.0.0' || host === '::' || host === '') {
    names.add(hostname().toLowerCase());
    for (const list of Object.values(networkInterfaces()))
      for (const a of list ?? []) names.add(asHostName(a.address.replace(/%.*$/, '')));
  } else names.add(asHostName(host.toLowerCase()));
  for (const name of (extra ?? '').split(','))
    if (name.trim()) names.add(name.trim().toLowerCase());
  return [...names];
}

export async function serveCommand(flags: ServeFlags): Promise<void> {
  const token = process.env.ENTENTE_TOKEN || undefined;
  const maxJobs = jobLimit(flags.maxJobs, 'ENTENTE_MAX_JOBS');
  const maxJobsPerClient = jobLimit(flags.maxJobsPerClient, 'ENTENTE_MAX_JOBS_PER_CLIENT');
  const offLoopParseChars = offLoopParse(process.env.ENTENTE_OFF_LOOP_PARSE_CHARS);
  const spec = executorSpec(flags.executor);
  // Always a pool by default, even of one thread: a Monte Carlo chunk must not block the
  // event loop. With Redis the server only coordinates; workers elsewhere compute.
  const executor = spec
    ? createExecutor(flags.workers, ANALYSIS_TASKS, { spec })
    : new PoolExecutor({ workers: flags.workers, tasks: ANALYSIS_TASKS });
  // Forecasts finish inside their request, on worker threads too: the pool's (queued with the
  // jobs' chunks, which are short) or, when long jobs run on Redis workers, a thread of their own.
  // `--executor inline` keeps everything on the event loop, as asked.
  const quick =
    executor instanceof RedisExecutor
      ? new PoolExecutor({ workers: 1, tasks: ANALYSIS_TASKS })
      : executor;
  let store: Awaited<ReturnType<typeof openStore>>;
  let webDir: string | null;
  try {
    if (executor instanceof RedisExecutor) await executor.connect();
    webDir = flags.web ? await ensureWebBuilt() : null;
    store = await openStore(flags.db === undefined ? {} : { db: flags.db });
  } catch (err) {
    await executor.close();
    if (quick !== executor) await quick.close();
    throw err;
  }
  const server = createServer({
    store,
    token,
    webDir: webDir ?? undefined,
    executor,
    quickExecutor: quick,
    ...(offLoopParseChars !== undefined ? { offLoopParseChars } : {}),
    debug: Boolean(process.env.ENTENTE_DEBUG),
    allowedHosts: allowedHostsFor(
      flags.host,
      flags.allowedHosts ?? (process.env.ENTENTE_ALLOWED_HOSTS || undefined),
    ),
    jobLimits: {
      ...(maxJobs !== undefined ? { maxJobs } : {}),
      ...(maxJobsPerClient !== undefined ? { maxJobsPerClient } : {}),
    },
    onJobNotice: (id, notice) => {
      if (notice) io.err(`warning: run ${id}: ${notice}`);
    },
  });
  // Runs the last server left unfinished (a crash, kill -9, a stop) run again from their
  // stored requests; those that cannot are failed with the reason.
  const resumed = await server.jobs.resume();
  const { serve } = await import('@hono/node-server');
  await new Promise<void>((resolve, reject) => {
    const http = serve(
      { fetch: server.app.fetch, port: flags.port, hostname: flags.host },
      (info) => {
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
        const url = `http://${host}:${info.port}`;
        io.out(`Entente workbench on ${url}${webDir ? '' : ' (API only)'}`);
        io.out(`  API docs ${url}/docs · OpenAPI ${url}/openapi.json`);
        io.out(
          `  store: ${describeStoreChoice(flags.db === undefined ? {} : { db: flags.db })}${token ? ' · bearer token required' : ''}`,
        );
        if (executor instanceof RedisExecutor)
          io.out(`  executor: ${executor.target.display} (long jobs run on entente workers)`);
        if (resumed.resumed)
          io.out(`  resumed ${resumed.resumed} run(s) the last server left unfinished`);
        if (resumed.failed)
          io.out(
            `  ${resumed.failed} unfinished run(s) could not resume and are marked failed (see each run's error)`,
          );
        if (!token && !isLoopback(flags.host))
          io.err(
            'warning: listening beyond this machine without ENTENTE_TOKEN; anyone who can reach it can edit scenarios',
          );
        io.out('Press Ctrl-C to stop.');
      },
    );
    http.on('error', (err: NodeJS.ErrnoException) => {
      reject(
        err.code === 'EADDRINUSE'
          ? new InputError({
              path: '--port',
              message: `port ${flags.port} is in use; choose another with --port`,
            })
          : err,
      );
    });
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      http.close();
      void server
        .close()
        .then(() => store.close())
        .then(resolve, reject);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
