/**
 * A long-running distributed worker (`entente worker --redis URL`): takes chunks from the BullMQ
 * queue and runs them on its own pool of worker threads — the same thread entry as the pool
 * executor (`pool-worker.ts`), so a chunk runs exactly as it would locally — then stores the
 * compressed result under the chunk's index and notes it on the job's event stream, in one
 * atomic script that writes nothing once the job is finished (`notes.ts`). A chunk's error goes
 * on the stream as data, so the coordinator rethrows it with its class.
 *
 * The main thread only moves bytes, so BullMQ's lock renewal never waits on a long chunk: a lock
 * that lapses means the process is gone or cut off, and then the chunk goes to another worker.
 *
 * Stopping: `stop()` stops taking chunks and lets those in progress finish (their results are
 * stored); `stop({ returnChunks: true })` aborts them and hands them back to the queue at once.
 * A cancel published by a coordinator stops this worker's chunks of that job.
 *
 * Without Redis: every connection reconnects with exponential back-off (0.25 s, doubling, capped
 * at `ENTENTE_REDIS_RETRY_MAX`); the worker logs the loss once, then every 30 s, and its return;
 * after `ENTENTE_REDIS_GIVE_UP` seconds without Redis it stops and `gaveUp` resolves with an
 * InputError saying so (`entente worker` exits 1 with it) — never an endless loop of errors.
 */
