/**
 * Runs analyses as jobs: each gets a run record in the store (its id is the job id), progress,
 * and can be cancelled. Every job runs its planned analysis through the one runner
 * (`runAnalysis`, src/analysis/analysis.ts) on the server's executor. Quick analyses (forecasts)
 * finish before the request returns; long ones (Monte Carlo, sensitivity, levers, commitment,
 * reports) queue and run `concurrency` at a time. The store is the source of truth; in memory
 * are only the cancel switches, the freshest progress (written to the store at most every
 * 250 ms) and a way to wait for a job.
 */
import { runAnalysis } from '../analysis/analysis.ts';
import { InlineExecutor } from '../executors/inline.ts';
import type { Executor } from '../executors/executor.ts';
import type { Store, StoredRun } from '../store/store.ts';
import { VERSION } from '../version.ts';
import type { AnalysisRequest, PlannedRun, RunKind } from './analyses.ts';
import type { ResolvedScenario } from './scenario-source.ts';

interface Live {
  readonly controller: AbortController;
  progress: number;
  lastWrite: number;
  /** Settles once the run's final status is stored. */
  readonly settled: Promise<void>;
  settle(): void;
}

function live(): Live {
  let settle!: () => void;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  return { controller: new AbortController(), progress: 0, lastWrite: 0, settled, settle };
}

export interface JobsOptions {
  readonly executor?: Executor;
  /** Long jobs run at once; default 1 (a Monte Carlo job uses the executor's workers itself). */
  readonly concurrency?: number;
}

export class Jobs {
  readonly #store: Store;
  readonly #executor: Executor;
  readonly #concurrency: number;
  readonly #live = new Map<string, Live>();
  readonly #queue: { id: string; planned: PlannedRun }[] = [];
  #running = 0;
  /** Settles when every started job has finished (tests, shutdown). */
  readonly #pending = new Set<Promise<void>>();

  constructor(store: Store, options: JobsOptions = {}) {
    this.#store = store;
    this.#executor = options.executor ?? new InlineExecutor();
    this.#concurrency = Math.max(1, options.concurrency ?? 1);
  }

  /** Marks runs a previous server left queued or running as failed (they cannot resume). */
  async recover(): Promise<number> {
    const stale = (await this.#store.listRuns({ limit: 1000 })).filter(
      (r) => (r.status === 'queued' || r.status === 'running') && !this.#live.has(r.id),
    );
    for (const r of stale) {
      await this.#store.updateRun(r.id, {
        status: 'failed',
        error: 'interrupted: the server stopped before the run finished',
      });
    }
    return stale.length;
  }

  /** Plans (throwing on bad input before anything is stored), records and starts a run. */
  async submit(
    analysis: RunKind,
    resolved: ResolvedScenario,
    request: AnalysisRequest,
  ): Promise<StoredRun> {
    const planned = analysis.plan(resolved.scenario, request);
    const run = await this.#store.createRun({
      scenarioId: resolved.stored?.scenarioId ?? null,
      version: resolved.stored?.version ?? null,
      kind: analysis.kind,
      inputsHash: resolved.hash,
      options: planned.options,
      seed: planned.seed,
      entente: VERSION,
    });
    this.#live.set(run.id, live());
    if (analysis.immediate) {
      await this.#execute(run.id, planned);
      return (await this.#store.getRun(run.id))!;
    }
    this.#queue.push({ id: run.id, planned });
    this.#pump();
    return run;
  }

  /** The stored run, with fresher in-memory progress while it runs. */
  async get(id: string): Promise<StoredRun | undefined> {
    const run = await this.#store.getRun(id);
    const live = this.#live.get(id);
    if (run && live && (run.status === 'running' || run.status === 'queued'))
      return { ...run, progress: Math.max(run.progress, live.progress) };
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

  /** Cancels everything and waits. */
  async close(): Promise<void> {
    for (const { id } of [...this.#queue]) await this.cancel(id);
    for (const [id, live] of this.#live) {
      live.controller.abort();
      await this.#store.updateRun(id, { status: 'cancelled', error: 'the server stopped' });
    }
    await Promise.all([...this.#pending]);
    await this.#executor.close();
  }

  #pump(): void {
    while (this.#running < this.#concurrency && this.#queue.length > 0) {
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

  async #execute(id: string, planned: PlannedRun): Promise<void> {
    const live = this.#live.get(id)!;
    try {
      if (live.controller.signal.aborted) return;
      await this.#store.updateRun(id, { status: 'running' });
      const { result } = await runAnalysis(this.#executor, planned.analysis, {
        signal: live.controller.signal,
        onProgress: (done, total) => {
          live.progress = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
          const now = Date.now();
          if (now - live.lastWrite >= 250) {
            live.lastWrite = now;
            void this.#store.updateRun(id, { progress: live.progress }).catch(() => {});
          }
        },
      });
      if (live.controller.signal.aborted) return; // the cancel has been recorded already
      await this.#store.updateRun(id, { status: 'done', progress: 1, result });
    } catch (err) {
      await this.#store.updateRun(id, {
        status: 'failed',
        error: err instanceof Error ? err.message : String(err),
      });
    } finally {
      this.#live.delete(id);
      live.settle();
    }
  }
}
