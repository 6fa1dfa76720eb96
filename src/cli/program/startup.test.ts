/**
 * Start-up stays light: `entente --version` (and so every command before its action runs) loads
 * commander, `program/` and a few constant-only modules, never a command's code. Each module
 * costs tsx a few milliseconds, so a static import of `commands/`, a model, zod, the server… in a
 * `program/` file would make every command slower; import it inside the action instead.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');

// A module hook that appends the URL of every module loaded to $ENTENTE_MODULE_LOG.
const HOOK = `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  if (url.startsWith('file:')) appendFileSync(process.env.ENTENTE_MODULE_LOG, url + '\\n');
  return next(url, context);
}`;
const REGISTER = `import { register } from 'node:module';
register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOK)}`)});`;

function modulesLoaded(...args: string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'entente-startup-'));
  const log = join(dir, 'modules.txt');
  try {
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        `data:text/javascript,${encodeURIComponent(REGISTER)}`,
        'bin/entente.js',
        ...args,
      ],
      {
        cwd: ROOT,
        encoding: 'utf8',
        // The sources through tsx (dist/ is tested in test/build.test.ts).
        env: { ...process.env, ENTENTE_MODULE_LOG: log, ENTENTE_FROM_SOURCE: '1' },
      },
    );
    expect(r.status, r.stderr).toBe(0);
    const root = pathToFileURL(`${ROOT}/`).href;
    return [...new Set(readFileSync(log, 'utf8').trim().split('\n'))].map((u) =>
      u.startsWith(root) ? u.slice(root.length) : u,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('entente start-up', () => {
  it('loads no command code, model, renderer or heavy dependency for --version', () => {
    const loaded = modulesLoaded('--version');
    expect(loaded).toContain('src/cli/program/forecast.ts');
    const heavy = loaded.filter(
      (m) =>
        /^src\/(cli\/(commands|render)\/|cli\/load\.ts|models\/|executors\/|server\/|store\/|report\/|evidence\/)/.test(
          m,
        ) ||
        (m.startsWith('node_modules/') &&
          !/^node_modules\/(commander|tsx|esbuild|pure-rand)\//.test(m)),
    );
    expect(heavy).toEqual([]);
    // Today about 33 of our modules; the bound leaves room, not for a command's graph.
    expect(loaded.filter((m) => m.startsWith('src/')).length).toBeLessThan(45);
  });
});
