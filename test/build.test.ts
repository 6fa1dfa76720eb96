/**
 * The compiled CLI (scripts/build.js → dist/) and its launcher (bin/entente.js): the launcher
 * runs dist/ only while it is up to date and falls back to the sources through tsx otherwise; the
 * build keeps every command lazy; the compiled CLI finds its files (scenarios/, data under src/)
 * and its worker threads run the compiled worker.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from './support/cli.ts';

const node = (args: string[], env: Record<string, string> = {}, cwd = ROOT) =>
  spawnSync(process.execPath, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ENTENTE_PROGRESS: 'never', ENTENTE_FROM_SOURCE: '0', ...env },
  });

function build(): void {
  const r = node([join(ROOT, 'scripts', 'build.js')]);
  expect(r.status, r.stderr).toBe(0);
}

// A module hook that appends the URL of every module loaded to $ENTENTE_MODULE_LOG.
const HOOK = `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  if (url.startsWith('file:')) appendFileSync(process.env.ENTENTE_MODULE_LOG, url + '\\n');
  return next(url, context);
}`;
const REGISTER = `import { register } from 'node:module';
register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOK)}`)});`;

/** Runs `entente ARGS` and returns the files it loaded (relative to the repository). */
function modulesLoaded(args: string[]): { loaded: string[]; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'entente-build-'));
  const log = join(dir, 'modules.txt');
  try {
    const r = node(
      ['--import', `data:text/javascript,${encodeURIComponent(REGISTER)}`, BIN, ...args],
      { ENTENTE_MODULE_LOG: log },
    );
    expect(r.status, r.stderr).toBe(0);
    const root = pathToFileURL(`${ROOT}/`).href;
    const loaded = [...new Set(readFileSync(log, 'utf8').trim().split('\n'))].map((u) =>
      u.startsWith(root) ? u.slice(root.length) : u,
    );
    return { loaded, out: r.stdout };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs from dist/ (built by `beforeAll`); builds again and retries only when the launcher fell
 * back to the sources because a source changed meanwhile (others may edit the tree).
 */
function fromDist(args: string[]): { loaded: string[]; out: string } {
  for (let attempt = 0; ; attempt++) {
    const run = modulesLoaded(args);
    if (run.loaded.includes('dist/main.js') || attempt === 2) return run;
    build();
  }
}

describe('the compiled CLI (dist/)', () => {
  beforeAll(build, 60_000);

  it('lists what it was built from: every bundled source, package.json, the build script', () => {
    const { started, inputs } = JSON.parse(
      readFileSync(join(ROOT, 'dist', 'build.json'), 'utf8'),
    ) as { started: number; inputs: string[] };
    expect(started).toBeGreaterThan(0);
    expect(inputs).toEqual(
      expect.arrayContaining([
        'src/cli/main.ts',
        'src/executors/pool-worker.ts',
        'src/cli/commands/forecast.ts',
        'package.json',
        'scripts/build.js',
      ]),
    );
    expect(inputs.some((f) => f.endsWith('.test.ts') || f.startsWith('node_modules/'))).toBe(false);
  });

  it('runs `entente --version` from dist/ without tsx, loading no command, model or server code', () => {
    const { loaded, out } = fromDist(['--version']);
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(loaded).toContain('dist/main.js');
    expect(loaded.filter((m) => m.endsWith('.ts') || m.includes('node_modules/tsx/'))).toEqual([]);
    // esbuild marks each module's code with a `// src/…` comment: none of the heavy ones is loaded.
    const heavy = loaded
      .filter((m) => m.startsWith('dist/'))
      .flatMap((m) => readFileSync(join(ROOT, m), 'utf8').match(/^\/\/ src\/\S+/gm) ?? [])
      .filter((m) =>
        /^\/\/ src\/(cli\/(commands|render)\/|models\/|executors\/|server\/|store\/|report\/|evidence\/)/.test(
          m,
        ),
      );
    expect(heavy).toEqual([]);
  });

  it('reads built-in scenarios and data next to the sources, and runs the pool on compiled threads', () => {
    const one = fromDist(['simulate', '--runs', '400', '--model', 'mean,median', '--json']);
    expect(one.loaded).toContain('dist/main.js');
    const two = node([
      BIN,
      'simulate',
      '--runs',
      '400',
      '--model',
      'mean,median',
      '--json',
      '--workers',
      '2',
    ]);
    expect(two.status, two.stderr).toBe(0);
    expect(two.stdout).toBe(one.out);
    const joins = node([
      BIN,
      'backtest',
      'joins',
      'src/analysis/joins/data/warjoin_candidates_train.csv',
    ]);
    expect(joins.status, joins.stderr).toBe(0);
  });
});

describe('bin/entente.js chooses dist/ or the sources', () => {
  let dir = '';
  const run = (env: Record<string, string> = {}) =>
    node([join(dir, 'bin', 'entente.js')], env, dir).stdout.trim();
  const buildJson = (started: number, inputs = ['package.json', 'src/a.ts']) =>
    writeFileSync(join(dir, 'dist', 'build.json'), JSON.stringify({ started, inputs }));

  beforeAll(() => {
    // A tree of the same shape: a "compiled" and a "source" main that say which they are.
    dir = mkdtempSync(join(tmpdir(), 'entente-launcher-'));
    for (const d of ['bin', 'dist', 'src/cli']) mkdirSync(join(dir, d), { recursive: true });
    copyFileSync(BIN, join(dir, 'bin', 'entente.js'));
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
    writeFileSync(join(dir, 'src', 'a.ts'), 'export {};');
    const main = (what: string) =>
      `export async function main() { console.log('${what}'); return 0; }\n`;
    writeFileSync(join(dir, 'dist', 'main.js'), main('dist'));
    writeFileSync(join(dir, 'src', 'cli', 'main.ts'), main('source'));
    const past = new Date(Date.now() - 60_000);
    for (const f of ['package.json', 'src/a.ts']) utimesSync(join(dir, f), past, past);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs dist/ while no input is newer than the build', () => {
    buildJson(Date.now());
    expect(run()).toBe('dist');
    expect(run({ ENTENTE_FROM_SOURCE: '1' })).toBe('source');
  });

  it('runs the sources when an input changed after the build, or is gone', () => {
    buildJson(Date.now() - 120_000);
    expect(run()).toBe('source');
    buildJson(Date.now(), ['package.json', 'src/gone.ts']);
    expect(run()).toBe('source');
  });

  it('runs the sources when there is no build, or a broken build.json', () => {
    rmSync(join(dir, 'dist', 'build.json'));
    expect(run()).toBe('source');
    writeFileSync(join(dir, 'dist', 'build.json'), '{');
    expect(run()).toBe('source');
  });
});
