/**
 * A real `entente serve` process for the benches (and the crash test): started on a database
 * with a free port, its URL read from its banner; stopped with SIGTERM or killed with SIGKILL.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..');

export interface ServeProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly url: string;
  /** Everything it printed so far (stdout and stderr). */
  out(): string;
  /** True while the process has not exited. */
  alive(): boolean;
  /** SIGTERM, and wait for the exit. */
  stop(): Promise<void>;
  /** SIGKILL (`kill -9`), and wait for the exit. */
  kill(): Promise<void>;
}

/** Starts `entente serve --port 0 --no-web --db DB` with `args` after it. */
export async function startServe(
  db: string,
  args: readonly string[] = [],
  env: Readonly<Record<string, string>> = {},
  nodeArgs: readonly string[] = [],
): Promise<ServeProcess> {
  const child = spawn(
    process.execPath,
    [
      ...nodeArgs,
      join(ROOT, 'bin/entente.js'),
      'serve',
      '--port',
      '0',
      '--no-web',
      '--db',
      db,
      ...args,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
  );
  let out = '';
  let exited = child.exitCode !== null;
  const exit = new Promise<void>((resolve) =>
    child.on('exit', () => {
      exited = true;
      resolve();
    }),
  );
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL from entente serve: ${out}`)), 60_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /on (http:\/\/\S+)/.exec(out);
      if (m && out.includes('Ctrl-C')) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`entente serve exited (${code ?? signal}) before it listened: ${out}`));
    });
  });
  const signal = async (s: NodeJS.Signals) => {
    if (!exited) child.kill(s);
    await exit;
  };
  return {
    child,
    pid: child.pid!,
    url,
    out: () => out,
    alive: () => !exited,
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
  };
}

/** A process's peak resident set size in MiB (VmHWM in /proc/PID/status); NaN if unreadable. */
export function peakRssOfMb(pid: number): number {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}
