/**
 * The coordinator side of the distributed executor (loaded on first use by `RedisExecutor`, so
 * commands that do not use Redis never load BullMQ).
 *
 * A run stores the job once (compressed) under its content hash, queues one BullMQ job per chunk
 * (id `<job>-<k>`), and then collects: workers write each chunk's compressed result into a hash
 * field keyed by the chunk index and note it on the job's event stream; the coordinator reads the
 * stream and hands results to `onResult` strictly in chunk order. Because a result is stored
 * under its chunk index and delivered once per index, a chunk that runs twice (its worker died
 * after writing, or two coordinators share the job) is never counted twice — and since a chunk's
 * result depends only on (job, k), both copies are the same bytes anyway.
 *
 * Fault tolerance: BullMQ's lock and stalled check give a dead worker's chunk to another worker;
 * every second the coordinator also checks the next chunks it waits for (a chunk that failed, or
 * that vanished from the queue, is reported or queued again), and which workers are alive. A
 * coordinator that stops and starts again with the same job finds the finished chunks in Redis
 * and queues only the rest. Cancel (abort) marks the job cancelled, tells every worker (pub/sub)
 * to stop its chunks of the job, and removes the chunks still queued; finished chunks stay (for
 * the job's TTL) so the same command resumes.
 */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import {
  InputError,
  InternalError,
  ModelError,
  isSerializedError,
  reviveError,
} from '../../core/errors.ts';
import { VERSION } from '../../version.ts';
import type { ChunkRunOptions, ChunkRunSummary } from '../executor.ts';
import type { Task } from '../task.ts';
import { type JobEnvelope, decodeValue, encodeValue, jobIdOf } from './codec.ts';
import {
  CANCELLED,
  CHUNK_QUEUE,
  type ChunkData,
  DEFAULT_TTL_SECONDS,
  type JobKeys,
  type RedisTarget,
  WORKER_ALIVE_MS,
  cancelChannel,
  chunkJobId,
  jobKeys,
  workerInfoKey,
  workersKey,
} from './target.ts';
import { bullConnection, openRedis } from './connect.ts';
import { withTimeout } from './with-timeout.ts';
import { type RedisSettings, redisSettings, seconds } from './settings.ts';

export interface RedisRunStatus {
  readonly jobId: string;
  readonly task: string;
  readonly chunks: number;
  /** Chunks finished (stored in Redis), delivered or not. */
  readonly chunksDone: number;
  /** Chunks handed to `onResult`. */
  readonly delivered: number;
  /** Chunks already finished when the run started (a resumed job). */
  readonly resumed: number;
  /** Workers that started or finished a chunk of this job, by name. */
  readonly workersSeen: readonly string[];
  /** Workers alive on the queue now (heartbeat within 15 s). */
  readonly workersOnline: number;
  /** Chunks finished per second since the run started (resumed chunks not counted). */
  readonly chunksPerSecond: number;
  /** A note worth a line: the job resumed, a worker joined, a chunk was retried. */
  readonly event?: string;
  /**
   * A note the user must see even with progress off: no worker has taken a chunk of this job for
   * `ENTENTE_REDIS_STALL` seconds (repeated while that lasts).
   */
  readonly warning?: string;
}

export interface CoordinatorOptions {
  readonly target: RedisTarget;
  /** Lifetime of a job's inputs and finished chunks without activity, s. Default one day. */
  readonly ttlSeconds?: number;
  /** Called when a run's status changes. */
  readonly onStatus?: (status: RedisRunStatus) => void;
  /** How often the coordinator checks workers and the chunks it waits for, ms. Default 1000. */
  readonly checkEveryMs?: number;
  /** Timeouts, back-off and the stall warning's delay. Default: `redisSettings()` (environment). */
  readonly settings?: RedisSettings;
}

/** BullMQ options of every chunk job. Retries here cover a worker's own failures (e.g. Redis
 * dropped while it wrote a result); a task error is final (UnrecoverableError), and a chunk whose
 * worker died comes back through the stalled check instead. */
const CHUNK_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: true,
  removeOnFail: { age: DEFAULT_TTL_SECONDS },
} as const;

