/**
 * The `Store` interface: where the workbench keeps scenarios (every save a new immutable version,
 * with its author and time) and runs (inputs' hash, options, seed, Entente version, results).
 * Two implementations over kysely — SQLite (the default, one file) and PostgreSQL — share one
 * contract suite (`contract.ts`). Every write is one transaction: a save is either wholly there
 * or not there at all.
 */

export type StoreKind = 'sqlite' | 'postgres';

/** How a scenario's source text is written. */
export type SourceFormat = 'yaml' | 'json';

/** One saved version of a scenario. Versions are numbered 1, 2, 3… per scenario and never change. */
export interface ScenarioVersion {
  /** The scenario's `id` field (the store key). */
  readonly scenarioId: string;
  readonly version: number;
  /** The scenario's `title` at this version. */
  readonly title: string;
  /** `sha256:` content hash of the parsed scenario (the hash results carry). */
  readonly hash: string;
  readonly format: SourceFormat;
  /** The text as saved (YAML or JSON). */
  readonly source: string;
  readonly author: string;
  /** What changed, in the author's words. */
  readonly message: string | null;
  /** ISO 8601 UTC. */
  readonly createdAt: string;
}

/** A version without its source, for listings. */
export type VersionSummary = Omit<ScenarioVersion, 'source'>;

export interface ScenarioSummary {
  readonly id: string;
  readonly title: string;
  readonly latestVersion: number;
  /** Author of the latest version. */
  readonly author: string;
  readonly hash: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

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

export type RunStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface StoredRun {
  readonly id: string;
  /** The stored scenario the run used, or null for a scenario sent inline. */
  readonly scenarioId: string | null;
  readonly version: number | null;
  /** `forecast`, `simulate`, `sensitivity`, `levers`… */
  readonly kind: string;
  readonly status: RunStatus;
  /** 0..1. */
  readonly progress: number;
  /** Content hash of the inputs (the scenario's hash). */
  readonly inputsHash: string;
  /** Models and their options, runs, issues… as requested (plain JSON). */
  readonly options: unknown;
  readonly seed: number;
  /** Entente version that ran it. */
  readonly entente: string;
  readonly result: unknown;
  readonly error: string | null;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
}

export type RunSummary = Omit<StoredRun, 'result'>;

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
