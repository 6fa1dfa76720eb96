/**
 * One Vite build of the web UI for every browser test of a run (and of the next runs while
 * nothing it is built from changes): built into $TMPDIR/entente-web-test/<key>, where the key
 * hashes the checkout's path and the contents of web/ (but its dist), src/, package.json, the
 * lockfile and this file. Builds unused for a day are removed.
 * Test files run in parallel workers, so the first to need a build takes a lock (an atomic
 * mkdir) and builds; the others wait for its `done` marker. A lock left by a killed run is taken
 * over after five minutes.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const CACHE = join(tmpdir(), 'entente-web-test');
const DAY_MS = 24 * 3600_000;
const STALE_LOCK_MS = 5 * 60_000;

function walk(dir: string, out: string[]): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist' || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
}

/** A hash of everything the bundle is built from. */
export function webBuildKey(): string {
  const files: string[] = [];
  walk(join(ROOT, 'web'), files);
  walk(join(ROOT, 'src'), files);
  files.push(
    join(ROOT, 'package.json'),
    join(ROOT, 'package-lock.json'),
    join(ROOT, 'test/support/web-build.ts'),
  );
  files.sort();
  const h = createHash('sha256');
  h.update(ROOT);
  h.update('\0');
  for (const f of files) {
    if (!existsSync(f)) continue;
    h.update(relative(ROOT, f));
    h.update('\0');
    h.update(readFileSync(f));
  }
  return h.digest('hex').slice(0, 16);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The folder of a built web UI for the sources as they are now; builds it if needed. */
export async function builtWebDir(): Promise<string> {
  const key = webBuildKey();
  const dir = join(CACHE, key);
  const done = join(dir, '.done');
  const lock = join(CACHE, `${key}.lock`);
  mkdirSync(CACHE, { recursive: true });
  for (;;) {
    if (existsSync(done)) {
      writeFileSync(done, new Date().toISOString()); // used: keep it another day
      return dir;
    }
    try {
      mkdirSync(lock);
    } catch {
      // Someone else is building: wait, unless their lock is old (a killed run).
      try {
        if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmSync(lock, { recursive: true });
      } catch {
        /* gone meanwhile */
      }
      await sleep(250);
      continue;
    }
    try {
      if (existsSync(done)) return dir;
      for (const e of readdirSync(CACHE)) {
        const p = join(CACHE, e);
        const marker = join(p, '.done');
        const used = statSync(existsSync(marker) ? marker : p).mtimeMs;
        if (e !== key && Date.now() - used > DAY_MS) rmSync(p, { recursive: true, force: true });
      }
      const { build } = await import('vite');
      // Vitest sets NODE_ENV=test, and Vite keeps a NODE_ENV it finds: React's development
      // build (jsxDEV, its checks) would be bundled, several times slower than what `npm run
      // build` ships. The tests drive the production bundle.
      const nodeEnv = process.env.NODE_ENV;
      process.env.NODE_ENV = 'production';
      try {
        await build({
          configFile: join(ROOT, 'web/vite.config.ts'),
          logLevel: 'warn',
          mode: 'production',
          build: { outDir: dir, emptyOutDir: true },
        });
      } finally {
        if (nodeEnv === undefined) delete process.env.NODE_ENV;
        else process.env.NODE_ENV = nodeEnv;
      }
      writeFileSync(done, new Date().toISOString());
      return dir;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}
