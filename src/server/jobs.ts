/**
 * Runs analyses as jobs: each gets a run record in the store (its id is the job id), progress,
 * and can be cancelled. Every job runs its planned analysis through the one runner
 * (`runAnalysis`, src/analysis/analysis.ts) on the server's executor. Quick analyses (forecasts)
 * finish before the request returns; long ones (Monte Carlo, sensitivity, levers, commitment,
 * reports) queue and run `concurrency` at a time.
 *
 * The store is the source of truth. A job's request (its scenario — text, or the stored version
 * it names — its kind and options) is written with its run, in the same transaction, before the
 * job is acknowledged; a server that starts again (after a crash, `kill -9`, or a clean stop)
 * resumes every queued or running run from it (`resume`), and results are the same since every
 * draw comes from the stored seed. A run that cannot resume (its scenario is gone or changed, it
 * predates stored requests) fails with the reason; `retry` re-queues a failed or cancelled run
 * as a new run in one call. In memory are only the cancel switches, the freshest progress
 * (written to the store at most every 250 ms), the queue and a way to wait for a job.
 *
 * Bounded work (docs/hardening.md, "Jobs"): at most `maxJobs` long jobs queued or running in
 * all, and `maxJobsPerClient` per client (its network address); a job beyond either is refused
 * with 429 and a `Retry-After` estimated from how long recent jobs took.
 */
import { runAnalysis } from '../analysis/analysis.ts';
import { InlineExecutor } from '../executors/inline.ts';
import type { Executor } from '../executors/executor.ts';
import { type RunSummary, type Store, type StoredRun } from '../store/store.ts';
import { VERSION } from '../version.ts';
import { type AnalysisRequest, type PlannedRun, type RunKind, runKindOf } from './analyses.ts';
import { HttpError } from './errors.ts';
import {
  type ResolvedScenario,
  type ScenarioSource,
  type TextParser,
  parseHere,
  resolveScenario,
} from './scenario-source.ts';

interface Live {
  readonly controller: AbortController;
  progress: number;
  /** The executor's latest notice while the run goes on (no worker has taken a chunk…). */
  notice: string | null;
  lastWrite: number;
  /** Settles once the run's final status is stored. */
  readonly settled: Promise<void>;
  settle(): void;
}

function live(): Live {
  let settle!: () => void;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  return {
    controller: new AbortController(),
    progress: 0,
    notice: null,
    lastWrite: 0,
    settled,
    settle,
  };
}

/** What a job needs to run again, stored with its run (the store's `request`). */
export interface JobRequest {
  readonly kind: string;
  /** What the kind was made with (`RunKind.params`: a report's `generatedAt`). */
  readonly params?: Readonly<Record<string, unknown>>;
  /** A stored version by reference (versions never change), any other scenario as its text. */
  readonly scenario:
    | { readonly scenarioId: string; readonly version: number }
    | { readonly text: string; readonly file?: string };
  readonly request: AnalysisRequest;
  /** Who asked (for the per-client limit). */
  readonly client: string;
}

/** The request fields a plan reads (the rest of a request body names the scenario). */
const REQUEST_KEYS = [
  'models',
  'seed',
  'issues',
  'runs',
  'target',
  'within',
  'beyondRange',
  'pairs',
  'measure',
  'ifJoins',
  'tornado',
] as const satisfies readonly (keyof AnalysisRequest)[];

function isJobRequest(x: unknown): x is JobRequest {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Partial<JobRequest>;
  return (
    typeof r.kind === 'string' &&
    typeof r.scenario === 'object' &&
    r.scenario !== null &&
    typeof r.request === 'object' &&
    r.request !== null &&
    typeof r.client === 'string'
  );
}

/** Limits on long jobs (queued or running); docs/hardening.md lists them with how to raise them. */
export interface JobLimits {
  /** Long jobs queued or running in all: the queue's bound. */
  readonly maxJobs: number;
  /** Long jobs queued or running for one client. */
  readonly maxJobsPerClient: number;
}

export const DEFAULT_JOB_LIMITS: JobLimits = { maxJobs: 100, maxJobsPerClient: 10 };

/** Retry-After when no job has finished yet to estimate from, in seconds. */
const DEFAULT_JOB_SECONDS = 5;