/** Chunks checked each tick while waiting (state in BullMQ). */
const CHECK_WINDOW = 16;
/** Stream entries read per call, and how long a read blocks, ms. */
const READ_COUNT = 1000;
const READ_BLOCK_MS = 200;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class RedisCoordinator {
  readonly #target: RedisTarget;
  readonly #ttl: number;
  readonly #onStatus: ((s: RedisRunStatus) => void) | undefined;
  readonly #checkEveryMs: number;
  readonly #settings: RedisSettings;
  #redis: Redis | null = null;
  #queue: Queue<ChunkData> | null = null;
  #ready: Promise<void> | null = null;
  #capacity = 1;
  #closed = false;
  /** Workers seen by any run of this coordinator (a worker's arrival is noted once). */
  readonly #known = new Set<string>();

  constructor(options: CoordinatorOptions) {
    this.#target = options.target;
    this.#ttl = options.ttlSeconds ?? DEFAULT_TTL_SECONDS;
    this.#onStatus = options.onStatus;
    this.#checkEveryMs = options.checkEveryMs ?? 1000;
    this.#settings = options.settings ?? redisSettings();
  }

  /** Chunks the workers online can run at once (their summed concurrency), at least 1. */
  get workers(): number {
    return this.#capacity;
  }

  /** Connects (once); a Redis that cannot be reached is the user's to fix: an InputError. */
  ready(): Promise<void> {
    this.#ready ??= this.#connect();
    return this.#ready;
  }

  async #connect(): Promise<void> {
    try {
      this.#redis = await openRedis(this.#target, this.#settings, '--executor');
    } catch (err) {
      this.#ready = null;
      throw err;
    }
    this.#redis.on('error', () => {}); // reported through the commands that fail
    this.#queue = new Queue<ChunkData>(CHUNK_QUEUE, {
      connection: bullConnection(this.#target, this.#settings),
      prefix: this.#target.queue,
      defaultJobOptions: CHUNK_JOB_OPTIONS,
    });
    this.#queue.on('error', () => {}); // reported through the commands that fail
  }

  async run<J, R>(
    task: Task<J, R>,
    job: J,
    chunks: number,
    options: ChunkRunOptions<R>,
  ): Promise<ChunkRunSummary> {
    if (this.#closed) throw new InternalError('the Redis executor is closed');
    await this.ready();
    try {
      return await this.#run(task, job, chunks, options);
    } catch (err) {
      // A chunk's own error, or the caller's, passes through; anything else came from Redis.
      if (PASS_THROUGH.has(err as object)) throw err;
      let reason = (err as Error).message;
      if (/timed out/i.test(reason)) {
        reason += ` after ${seconds(this.#settings.commandTimeoutMs)}: ENTENTE_REDIS_COMMAND_TIMEOUT`;
      }
      throw new InputError({
        path: '--executor',
        message: `lost Redis at ${this.#target.display} (${reason}); the finished chunks stay there: run the same command again to resume`,
      });
    }
  }

  async #run<J, R>(
    task: Task<J, R>,
    job: J,
    chunks: number,
    { onResult, signal, onNotice }: ChunkRunOptions<R>,
  ): Promise<ChunkRunSummary> {
    const redis = this.#redis!;
    const id = jobIdOf(VERSION, task.name, chunks, job);
    const keys = jobKeys(this.#target.queue, id);
    const envelope: JobEnvelope<J> = {
      version: VERSION,
      task: task.name,
      chunks,
      ttl: this.#ttl,
      job,
    };

    // Register the job (a resumed job gets the same bytes), note where the event stream stands,
    // then read which chunks are finished: a chunk finished after that read is on the stream
    // beyond the noted position (workers write the result and its note in one transaction).
    await redis
      .multi()
      .del(keys.cancel)
      .set(keys.payload, encodeValue(envelope), 'EX', this.#ttl)
      .expire(keys.results, this.#ttl)
      .expire(keys.events, this.#ttl)
      .exec();
    const tail = (await redis.xrevrange(keys.events, '+', '-', 'COUNT', 1)) as [string, string[]][];
    let cursor = tail[0]?.[0] ?? '0-0';
    const done = new Set<number>();
    for (const field of await redis.hkeys(keys.results)) {
      const k = Number(field);
      if (Number.isInteger(k) && k >= 0 && k < chunks) done.add(k);
    }
    const resumed = done.size;
    const missing: number[] = [];
    for (let k = 0; k < chunks; k++) if (!done.has(k)) missing.push(k);
    await this.#enqueue(id, task.name, missing);

    const started = Date.now();
    const seen = new Map<string, number>();
    const startedOn = new Map<number, string>();
    let delivered = 0;
    let failure: Error | null = null;
    let online = 0;
    let lastCheck = 0;
    // When a worker last took (started or finished) a chunk of this job, and the stall warning.
    let lastTaken = started;
    let warnedAt = 0;
    let stalled = false;
    let lastReported = '';
    const report = (event?: string, warning?: string) => {
      if (!this.#onStatus) return;
      const status: RedisRunStatus = {
        jobId: id,
        task: task.name,
        chunks,
        chunksDone: done.size,
        delivered,
        resumed,
        workersSeen: [...seen.keys()],
        workersOnline: online,
        chunksPerSecond: (done.size - resumed) / Math.max(1e-3, (Date.now() - started) / 1000),
        ...(event ? { event } : {}),
        ...(warning ? { warning } : {}),
      };
      const key = `${status.chunksDone}/${status.delivered}/${status.workersSeen.length}/${online}`;
      if (event || warning || key !== lastReported) {
        lastReported = key;
        this.#onStatus(status);
      }
    };
    online = await this.#workersOnline();
    if (resumed > 0) {
      report(
        `resuming job ${id.slice(0, 12)}: ${resumed} of ${chunks} chunks already done in Redis`,
      );
    }

    const blocking = redis.duplicate();
    blocking.on('error', () => {});
    try {
      for (;;) {
        // Hand over every finished chunk that is next in order.
        while (delivered < chunks && done.has(delivered) && !signal?.aborted && !failure) {
          const bytes = await redis.hgetBuffer(keys.results, String(delivered));
          let result: R | undefined;
          try {
            if (bytes) result = decodeValue<R>(bytes);
          } catch {
            await redis.hdel(keys.results, String(delivered)); // unreadable: compute it again
          }
          if (result === undefined) {
            done.delete(delivered);
            await this.#enqueue(id, task.name, [delivered]);
            break;
          }
          if (signal?.aborted) break;
          try {
            onResult(delivered, result);
          } catch (err) {
            failure = passThrough(err instanceof Error ? err : new Error(String(err)));
            break;
          }
          delivered++;
        }
        if (delivered === chunks) break;
        if (signal?.aborted || failure) {
          await this.#cancel(id, keys, chunks, done);
          if (failure) throw failure;
          return { completed: delivered, aborted: true };
        }

        // Notes from workers since the cursor (blocks briefly when there are none).
        const reply = await blocking.xread(
          'COUNT',
          READ_COUNT,
          'BLOCK',
          READ_BLOCK_MS,
          'STREAMS',
          keys.events,
          cursor,
        );
        for (const [entryId, fields] of reply?.[0]?.[1] ?? []) {
          cursor = entryId;
          const note = fieldsOf(fields);
          const k = Number(note.chunk);
          const worker = note.worker ?? '?';
          if (!seen.has(worker)) {
            seen.set(worker, Date.now());
            if (!this.#known.has(worker)) {
              this.#known.add(worker);
              report(`worker ${worker} joined (${this.#known.size} seen)`);
            }
          }
          if (!Number.isInteger(k) || k < 0 || k >= chunks) continue;
          if (note.type === 'start' || note.type === 'done') {
            if (stalled) {
              stalled = false;
              onNotice?.(null);
              report(
                `worker ${worker} took chunk ${k} after ${seconds(roundS(Date.now() - lastTaken))} without one`,
              );
            }
            lastTaken = Date.now();
          }
          if (note.type === 'done') done.add(k);
          else if (note.type === 'start') {
            const before = startedOn.get(k);
            if (before !== undefined && !done.has(k)) {
              report(`chunk ${k} restarted on ${worker} (it was on ${before})`);
            }
            startedOn.set(k, worker);
          } else if (note.type === 'error' && !failure) {
            failure = passThrough(chunkError(k, worker, note));
          }
        }

        if (Date.now() - lastCheck >= this.#checkEveryMs) {
          lastCheck = Date.now();
          online = await this.#workersOnline();
          // Another run of the same job owns it while it runs: undo a cancel it did not ask for.
          await redis.del(keys.cancel);
          const checked = await this.#check(id, task.name, keys, chunks, done, delivered);
          failure ??= checked.error;
          // No worker has taken a chunk for `stallMs`, and none is on one (or none is alive).
          const now = Date.now();
          const stallMs = this.#settings.stallMs;
          if (
            !failure &&
            now - lastTaken >= stallMs &&
            (checked.active === 0 || online === 0) &&
            now - warnedAt >= stallMs
          ) {
            warnedAt = now;
            stalled = true;
            const text = this.#stallMessage(now - lastTaken, online, chunks - done.size);
            onNotice?.(text);
            report(undefined, text);
          }
        }
        report();
      }
    } finally {
      blocking.disconnect();
    }
    report();
    await redis.del(keys.payload, keys.results, keys.events, keys.cancel);
    return { completed: delivered, aborted: false };
  }

  /**
   * A BullMQ call with the command timeout: BullMQ's own connection has none (its workers' waits
   * block for seconds), so a Redis that stops answering while the run checks or queues its
   * chunks would hold the run forever (seen as a flaky test: the freeze landing inside the
   * periodic check). The message is ioredis's, so the run reports it the same way.
   */
  #bull<T>(p: Promise<T>): Promise<T> {
    return withTimeout(p, this.#settings.commandTimeoutMs, () => 'Command timed out');
  }

  /** What the user is told when no worker has taken a chunk for `idleMs`. */
  #stallMessage(idleMs: number, online: number, waiting: number): string {
    const head = `no worker has taken a chunk of this job for ${seconds(roundS(idleMs))} (${waiting} chunk(s) waiting)`;
    if (online === 0) {
      return `${head}: no worker is connected to ${this.#target.display}; start one with: entente worker --redis <url> (the job waits for it)`;
    }
    return `${head}: ${online} worker(s) are connected to ${this.#target.display} but none took one: busy with chunks queued before this job's, or stuck`;
  }

  /** Live workers and their summed concurrency (kept as `workers`). */
  async #workersOnline(): Promise<number> {
    const redis = this.#redis!;
    const q = this.#target.queue;
    const names = await redis.zrangebyscore(workersKey(q), Date.now() - WORKER_ALIVE_MS, '+inf');
    if (names.length === 0) return 0;
    const infos = await redis.hmget(workerInfoKey(q), ...names);
    let capacity = 0;
    for (const info of infos) {
      try {
        const c = (JSON.parse(info ?? '{}') as { concurrency?: number }).concurrency;
        capacity += typeof c === 'number' && c > 0 ? c : 1;
      } catch {
        capacity += 1;
      }
    }
    this.#capacity = Math.max(1, capacity);
    return names.length;
  }

  /**
   * The next chunks waited for, as BullMQ sees them: a failed chunk fails the run (unless it was
   * only cancelled: then it is queued again); a chunk neither finished nor queued is queued again.
   */
  async #check(
    id: string,
    taskName: string,
    keys: JobKeys,
    chunks: number,
    done: Set<number>,
    delivered: number,
  ): Promise<{ error: Error | null; active: number }> {
    const queue = this.#queue!;
    const waiting: number[] = [];
    for (let k = delivered; k < chunks && waiting.length < CHECK_WINDOW; k++) {
      if (!done.has(k)) waiting.push(k);
    }
    const states = await this.#bull(
      Promise.all(waiting.map((k) => queue.getJobState(chunkJobId(id, k)))),
    );
    const requeue: number[] = [];
    let active = 0;
    for (let i = 0; i < waiting.length; i++) {
      const k = waiting[i]!;
      const state = states[i]!;
      if (state === 'active') active++;
      if (state === 'failed') {
        const failed = await queue.getJob(chunkJobId(id, k));
        const reason = failed?.failedReason ?? 'unknown reason';
        if (reason === CANCELLED) requeue.push(k);
        else {
          // The worker noted the error (with its class) before failing the chunk: use the note.
          const noted = await this.#errorNote(keys, k);
          const error = passThrough(
            noted
              ? chunkError(k, noted.worker ?? '?', noted)
              : new InternalError(`chunk ${k} failed: ${describeFailure(reason)}`),
          );
          return { error, active };
        }
      } else if (state === 'unknown' || state === 'completed') {
        // Finished meanwhile (result stored, job removed), or lost: look before queueing again.
        if (await this.#redis!.hexists(keys.results, String(k))) done.add(k);
        else requeue.push(k);
      }
    }
    if (requeue.length) await this.#enqueue(id, taskName, requeue);
    return { error: null, active };
  }

  /** The latest error note of chunk k on the job's event stream, if any (of its last 1000 notes). */
  async #errorNote(keys: JobKeys, k: number): Promise<Record<string, string> | undefined> {
    const entries = (await this.#redis!.xrevrange(keys.events, '+', '-', 'COUNT', 1000)) as [
      string,
      string[],
    ][];
    for (const [, fields] of entries) {
      const note = fieldsOf(fields);
      if (note.type === 'error' && note.chunk === String(k)) return note;
    }
    return undefined;
  }

  /**
   * Queues chunks `ks`. A chunk job that exists and is waiting, delayed or running is left alone
   * (BullMQ ids make adding it again a no-op anyway); a failed or completed one is removed first,
   * so that a new run retries what an earlier one could not finish.
   */
  async #enqueue(id: string, taskName: string, ks: readonly number[]): Promise<void> {
    const queue = this.#queue!;
    for (let from = 0; from < ks.length; from += 500) {
      const batch = ks.slice(from, from + 500);
      const states = await this.#bull(
        Promise.all(batch.map((k) => queue.getJobState(chunkJobId(id, k)))),
      );
      const add: number[] = [];
      await Promise.all(
        batch.map(async (k, i) => {
          const state = states[i];
          if (state === 'failed' || state === 'completed') {
            if ((await this.#bull(queue.remove(chunkJobId(id, k)))) === 1) add.push(k);
          } else if (state === 'unknown') add.push(k);
        }),
      );
      add.sort((a, b) => a - b);
      if (add.length) {
        await this.#bull(
          queue.addBulk(
            add.map((k) => ({
              name: taskName,
              data: { job: id, task: taskName, chunk: k },
              opts: { jobId: chunkJobId(id, k) },
            })),
          ),
        );
      }
    }
  }

  /** Cancels a job everywhere: flag, notice to every worker, queued chunks removed. */
  async #cancel(id: string, keys: JobKeys, chunks: number, done: Set<number>): Promise<void> {
    const redis = this.#redis!;
    const queue = this.#queue!;
    await redis
      .multi()
      .set(keys.cancel, '1', 'EX', this.#ttl)
      .publish(cancelChannel(this.#target.queue), id)
      .exec();
    const open: number[] = [];
    for (let k = 0; k < chunks; k++) if (!done.has(k)) open.push(k);
    for (let from = 0; from < open.length; from += 500) {
      await Promise.all(
        open
          .slice(from, from + 500)
          .map((k) => this.#bull(queue.remove(chunkJobId(id, k))).catch(() => 0)),
      );
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const queue = this.#queue;
    const redis = this.#redis;
    this.#queue = null;
    this.#redis = null;
    await queue?.close().catch(() => {});
    if (redis) await redis.quit().catch(() => redis.disconnect());
    await sleep(0);
  }
}

/** Errors `run` rethrows as they are (a chunk's failure, the caller's own). */
const PASS_THROUGH = new WeakSet<object>();
function passThrough(err: Error): Error {
  PASS_THROUGH.add(err);
  return err;
}

/**
 * The error a worker noted for chunk k, rebuilt with its class: a user's mistake (`InputError`,
 * `ModelError`) as it was thrown; anything else says which chunk and worker it came from.
 */
function chunkError(k: number, worker: string, note: Record<string, string>): Error {
  let data: unknown;
  try {
    data = JSON.parse(note.error ?? 'null');
  } catch {
    data = null;
  }
  const error = isSerializedError(data)
    ? reviveError(data)
    : new InternalError(note.message ?? 'unknown error');
  if (!(error instanceof InputError || error instanceof ModelError)) {
    error.message = `chunk ${k} failed on worker ${worker}: ${error.message}`;
  }
  return error;
}

/** Milliseconds rounded to whole seconds (for messages). */
const roundS = (ms: number) => Math.round(ms / 1000) * 1000;

function fieldsOf(fields: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) out[fields[i]!] = fields[i + 1]!;
  return out;
}

function describeFailure(reason: string): string {
  return /stalled/.test(reason)
    ? `${reason} (every worker that took it stopped responding — a chunk that kills its worker, e.g. by running out of memory, fails instead of looping)`
    : reason;
}