import { availableParallelism, hostname } from 'node:os';
import { Piscina } from 'piscina';
import { type Job, UnrecoverableError, WaitingError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { InputError, type SerializedError, serializeError } from '../../core/errors.ts';
import { VERSION } from '../../version.ts';
import type { PoolTaskMessage } from '../pool.ts';
import type { TaskSet } from '../task.ts';
import { chunkFailure, failureOf } from '../thread-entry.ts';
import { type JobEnvelope, decodeValue, encodeValue } from './codec.ts';
import { noteIfLive } from './notes.ts';
import {
  CANCELLED,
  CHUNK_QUEUE,
  type ChunkData,
  HEARTBEAT_MS,
  type JobKeys,
  type RedisTarget,
  WORKER_ALIVE_MS,
  cancelChannel,
  jobKeys,
  workerInfoKey,
  workersKey,
} from './target.ts';
import { bullConnection, openRedis } from './connect.ts';
import { RETRY_FIRST_MS, type RedisSettings, redisSettings, seconds } from './settings.ts';
import { withTimeout } from './with-timeout.ts';

/** Decoded jobs kept in memory. */
const JOB_CACHE = 8;

export interface RedisWorkerOptions {
  readonly target: RedisTarget;
  /** The tasks the threads can run, and the module they load (`src/analysis/tasks.ts`). */
  readonly tasks: TaskSet;
  /** Chunks run at once (= worker threads). Default: one per core. */
  readonly concurrency?: number;
  /** Shown on the coordinator's progress. Default `<hostname>-<pid>`. */
  readonly name?: string;
  /**
   * How long a chunk's lock lasts without renewal, ms (renewed every half of it while the chunk
   * runs). A chunk whose worker died goes back to the queue between one and two times this
   * later. Default 30 s.
   */
  readonly lockMs?: number;
  /** Lines worth logging (start, jobs seen, errors, stop). Default: none. */
  readonly log?: (line: string) => void;
  /** Timeouts, back-off and when to give up without Redis. Default: from the environment. */
  readonly settings?: RedisSettings;
}

/** While Redis is away, a line at most this often. */
const LOST_LOG_EVERY_MS = 30_000;
/** The same error from BullMQ is logged at most this often. */
const SAME_ERROR_EVERY_MS = 10_000;

interface Active {
  readonly jobId: string;
  readonly controller: AbortController;
  returning: boolean;
}

export class RedisWorker {
  readonly name: string;
  readonly concurrency: number;
  readonly target: RedisTarget;
  readonly #tasks: TaskSet;
  readonly #lockMs: number;
  readonly #log: (line: string) => void;
  readonly #active = new Map<string, Active>();
  readonly #jobs = new Map<string, JobEnvelope>();
  readonly #jobsSeen = new Set<string>();
  #pool: Piscina | null = null;
  #redis: Redis | null = null;
  #subscriber: Redis | null = null;
  #worker: Worker<ChunkData> | null = null;
  #heartbeat: NodeJS.Timeout | null = null;
  #stopping: Promise<void> | null = null;
  readonly #settings: RedisSettings;
  /** Since when Redis has been away (ms), and what it last said. */
  #lostSince: number | null = null;
  #lostError = '';
  #lostLogged = 0;
  #watchdog: NodeJS.Timeout | null = null;
  #lastLogged = { line: '', at: 0 };
  #giveUp!: (error: InputError) => void;
  /**
   * Resolves when the worker gave up after `ENTENTE_REDIS_GIVE_UP` seconds without Redis (it has
   * stopped by then), with the error to report. Never rejects.
   */
  readonly gaveUp: Promise<InputError>;
  /** Chunks this worker finished (results stored). */
  chunksDone = 0;

  constructor(options: RedisWorkerOptions) {
    this.target = options.target;
    this.#tasks = options.tasks;
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? availableParallelism()));
    this.name = options.name ?? `${hostname()}-${process.pid}`;
    this.#lockMs = Math.max(500, options.lockMs ?? 30_000);
    this.#log = options.log ?? (() => {});
    this.#settings = options.settings ?? redisSettings();
    this.gaveUp = new Promise((resolve) => (this.#giveUp = resolve));
  }

  /** Chunks running now. */
  get active(): number {
    return this.#active.size;
  }

  /**
   * Connects, starts the threads (waiting until they have loaded), then takes chunks. A Redis
   * that cannot be used (unreachable, a refused or missing password, no such database) is an
   * InputError naming the URL.
   */
  async start(): Promise<void> {
    const { queue } = this.target;
    const redis = await openRedis(this.target, this.#settings, '--redis');
    this.#redis = redis;
    redis.on('error', (err: Error) => this.#lost(err.message));
    redis.on('close', () => this.#lost('connection closed'));
    redis.on('ready', () => this.#back());
    this.#watchdog = setInterval(() => this.#watch(), Math.min(1000, this.#settings.giveUpMs / 4));
    this.#watchdog.unref();

    // The thread module shared with the pool executor (compiled or through tsx).
    const { filename, execArgv } = this.#tasks.thread;
    this.#pool = new Piscina({
      filename,
      minThreads: this.concurrency,
      maxThreads: this.concurrency,
      concurrentTasksPerWorker: 1,
      idleTimeout: Number.POSITIVE_INFINITY,
      execArgv,
    });
    // Load every thread before taking chunks (tsx start-up would otherwise eat into the first
    // chunk's lock): a message naming no task makes each thread load the sources and answer.
    await Promise.all(
      Array.from({ length: this.concurrency }, () =>
        this.#pool!.run({ task: '', job: null, chunk: 0 } satisfies PoolTaskMessage).catch(
          () => {},
        ),
      ),
    );

    const subscriber = redis.duplicate();
    subscriber.on('error', () => {});
    subscriber.on('message', (_channel: string, id: string) => this.#cancelJob(id));
    await subscriber.subscribe(cancelChannel(queue));
    this.#subscriber = subscriber;

    await this.#beat();
    // A heartbeat that fails (a command timeout: Redis is cut off without the socket closing)
    // counts as Redis away; one that succeeds as Redis back.
    this.#heartbeat = setInterval(
      () =>
        void this.#beat().then(
          () => this.#back(),
          (err: Error) => this.#lost(err.message),
        ),
      HEARTBEAT_MS,
    );
    this.#heartbeat.unref();

    const worker = new Worker<ChunkData>(
      CHUNK_QUEUE,
      (job: Job<ChunkData>, token?: string) => this.#process(job, token),
      {
        connection: bullConnection(this.target, this.#settings),
        prefix: queue,
        concurrency: this.concurrency,
        name: this.name,
        lockDuration: this.#lockMs,
        stalledInterval: Math.max(250, Math.floor(this.#lockMs / 2)),
        maxStalledCount: 2,
        // How long one blocking wait for a chunk lasts (BullMQ: 5 s). BullMQ guards each wait with
        // a timer of this plus 1 s that a close does not clear, so it held a worker that had
        // given up for up to 6 s more; 1 s costs one idle command a second.
        drainDelay: 1,
        autorun: false,
      },
    );
    worker.on('error', (err: Error) => this.#error(err.message));
    this.#worker = worker;
    void worker.run().catch((err: unknown) => this.#error((err as Error).message));
    await worker.waitUntilReady();
  }

  /** Logs an error, unless Redis is away (said once already) or it was just logged. */
  #error(message: string): void {
    if (this.#lostSince !== null || this.#stopping) return;
    const line = `error: ${message}`;
    const now = Date.now();
    if (line === this.#lastLogged.line && now - this.#lastLogged.at < SAME_ERROR_EVERY_MS) return;
    this.#lastLogged = { line, at: now };
    this.#log(line);
  }

  /** Redis went away (an error, a closed connection, a failed heartbeat). */
  #lost(message: string): void {
    if (this.#stopping) return;
    if (message !== 'connection closed' || !this.#lostError) this.#lostError = message;
    if (this.#lostSince !== null) return;
    this.#lostSince = Date.now();
    this.#lostLogged = this.#lostSince;
    const { retryMaxMs, giveUpMs } = this.#settings;
    this.#log(
      `lost Redis at ${this.target.display} (${message}); reconnecting with back-off (${seconds(RETRY_FIRST_MS)}, doubling up to ${seconds(retryMaxMs)}: ENTENTE_REDIS_RETRY_MAX); stopping after ${seconds(giveUpMs)} without it (ENTENTE_REDIS_GIVE_UP)`,
    );
  }

  /** Redis answers again. */
  #back(): void {
    if (this.#lostSince === null || this.#stopping) return;
    const away = Date.now() - this.#lostSince;
    this.#lostSince = null;
    this.#lostError = '';
    this.#log(`Redis at ${this.target.display} is back after ${seconds(away)}; taking chunks`);
  }

  /** Every second: how long Redis has been away; give up past the limit. */
  #watch(): void {
    if (this.#lostSince === null || this.#stopping) return;
    const now = Date.now();
    const away = now - this.#lostSince;
    if (away >= this.#settings.giveUpMs) {
      const reason = `last error: ${this.#lostError || 'no answer'}`;
      this.#giveUp(
        new InputError({
          path: '--redis',
          message: `no Redis at ${this.target.display} for ${seconds(Math.round(away / 1000) * 1000)} (${reason}); the worker stops (ENTENTE_REDIS_GIVE_UP sets how long it waits): start it again once Redis is back`,
        }),
      );
      void this.stop({ returnChunks: true }).catch(() => {});
      return;
    }
    if (now - this.#lostLogged >= LOST_LOG_EVERY_MS) {
      this.#lostLogged = now;
      this.#log(
        `still no Redis at ${this.target.display} after ${seconds(Math.round(away / 1000) * 1000)} (${this.#lostError}); stopping in ${seconds(Math.round((this.#settings.giveUpMs - away) / 1000) * 1000)}`,
      );
    }
  }

  async #beat(): Promise<void> {
    const redis = this.#redis;
    if (!redis) return;
    const { queue } = this.target;
    const info = JSON.stringify({
      host: hostname(),
      pid: process.pid,
      concurrency: this.concurrency,
      version: VERSION,
    });
    await redis
      .multi()
      .zadd(workersKey(queue), Date.now(), this.name)
      .hset(workerInfoKey(queue), this.name, info)
      .zremrangebyscore(workersKey(queue), '-inf', Date.now() - 60 * WORKER_ALIVE_MS)
      .exec();
  }

  #cancelJob(id: string): void {
    for (const active of this.#active.values()) {
      if (active.jobId === id) active.controller.abort();
    }
  }

  async #envelope(id: string, keys: JobKeys): Promise<JobEnvelope> {
    const cached = this.#jobs.get(id);
    if (cached) return cached;
    const bytes = await this.#redis!.getBuffer(keys.payload);
    if (!bytes) {
      throw new UnrecoverableError(
        `the inputs of job ${id} are no longer in Redis (expired or deleted); run the command again`,
      );
    }
    const envelope = decodeValue<JobEnvelope>(bytes);
    this.#jobs.set(id, envelope);
    if (this.#jobs.size > JOB_CACHE) this.#jobs.delete(this.#jobs.keys().next().value!);
    return envelope;
  }

  /**
   * Adds a note to the job's event stream (which lives as long as the job's other keys), with a
   * chunk's result for a `done` note — unless the job is finished: then nothing is written
   * (atomically, `notes.ts`) and this resolves false.
   */
  #note(
    keys: JobKeys,
    ttl: number,
    fields: (string | number)[],
    result?: { chunk: number; bytes: Buffer },
  ): Promise<boolean> {
    return noteIfLive(this.#redis!, keys, fields, { ttl, ...(result ? { result } : {}) });
  }

  /**
   * Records on the job's event stream that `chunk` failed here: the message, and the error as data
   * (`error`, JSON) so the coordinator rethrows it with its class.
   */
  async #noteError(
    keys: JobKeys,
    ttl: number,
    chunk: number,
    error: SerializedError,
  ): Promise<void> {
    await this.#note(keys, ttl, [
      'type',
      'error',
      'chunk',
      chunk,
      'worker',
      this.name,
      'message',
      error.message,
      'error',
      JSON.stringify(error),
    ]);
  }

  async #process(job: Job<ChunkData>, token?: string): Promise<{ bytes: number; ms: number }> {
    const { job: id, task, chunk } = job.data;
    const keys = jobKeys(this.target.queue, id);
    const redis = this.#redis!;
    const active: Active = { jobId: id, controller: new AbortController(), returning: false };
    const key = job.id ?? `${id}-${chunk}`;
    this.#active.set(key, active);
    try {
      if ((await redis.exists(keys.cancel)) === 1) throw new UnrecoverableError(CANCELLED);
      const envelope = await this.#envelope(id, keys);
      if (envelope.version !== VERSION) {
        // The user's setup to fix (an InputError on the coordinator), not a bug.
        const error = serializeError(
          new InputError({
            path: '--executor',
            message: `worker ${this.name} runs Entente ${VERSION} but the job needs ${envelope.version}: run the same version everywhere (results could differ otherwise)`,
          }),
        );
        await this.#noteError(keys, envelope.ttl, chunk, error);
        throw new UnrecoverableError(error.message);
      }
      if (!this.#jobsSeen.has(id)) {
        this.#jobsSeen.add(id);
        this.#log(`job ${id.slice(0, 12)} (${task}, ${envelope.chunks} chunks): taking chunks`);
      }
      const live = await this.#note(keys, envelope.ttl, [
        'type',
        'start',
        'chunk',
        chunk,
        'worker',
        this.name,
        'attempt',
        job.attemptsStarted,
      ]);
      // The job finished (its coordinator has every chunk and deleted its keys): nothing to do.
      if (!live) return { bytes: 0, ms: 0 };
      const started = performance.now();
      let answer: unknown;
      try {
        const message: PoolTaskMessage = { task, job: envelope.job, chunk };
        answer = await this.#pool!.run(message, { signal: active.controller.signal });
      } catch (err) {
        if (active.controller.signal.aborted) {
          if (active.returning) {
            await job.moveToWait(token);
            throw new WaitingError();
          }
          throw new UnrecoverableError(CANCELLED);
        }
        answer = chunkFailure(serializeError(err)); // the thread itself failed
      }
      const failed = failureOf(answer);
      if (failed) {
        await this.#noteError(keys, envelope.ttl, chunk, failed);
        throw new UnrecoverableError(failed.message);
      }
      const ms = performance.now() - started;
      const bytes = encodeValue(answer);
      await this.#note(
        keys,
        envelope.ttl,
        ['type', 'done', 'chunk', chunk, 'worker', this.name, 'ms', ms.toFixed(1)],
        { chunk, bytes },
      );
      this.chunksDone++;
      return { bytes: bytes.length, ms: Math.round(ms) };
    } finally {
      this.#active.delete(key);
    }
  }

  /**
   * Stops taking chunks. Chunks in progress finish and are stored, or with `returnChunks` are
   * aborted and put back in the queue for another worker. Resolves once everything is closed;
   * calling it again while stopping upgrades a graceful stop to returning the chunks.
   */
  stop(options: { returnChunks?: boolean } = {}): Promise<void> {
    if (options.returnChunks) {
      for (const active of this.#active.values()) {
        active.returning = true;
        active.controller.abort();
      }
    }
    this.#stopping ??= this.#shutdown();
    return this.#stopping;
  }

  async #shutdown(): Promise<void> {
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    if (this.#watchdog) clearInterval(this.#watchdog);
    const worker = this.#worker;
    this.#worker = null;
    if (worker) {
      // Without Redis, BullMQ's close waits for connections that do not come back: bounded
      // (one second: nothing it could still say reaches Redis; under load a longer bound was
      // most of the time between giving up and exiting).
      if (this.#lostSince === null) await worker.close();
      else
        await withTimeout(worker.close(true), 1000, () => 'timed out').catch(() =>
          worker.disconnect().catch(() => {}),
        );
    }
    const { queue } = this.target;
    const redis = this.#redis;
    if (redis?.status === 'ready') {
      await redis
        .multi()
        .zrem(workersKey(queue), this.name)
        .hdel(workerInfoKey(queue), this.name)
        .exec()
        .catch(() => {});
    }
    await closeClient(this.#subscriber);
    await closeClient(redis);
    this.#subscriber = null;
    this.#redis = null;
    await this.#pool?.destroy();
    this.#pool = null;
  }
}

async function closeClient(client: Redis | null): Promise<void> {
  if (!client) return;
  if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
  else client.disconnect();
}
