/** The CLI's `main` run in this process from the repository root, stdout and stderr captured. */
import { vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { ROOT } from './cli.ts';

export async function inProcess(
  ...args: string[]
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const code = await main(['node', 'entente', ...args]);
    return { code, out, err };
  } finally {
    process.chdir(cwd);
    vi.restoreAllMocks();
  }
}