export interface JobsOptions {
  readonly executor?: Executor;
  /**
   * Where quick kinds (forecasts, finished inside their request) run: default inline; `entente
   * serve` gives its worker pool, so that no forecast blocks the event loop.
   */
  readonly quickExecutor?: Executor;
  /** Long jobs run at once; default 1 (a Monte Carlo job uses the executor's workers itself). */
  readonly concurrency?: number;
  readonly limits?: Partial<JobLimits>;
  /** Parses a stored request's scenario text on resume and retry (default: on the event loop). */
  readonly parse?: TextParser;
  /** Told of each notice of a running job (null: it no longer holds); `entente serve` prints them. */
  readonly onNotice?: (id: string, notice: string | null) => void;
}

/** Who submits a job: the client's network address (`local` for in-process requests). */
export interface SubmitOptions {
  readonly client?: string;
}

export class Jobs {
  readonly #store: Store;
  readonly #executor: Executor;
  readonly #quick: Executor;
  readonly #concurrency: number;
  readonly #parse: TextParser;
  readonly #onNotice: ((id: string, notice: string | null) => void) | undefined;
  readonly limits: JobLimits;
  readonly #live = new Map<string, Live>();
  readonly #queue: { id: string; planned: PlannedRun }[] = [];
  /** Long jobs queued or running, in submission order, with their client. */
  readonly #active = new Map<string, string>();
  /** Slots taken by submissions between their limit check and their stored run. */
  readonly #reserved = new Map<string, number>();
  #reservedTotal = 0;
  /** Mean seconds of recent long jobs (for Retry-After). */
  #meanSeconds = DEFAULT_JOB_SECONDS;
  #running = 0;
  #closing = false;
  /** Settles when every started job has finished (tests, shutdown). */
  readonly #pending = new Set<Promise<void>>();

  constructor(store: Store, options: JobsOptions = {}) {
    this.#store = store;
    this.#executor = options.executor ?? new InlineExecutor();
    this.#quick = options.quickExecutor ?? new InlineExecutor();
    this.#concurrency = Math.max(1, options.concurrency ?? 1);
    this.limits = { ...DEFAULT_JOB_LIMITS, ...options.limits };
    this.#onNotice = options.onNotice;
    this.#parse = options.parse ?? parseHere;
  }

