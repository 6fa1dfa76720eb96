/**
 * The records the store keeps and the API sends: saved scenario versions and runs. Plain data in
 * `core/`, so every face reads the same types — the store implements them (`src/store/`), the
 * server returns them, and the workbench's typed client (`web/src/api.ts`) reads them — without
 * the web importing the store.
 */

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
  /**
   * While the run is queued or running, a notice from its executor, when one holds: e.g. that no
   * distributed worker has taken a chunk of it for a while. Kept in memory, never stored.
   */
  readonly notice?: string;
}

export type RunSummary = Omit<StoredRun, 'result'>;
