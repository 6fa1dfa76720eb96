/** The tables, as kysely sees them. Times are ISO 8601 UTC text in both databases (they sort). */
import type { ColumnType } from 'kysely';

export interface ScenariosTable {
  id: string;
  latest_version: number;
  created_at: string;
  updated_at: string;
}

export interface ScenarioVersionsTable {
  scenario_id: string;
  version: number;
  title: string;
  hash: string;
  format: string;
  source: string;
  author: string;
  message: string | null;
  created_at: string;
}

export interface RunsTable {
  id: string;
  scenario_id: string | null;
  version: number | null;
  kind: string;
  status: string;
  progress: number;
  inputs_hash: string;
  /** JSON text. */
  options: string;
  /** pg returns bigint as text. */
  seed: ColumnType<number | string, number, number>;
  entente: string;
  /** JSON text or null. */
  result: string | null;
  error: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  /** JSON text: what a job needs to run again after a restart (server/jobs.ts); null before 0002. */
  request: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface Database {
  scenarios: ScenariosTable;
  scenario_versions: ScenarioVersionsTable;
  runs: RunsTable;
}
