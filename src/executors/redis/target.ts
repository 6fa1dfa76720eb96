/**
 * Where a distributed sweep lives: a Redis URL and a queue name, and the names of every key the
 * coordinator and the workers share. Pure: no connection is made here.
 *
 * `redis://[user:password@]host[:port][/db][?queue=NAME]`, or `rediss://…` for TLS. `queue`
 * (default `entente`) namespaces everything, so several teams or test runs can share one Redis.
 */
import { InputError } from '../../core/errors.ts';

export interface RedisTarget {
  /** The URL handed to ioredis (without Entente's own `queue` parameter). */
  readonly url: string;
  /** Namespace of the BullMQ queue and of every key. */
  readonly queue: string;
  /** The URL with any password hidden, for messages and logs. */
  readonly display: string;
}

export const DEFAULT_QUEUE = 'entente';
const QUEUE_NAME = /^[A-Za-z0-9_.-]{1,64}$/;

export function isRedisUrl(text: string): boolean {
  return /^rediss?:\/\//i.test(text.trim());
}

/** Parses a Redis URL; `path` names the flag in error messages. */
export function parseRedisTarget(text: string, path = '--executor'): RedisTarget {
  const bad = (message: string) => new InputError({ path, message });
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw bad(`"${text}" is not a URL; expected redis://host:6379 or rediss://host:6380`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw bad(`"${text}": expected a redis:// or rediss:// URL`);
  }
  if (!url.hostname) throw bad(`"${text}": the URL names no host`);
  if (url.pathname && url.pathname !== '/' && !/^\/\d+$/.test(url.pathname)) {
    throw bad(`"${text}": the path must be a database number, e.g. redis://host:6379/0`);
  }
  const queue = url.searchParams.get('queue') ?? DEFAULT_QUEUE;
  if (!QUEUE_NAME.test(queue)) {
    throw bad(`queue "${queue}": use 1–64 letters, digits, '.', '_' or '-'`);
  }
  url.searchParams.delete('queue');
  const plain = url.toString();
  const shown = new URL(plain);
  if (shown.password) shown.password = '***';
  const suffix = queue === DEFAULT_QUEUE ? '' : ` (queue ${queue})`;
  return { url: plain, queue, display: `${shown.toString()}${suffix}` };
}

/** The BullMQ queue of chunks: keys `<queue>:chunks:*` (the namespace is BullMQ's prefix). */
export const CHUNK_QUEUE = 'chunks';

/** Keys of one job (`id` is the job's content hash). */
export interface JobKeys {
  /** The job's inputs (task, version, job data), compressed, with a TTL. */
  readonly payload: string;
  /** Hash: chunk index → compressed result. Written by workers, read in order by the coordinator. */
  readonly results: string;
  /** Stream of start / done / error notes from workers. */
  readonly events: string;
  /** Set while the job is cancelled: workers skip its chunks. */
  readonly cancel: string;
}

export function jobKeys(queue: string, id: string): JobKeys {
  const base = `${queue}:job:${id}`;
  return {
    payload: `${base}:payload`,
    results: `${base}:results`,
    events: `${base}:events`,
    cancel: `${base}:cancel`,
  };
}

/** Sorted set: worker name → time of its last heartbeat (ms). */
export const workersKey = (queue: string) => `${queue}:workers`;
/** Hash: worker name → JSON {host, pid, concurrency, version}. */
export const workerInfoKey = (queue: string) => `${queue}:workers:info`;
/** Pub/sub channel: a job id, published when the job is cancelled. */
export const cancelChannel = (queue: string) => `${queue}:cancel`;
/** The BullMQ job id of chunk k (BullMQ ids may not contain ':'). */
export const chunkJobId = (id: string, chunk: number) => `${id}-${chunk}`;

/** A worker is online while its heartbeat is younger than this. */
export const WORKER_ALIVE_MS = 15_000;
/** Workers beat this often. */
export const HEARTBEAT_MS = 5_000;
/** Default lifetime of a job's inputs and finished chunks without activity, seconds. */
export const DEFAULT_TTL_SECONDS = 86_400;
/** Failure reason of a chunk stopped by a cancel (re-queued, not reported, when the job resumes). */
export const CANCELLED = 'cancelled';

/** What a chunk job carries: the job id, the task name, the chunk index. Nothing per run. */
export interface ChunkData {
  readonly job: string;
  readonly task: string;
  readonly chunk: number;
}
