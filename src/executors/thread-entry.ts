/**
 * Where worker threads (the piscina pool, and `entente worker`'s threads) start, and with which
 * Node flags. Run from the sources (vitest, or the CLI through tsx), a thread loads
 * `pool-worker.ts` through tsx; run from the compiled CLI (`dist/`, scripts/build.js), it loads
 * `dist/pool-worker.js` and needs no loader, so a thread starts in a fraction of the time.
 */
import { type SerializedError, isSerializedError } from '../core/errors.ts';

// Defined (true) by scripts/build.js in the bundle; undeclared when the sources run.
declare const __ENTENTE_BUNDLE__: boolean | undefined;

/** True in the compiled CLI (dist/), false when the TypeScript sources run. */
export const BUNDLED: boolean = typeof __ENTENTE_BUNDLE__ !== 'undefined' && __ENTENTE_BUNDLE__;

export interface ThreadEntry {
  /** URL of the thread's module. */
  readonly filename: string;
  /** Node flags of the thread. */
  readonly execArgv: string[];
}

export function threadEntry(): ThreadEntry {
  // In the bundle, `import.meta.url` is still this source file's URL (scripts/build.js).
  return BUNDLED
    ? { filename: new URL('../../dist/pool-worker.js', import.meta.url).href, execArgv: [] }
    : {
        filename: new URL('./pool-worker.ts', import.meta.url).href,
        execArgv: ['--import', import.meta.resolve('tsx')],
      };
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
