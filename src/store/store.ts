/**
 * The `Store` interface: where the workbench keeps scenarios (every save a new immutable version,
 * with its author and time) and runs (inputs' hash, options, seed, Entente version, results).
 * Two implementations over kysely — SQLite (the default, one file) and PostgreSQL — share one
 * contract suite (`contract.ts`). Every write is one transaction: a save is either wholly there
 * or not there at all.
 */

import type {
  RunStatus,
  RunSummary,
  ScenarioSummary,
  ScenarioVersion,
  SourceFormat,
  StoredRun,
  VersionSummary,
} from '../core/records.ts';

export type {
  RunStatus,
  RunSummary,
  ScenarioSummary,
  ScenarioVersion,
  SourceFormat,
  StoredRun,
  VersionSummary,
} from '../core/records.ts';

export type StoreKind = 'sqlite' | 'postgres';

export interface NewVersion {
  readonly scenarioId: string;
  readonly title: string;
  readonly hash: string;
  readonly format: SourceFormat;
  readonly source: string;
  readonly author: string;
  readonly message?: string | null;
  /**
   * Optimistic concurrency: the version the author started from. When given and the latest
   * version is another one, the save is refused with a {@link StoreConflictError} (0 = "the
   * scenario must not exist yet"), so one editor never silently buries another's edit.
   */
  readonly expectedVersion?: number;
}

export interface NewRun {
  readonly scenarioId?: string | null;
  readonly version?: number | null;
  readonly kind: string;
  readonly status?: RunStatus;
  readonly inputsHash: string;
  readonly options: unknown;
  readonly seed: number;
  readonly entente: string;
  readonly result?: unknown;
  /**
   * What is needed to run it again (plain JSON), stored with the run in the same write and never
   * sent with it: a server restarted after a crash resumes unfinished runs from it.
   */
  readonly request?: unknown;
}

export interface RunPatch {
  readonly status?: RunStatus;
  readonly progress?: number;
  readonly result?: unknown;
  readonly error?: string | null;
  readonly startedAt?: string | null;
  readonly finishedAt?: string | null;
}

export interface Store {
  readonly kind: StoreKind;
  /** Where the data lives: a file path, or the database URL without its password. */
  readonly location: string;
  listScenarios(): Promise<ScenarioSummary[]>;
  /** Saves a new version (1 for a new scenario). */
  saveVersion(v: NewVersion): Promise<ScenarioVersion>;
  /** The given version, or the latest when `version` is omitted. */
  getVersion(scenarioId: string, version?: number): Promise<ScenarioVersion | undefined>;
  /** Newest first. Empty when the scenario does not exist. */
  listVersions(scenarioId: string): Promise<VersionSummary[]>;
  /** Deletes the scenario, all its versions and its runs. False when there was none. */
  deleteScenario(scenarioId: string): Promise<boolean>;
  createRun(run: NewRun): Promise<StoredRun>;
  /**
   * Updates a run. A run that has finished (done, failed, cancelled) is never changed again:
   * the patch is ignored and the stored run returned, so a late write cannot undo a cancel.
   */
  updateRun(id: string, patch: RunPatch): Promise<StoredRun | undefined>;
  getRun(id: string): Promise<StoredRun | undefined>;
  /** Newest first. */
  listRuns(filter?: { scenarioId?: string; limit?: number }): Promise<RunSummary[]>;
  /** Every queued or running run, oldest first (a restarted server resumes them). */
  listUnfinishedRuns(): Promise<RunSummary[]>;
  /** The request stored with a run; null when it has none, undefined when there is no run. */
  getRunRequest(id: string): Promise<unknown>;
  close(): Promise<void>;
}

/** A save that lost a race: another version was saved since the author's `expectedVersion`. */
export class StoreConflictError extends Error {
  constructor(
    readonly scenarioId: string,
    readonly expectedVersion: number,
    readonly latestVersion: number,
  ) {
    super(
      `scenario "${scenarioId}" is at version ${latestVersion}, not ${expectedVersion}: someone saved since you opened it; reload and apply your change again`,
    );
    this.name = 'StoreConflictError';
  }
}

export const FINISHED: ReadonlySet<RunStatus> = new Set(['done', 'failed', 'cancelled']);
