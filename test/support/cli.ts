/**
 * Shared helpers of the end-to-end tests. `entente(…)` runs the CLI's `main` in this process
 * (from the sources, output captured, exit code returned): what nearly every test uses.
 * `ententeProcess(…)` runs the real binary (bin/entente.js, the compiled dist/ when it is up to
 * date) in a child process: kept for the smoke tests of the process itself (start-up, exit codes,
 * pipes, signals).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'vitest';
import { main } from '../../src/cli/main.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'entente.js');

/** A file under test/fixtures, relative to the repository root (as the CLI sees it). */
export const fixture = (name: string) => join('test', 'fixtures', name);

export interface CliResult {
  code: number | null;
  out: string;
  err: string;
}

export interface CliOptions {
  /**
   * Environment variables set for the run (undefined: unset); ENTENTE_PROGRESS is 'never', and
   * ENTENTE_EXECUTOR is 'inline' unless the arguments choose (`--workers`, `-w`, `--executor`).
   */
  env?: Record<string, string | undefined>;
}

/**
 * Whether the arguments choose where chunks run. When they do not, the run is inline: the
 * default (a pool of one thread per core) starts its threads from the sources through tsx,
 * 1.5–3 s per command in this process against milliseconds inline, and results never depend on
 * it (the tests that compare executors pass `--workers N` or `--executor`).
 */
const choosesExecutor = (args: readonly string[]) =>
  args.some((a) => /^(--workers|-w|--executor)(=|$)/.test(a));

/**
 * Runs `entente ARGS…` in this process from the repository root, progress bars off, stdout and
 * stderr captured; the process's exit code, working directory and environment are left as they
 * were.
 */
export function entente(...args: string[]): Promise<CliResult> {
  return ententeWith({}, ...args);
}

/** {@link entente} with environment variables set for the run. */
export async function ententeWith(options: CliOptions, ...args: string[]): Promise<CliResult> {
  let out = '';
  let err = '';
  const env = {
    ENTENTE_PROGRESS: 'never',
    ...(choosesExecutor(args) ? {} : { ENTENTE_EXECUTOR: 'inline' }),
    ...options.env,
  };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const setEnv = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  const cwd = process.cwd();
  if (cwd !== ROOT) process.chdir(ROOT);
  setEnv(env);
  try {
    const code = await main(['node', 'entente', ...args], {
      stdout: (text) => {
        out += text;
      },
      stderr: (text) => {
        err += text;
      },
    });
    return { code, out, err };
  } finally {
    setEnv(saved);
    if (cwd !== ROOT) process.chdir(cwd);
  }
}

/** Runs the real binary `entente ARGS…` from the repository root in a child process. */
export function ententeProcess(...args: string[]): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ENTENTE_PROGRESS: 'never' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A user's mistake never shows a stack trace. */
export function expectNoStack(text: string): void {
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
}