  /**
   * Resumes the runs a previous server left queued or running, oldest first, from their stored
   * requests; a run that cannot resume is marked failed with the reason.
   */
  async resume(): Promise<{ resumed: number; failed: number }> {
    let resumed = 0;
    let failed = 0;
    for (const run of await this.#store.listUnfinishedRuns()) {
      if (this.#live.has(run.id)) continue;
      const reason = await this.#requeue(run);
      if (reason === undefined) {
        resumed++;
        continue;
      }
      failed++;
      await this.#store.updateRun(run.id, {
        status: 'failed',
        error: `interrupted: the server stopped before the run finished, and it cannot resume: ${reason}`,
      });
    }
    this.#pump();
    return { resumed, failed };
  }

  /** Puts an unfinished stored run back on the queue; the reason when it cannot. */
  async #requeue(run: RunSummary): Promise<string | undefined> {
    const stored = await this.#store.getRunRequest(run.id);
    if (!isJobRequest(stored))
      return 'it was started by an Entente that did not store requests; start it again';
    const prepared = await this.#prepare(stored);
    if (typeof prepared === 'string') return prepared;
    if (prepared.resolved.hash !== run.inputsHash)
      return `its scenario is not the one it started with (hash ${prepared.resolved.hash}, was ${run.inputsHash})`;
    this.#live.set(run.id, live());
    if (!prepared.kind.immediate) this.#active.set(run.id, stored.client);
    await this.#store.updateRun(run.id, { status: 'queued', progress: 0 });
    this.#queue.push({ id: run.id, planned: prepared.planned });
    return undefined;
  }

  /** Resolves and plans a stored request again; a reason when it no longer can. */
  async #prepare(
    stored: JobRequest,
  ): Promise<{ kind: RunKind; resolved: ResolvedScenario; planned: PlannedRun } | string> {
    const kind = runKindOf(stored.kind, stored.params);
    if (!kind) return `this server does not know runs of kind "${stored.kind}"`;
    let resolved: ResolvedScenario;
    try {
      resolved = await resolveScenario(stored.scenario, this.#store, this.#parse);
    } catch (err) {
      return `its scenario cannot be read: ${message(err)}`;
    }
    try {
      return { kind, resolved, planned: kind.plan(resolved.scenario, stored.request) };
    } catch (err) {
      return `its request is no longer valid: ${message(err)}`;
    }
  }

  /** Plans (throwing on bad input before anything is stored), records and starts a run. */
  async submit(
    analysis: RunKind,
    resolved: ResolvedScenario,
    request: AnalysisRequest,
    options: SubmitOptions = {},
  ): Promise<StoredRun> {
    const client = options.client ?? 'local';
    const planned = analysis.plan(resolved.scenario, request);
    const picked: Record<string, unknown> = {};
    for (const k of REQUEST_KEYS) if (request[k] !== undefined) picked[k] = request[k];
    const file = (request as ScenarioSource).file;
    const stored: JobRequest = {
      kind: analysis.kind,
      ...(analysis.params ? { params: analysis.params } : {}),
      scenario: resolved.stored
        ? { scenarioId: resolved.stored.scenarioId, version: resolved.stored.version }
        : { text: resolved.source, ...(file !== undefined ? { file } : {}) },
      request: picked,
      client,
    };
    return this.#start(analysis, resolved, planned, stored);
  }

  /**
   * Re-queues a failed or cancelled run as a new run from its stored request (same scenario,
   * options and seed, so the same result). Undefined when there is no such run.
   */
  async retry(id: string, options: SubmitOptions = {}): Promise<StoredRun | undefined> {
    const run = await this.#store.getRun(id);
    if (!run) return undefined;
    if (run.status !== 'failed' && run.status !== 'cancelled')
      throw new HttpError(
        409,
        'conflict',
        `run "${id}" is ${run.status}: only a failed or cancelled run can be retried`,
      );
    const stored = await this.#store.getRunRequest(id);
    if (!isJobRequest(stored))
      throw new HttpError(
        409,
        'conflict',
        `run "${id}" has no stored request (it was started by an older Entente): start it again with POST /api/runs`,
      );
    const prepared = await this.#prepare(stored);
    if (typeof prepared === 'string')
      throw new HttpError(409, 'conflict', `run "${id}" cannot be retried: ${prepared}`);
    const client = options.client ?? stored.client;
    return this.#start(prepared.kind, prepared.resolved, prepared.planned, { ...stored, client });
  }

  async #start(
    analysis: RunKind,
    resolved: ResolvedScenario,
    planned: PlannedRun,
    stored: JobRequest,
  ): Promise<StoredRun> {
    const { client } = stored;
    if (!analysis.immediate) this.#reserve(client);
    let run: StoredRun;
    try {
      run = await this.#store.createRun({
        scenarioId: resolved.stored?.scenarioId ?? null,
        version: resolved.stored?.version ?? null,
        kind: analysis.kind,
        inputsHash: resolved.hash,
        options: planned.options,
        seed: planned.seed,
        entente: VERSION,
        request: stored,
      });
      if (!analysis.immediate) this.#active.set(run.id, client);
    } finally {
      if (!analysis.immediate) this.#unreserve(client);
    }
    this.#live.set(run.id, live());
    if (analysis.immediate) {
      await this.#execute(run.id, planned, this.#quick);
      return (await this.#store.getRun(run.id))!;
    }
    this.#queue.push({ id: run.id, planned });
    this.#pump();
    return run;
  }

  /** Takes a slot for a long job of `client`, or throws 429 with Retry-After. */
  #reserve(client: string): void {
    const mine = [...this.#active.values()].filter((c) => c === client).length;
    const reserved = this.#reserved.get(client) ?? 0;
    const total = this.#active.size + this.#reservedTotal;
    const { maxJobs, maxJobsPerClient } = this.limits;
    if (mine + reserved >= maxJobsPerClient) {
      // This client's oldest job frees a slot once the jobs ahead of it (and it) have run.
      const ahead = [...this.#active.values()].indexOf(client);
      const wait = (Math.floor(Math.max(0, ahead) / this.#concurrency) + 1) * this.#meanSeconds;
      throw tooMany(
        `too many jobs: this client (${client}) has ${mine + reserved} queued or running, the limit is ${maxJobsPerClient} per client (ENTENTE_MAX_JOBS_PER_CLIENT or entente serve --max-jobs-per-client); wait for one to finish or cancel one`,
        wait,
      );
    }
    if (total >= maxJobs) {
      throw tooMany(
        `too many jobs: ${total} are queued or running, the server's limit is ${maxJobs} (ENTENTE_MAX_JOBS or entente serve --max-jobs); try again later`,
        this.#meanSeconds,
      );
    }
    this.#reserved.set(client, reserved + 1);
    this.#reservedTotal++;
  }

  #unreserve(client: string): void {
    const n = (this.#reserved.get(client) ?? 1) - 1;
    if (n > 0) this.#reserved.set(client, n);
    else this.#reserved.delete(client);
    this.#reservedTotal--;
  }

  /** Long jobs queued or running, in all and for one client. */
  load(client?: string): { total: number; client: number } {
    return {
      total: this.#active.size,
      client:
        client === undefined ? 0 : [...this.#active.values()].filter((c) => c === client).length,
    };
  }

  /**
   * The stored run, with fresher in-memory progress while it runs, and the executor's notice
   * (`notice`) while one holds: e.g. that no worker has taken a chunk of it for a while.
   */
  async get(id: string): Promise<StoredRun | undefined> {
    const run = await this.#store.getRun(id);
    const live = this.#live.get(id);
    if (run && live && (run.status === 'running' || run.status === 'queued'))
      return {
        ...run,
        progress: Math.max(run.progress, live.progress),
        ...(live.notice !== null ? { notice: live.notice } : {}),
      };
    return run;
  }

  /** Waits until a run has finished (done, failed or cancelled) and returns it. */
  async wait(id: string): Promise<StoredRun | undefined> {
    await this.#live.get(id)?.settled;
    return this.#store.getRun(id);
  }

  /** Cancels a queued or running run. Finished runs are returned unchanged. */
  async cancel(id: string): Promise<StoredRun | undefined> {
    const live = this.#live.get(id);
    const i = this.#queue.findIndex((q) => q.id === id);
    if (i >= 0) this.#queue.splice(i, 1);
    live?.controller.abort();
    const run = await this.#store.getRun(id);
    if (!run) return undefined;
    const cancelled = await this.#store.updateRun(id, {
      status: 'cancelled',
      error: 'cancelled by request',
    });
    if (i >= 0 && live) {
      // Never started: nothing else will settle it.
      this.#live.delete(id);
      this.#active.delete(id);
      live.settle();
    }
    return cancelled;
  }

  /** Waits for every running and queued job (tests and shutdown). */
  async idle(): Promise<void> {
    while (this.#pending.size > 0 || this.#queue.length > 0) {
      await Promise.all([...this.#pending]);
      if (this.#pending.size === 0 && this.#queue.length > 0) this.#pump();
    }
  }

  /**
   * Stops: running jobs are interrupted and, like queued ones, left queued in the store, so the
   * next server on the same database resumes them.
   */
  async close(): Promise<void> {
    this.#closing = true;
    this.#queue.length = 0;
    for (const live of this.#live.values()) live.controller.abort();
    await Promise.all([...this.#pending]);
    for (const live of this.#live.values()) live.settle();
    await this.#executor.close();
    if (this.#quick !== this.#executor) await this.#quick.close();
  }

  #pump(): void {
    while (!this.#closing && this.#running < this.#concurrency && this.#queue.length > 0) {
      const next = this.#queue.shift()!;
      this.#running++;
      const p = this.#execute(next.id, next.planned).finally(() => {
        this.#running--;
        this.#pending.delete(p);
        this.#pump();
      });
      this.#pending.add(p);
    }
  }

  async #execute(id: string, planned: PlannedRun, executor = this.#executor): Promise<void> {
    const live = this.#live.get(id)!;
    const started = Date.now();
    try {
      if (live.controller.signal.aborted) return;
      await this.#store.updateRun(id, { status: 'running' });
      const { result } = await runAnalysis(executor, planned.analysis, {
        signal: live.controller.signal,
        onProgress: (done, total) => {
          live.progress = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
          const now = Date.now();
          if (now - live.lastWrite >= 250) {
            live.lastWrite = now;
            void this.#store.updateRun(id, { progress: live.progress }).catch(() => {});
          }
        },
        onNotice: (notice) => {
          live.notice = notice;
          this.#onNotice?.(id, notice);
        },
      });
      if (live.controller.signal.aborted) {
        // A cancel has been recorded already; a shutdown leaves the run for the next server.
        if (this.#closing) await this.#store.updateRun(id, { status: 'queued', progress: 0 });
        return;
      }
      await this.#store.updateRun(id, { status: 'done', progress: 1, result });
      if (this.#active.has(id))
        this.#meanSeconds = 0.7 * this.#meanSeconds + 0.3 * ((Date.now() - started) / 1000);
    } catch (err) {
      if (this.#closing) {
        await this.#store.updateRun(id, { status: 'queued', progress: 0 }).catch(() => {});
        return;
      }
      await this.#store.updateRun(id, { status: 'failed', error: message(err) });
    } finally {
      this.#live.delete(id);
      this.#active.delete(id);
      live.settle();
    }
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function tooMany(text: string, seconds: number): HttpError {
  const wait = Math.min(3600, Math.max(1, Math.ceil(seconds)));
  return new HttpError(429, 'too-many-requests', text, undefined, { 'Retry-After': String(wait) });
}
