/**
 * How jobs and chunk results travel through Redis: Node's structured-clone serialiser (the format
 * worker threads use, so typed arrays keep every bit) compressed with raw deflate. A Monte Carlo
 * chunk is mostly empty histogram bins, so it shrinks several-fold; nothing is ever JSON per run.
 *
 * A job's id is a hash of what it computes (Entente's version, the task, the chunk count and the
 * serialised job, which holds the seed and the plan): the same command run again names the same
 * job, which is how a restarted coordinator finds and resumes it.
 */
import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

/** Serialises and compresses a structured-clonable value. */
export function encodeValue(value: unknown): Buffer {
  return deflateRawSync(serialize(value), { level: 1 });
}

/** The inverse of {@link encodeValue}. */
export function decodeValue<T>(bytes: Buffer): T {
  return deserialize(inflateRawSync(bytes)) as T;
}

/** What the coordinator stores once per job; workers cache it by job id. */
export interface JobEnvelope<J = unknown> {
  /** Entente's version: a worker of another version refuses the job (results could differ). */
  readonly version: string;
  readonly task: string;
  readonly chunks: number;
  /** Seconds the job's keys live without activity. */
  readonly ttl: number;
  readonly job: J;
}

/** 24 hex digits (96 bits) of SHA-256 over the version, task, chunk count and job. */
export function jobIdOf(version: string, task: string, chunks: number, job: unknown): string {
  return createHash('sha256')
    .update(`entente\0${version}\0${task}\0${chunks}\0`)
    .update(serialize(job))
    .digest('hex')
    .slice(0, 24);
}
