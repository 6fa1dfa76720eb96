/**
 * A throwaway Redis for tests and benchmarks: Debian's `redis-server` on 127.0.0.1, on a free
 * port, in a temporary folder, with persistence off. Never listens beyond loopback.
 *
 * `testRedis()` prefers a server that is already running (`ENTENTE_TEST_REDIS_URL` or `REDIS_URL`,
 * as `.ci/run` sets) and otherwise starts one; it answers `null` with a reason when neither is
 * possible (no `redis-server` on this machine), so a suite can skip and say why.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LocalRedis {
  /** `redis://127.0.0.1:PORT`. */
  readonly url: string;
  /** Stops the server this helper started (a no-op for a server found running). */
  stop(): Promise<void>;
}

/** A server this helper started: its port, and a way to signal it (SIGKILL, SIGSTOP, SIGCONT). */
export interface StartedRedis extends LocalRedis {
  readonly port: number;
  kill(signal: NodeJS.Signals): void;
}

export interface StartRedisOptions {
  /** Default: a free port. */
  readonly port?: number;
  /** More `redis-server` arguments, e.g. `['--requirepass', 'secret']`. */
  readonly args?: readonly string[];
}

export const REDIS_SERVER = process.env.ENTENTE_REDIS_SERVER ?? 'redis-server';

/** The URL of a Redis the environment names for tests, if any. */
export function configuredTestRedis(): string | undefined {
  return process.env.ENTENTE_TEST_REDIS_URL || process.env.REDIS_URL || undefined;
}

/** True when `redis-server` can be started here. */
export function hasRedisServer(): boolean {
  const r = spawnSync(REDIS_SERVER, ['--version'], { encoding: 'utf8' });
  return r.status === 0;
}

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Starts `redis-server` on 127.0.0.1; resolves once it accepts connections (at most 10 s). */
export async function startLocalRedis(options: StartRedisOptions = {}): Promise<StartedRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'entente-redis-'));
  const port = options.port ?? (await freePort());
  const child: ChildProcess = spawn(
    REDIS_SERVER,
    [
      '--bind',
      '127.0.0.1',
      '--port',
      String(port),
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
      '--protected-mode',
      'yes',
      '--loglevel',
      'warning',
      ...(options.args ?? []),
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  let exited = false;
  child.once('exit', () => (exited = true));
  const stop = async () => {
    if (!exited) {
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 3000))]);
      if (!exited) child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (exited) break;
    if (await canConnect(port)) {
      const kill = (signal: NodeJS.Signals) => {
        if (!exited) child.kill(signal);
      };
      return { url: `redis://127.0.0.1:${port}`, port, stop, kill };
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await stop();
  throw new Error(`redis-server did not start on 127.0.0.1:${port}: ${stderr.trim() || 'timeout'}`);
}

/** A Redis for a test suite, or why there is none. */
export async function testRedis(): Promise<LocalRedis | { skip: string }> {
  const url = configuredTestRedis();
  if (url) return { url, stop: async () => {} };
  if (!hasRedisServer()) {
    return {
      skip: `${REDIS_SERVER} is not installed (apt-get install redis-server) and ENTENTE_TEST_REDIS_URL is not set`,
    };
  }
  return startLocalRedis();
}
