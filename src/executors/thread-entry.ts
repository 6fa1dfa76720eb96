/**
 * Where worker threads (the piscina pool, and `entente worker`'s threads) start, and with which
 * Node flags. Run from the sources (vitest, or the CLI through tsx), a thread loads the task
 * set's TypeScript module through tsx; run from the compiled CLI (`dist/`, scripts/build.js), it
 * loads the compiled entry and needs no loader, so a thread starts in a fraction of the time.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { type SerializedError, isSerializedError } from '../core/errors.ts';
import type { ThreadEntry } from './task.ts';

export type { ThreadEntry } from './task.ts';

// Defined (true) by scripts/build.js in the bundle; undeclared when the sources run.
declare const __ENTENTE_BUNDLE__: boolean | undefined;

/** True in the compiled CLI (dist/), false when the TypeScript sources run. */
export const BUNDLED: boolean = typeof __ENTENTE_BUNDLE__ !== 'undefined' && __ENTENTE_BUNDLE__;

/**
 * The thread entry for a module given by its source URL and by the URL of its compiled entry in
 * dist/ (scripts/build.js): in the bundle the compiled file with no loader; from the sources the
 * compiled file too while dist/ is up to date (bin/entente.js's rule: `distIsFresh`), so that a
 * pool started from the sources (the tests, `ENTENTE_FROM_SOURCE=1`) does not pay tsx's start-up
 * in every thread (≈ 1.5 s each on 2 cores), else the TypeScript file through tsx.
 */
export function threadEntry(source: URL, compiled: URL): ThreadEntry {
  return BUNDLED || (process.env.ENTENTE_FROM_SOURCE !== '1' && distIsFresh(compiled))
    ? { filename: compiled.href, execArgv: [] }
    : { filename: source.href, execArgv: ['--import', import.meta.resolve('tsx')] };
}

const freshness = new Map<string, boolean>();

/**
 * bin/entente.js's rule, for the dist/ that holds `compiled`: its build.json lists every file the
 * build read, and none is newer than the build's start (nor gone). Checked once per process.
 */
export function distIsFresh(compiled: URL): boolean {
  const dist = new URL('./', compiled);
  const known = freshness.get(dist.href);
  if (known !== undefined) return known;
  let fresh: boolean;
  try {
    const root = new URL('../', dist);
    const { started, inputs } = JSON.parse(readFileSync(new URL('build.json', dist), 'utf8')) as {
      started?: unknown;
      inputs?: unknown;
    };
    fresh =
      typeof started === 'number' &&
      Array.isArray(inputs) &&
      existsSync(compiled) &&
      inputs.every((f) => typeof f === 'string' && statSync(new URL(f, root)).mtimeMs <= started);
  } catch {
    fresh = false; // no build, or a file it was built from is gone
  }
  freshness.set(dist.href, fresh);
  return fresh;
}

const FAILED = '__ententeChunkFailed';

/** What a thread returns for a chunk that threw (see `pool-worker.ts`). */
export interface ChunkFailure {
  readonly [FAILED]: SerializedError;
}

export function chunkFailure(error: SerializedError): ChunkFailure {
  return { [FAILED]: error };
}

/** The error a thread's answer carries, if the chunk threw. */
export function failureOf(answer: unknown): SerializedError | undefined {
  if (typeof answer !== 'object' || answer === null || !(FAILED in answer)) return undefined;
  const error = (answer as ChunkFailure)[FAILED];
  return isSerializedError(error) ? error : { name: 'Error', message: String(error) };
}
