/** Shared helpers of the end-to-end tests: the real `entente` binary in a child process. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'vitest';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'entente.js');

/** A file under test/fixtures, relative to the repository root (as the binary sees it). */
export const fixture = (name: string) => join('test', 'fixtures', name);

/** Runs `entente ARGS…` from the repository root; progress bars off so stderr holds only messages. */
export function entente(...args: string[]): { code: number | null; out: string; err: string } {
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
