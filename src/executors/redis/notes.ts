/**
 * What a worker writes about a job — a note on the job's event stream, with a chunk's result for
 * a `done` note — written only while the job is live, atomically (one Lua script).
 *
 * Why a script: the coordinator deletes a finished job's keys (payload, results, events, cancel)
 * in one DEL. A plain `XADD` from a worker that was still on a duplicate chunk of that job would
 * then create the stream anew, with a one-day TTL, and a later run could read it as its own. The
 * script looks at the job's payload key first and writes nothing if it is gone (finished,
 * deleted or expired); since Redis runs a script as one command, nothing can come between the
 * check and the writes. It also refreshes the TTL of the job's keys (activity keeps a job alive).
 */
import type { Redis } from 'ioredis';
import type { JobKeys } from './target.ts';

/** Stream entries kept per job (about; a job has at most a few notes per chunk). */
export const EVENTS_MAX = 100_000;

// KEYS: payload, events, results. ARGV: ttl, max stream length, result field ('' for none),
// result bytes, then the note's field/value pairs.
const NOTE_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
if ARGV[3] ~= '' then
  redis.call('HSET', KEYS[3], ARGV[3], ARGV[4])
  redis.call('EXPIRE', KEYS[3], ARGV[1])
end
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', unpack(ARGV, 5))
redis.call('EXPIRE', KEYS[2], ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[1])
return 1
`;

interface WithNote {
  ententeNote(
    payload: string,
    events: string,
    results: string,
    ttl: number,
    maxLen: number,
    field: string,
    bytes: Buffer | string,
    ...fields: (string | number)[]
  ): Promise<number>;
}

const defined = new WeakSet<Redis>();
function scripted(redis: Redis): WithNote {
  if (!defined.has(redis)) {
    redis.defineCommand('ententeNote', { numberOfKeys: 3, lua: NOTE_SCRIPT });
    defined.add(redis);
  }
  return redis as unknown as WithNote;
}

export interface NoteOptions {
  /** Seconds the job's keys live without activity (the job's TTL). */
  readonly ttl: number;
  /** For a `done` note: the chunk index and its encoded result, stored in the results hash. */
  readonly result?: { readonly chunk: number; readonly bytes: Buffer };
}

/**
 * Adds a note (field/value pairs) to the job's event stream, and stores a result with it, if the
 * job is live. Resolves false, having written nothing, when the job's payload is gone.
 */
export async function noteIfLive(
  redis: Redis,
  keys: JobKeys,
  fields: readonly (string | number)[],
  options: NoteOptions,
): Promise<boolean> {
  const { ttl, result } = options;
  const written = await scripted(redis).ententeNote(
    keys.payload,
    keys.events,
    keys.results,
    ttl,
    EVENTS_MAX,
    result ? String(result.chunk) : '',
    result ? result.bytes : '',
    ...fields,
  );
  return written === 1;
}
