/**
 * The one `Store` implementation, over kysely: SQLite and PostgreSQL differ only in the dialect
 * handed in (see `sqlite.ts`, `postgres.ts`). Every write runs in a transaction.
 *
 * Version numbers: a save bumps `scenarios.latest_version` with one `UPDATE … RETURNING`, which
 * takes the row's write lock (PostgreSQL) or the database's (SQLite), so two concurrent saves get
 * two different numbers and neither is lost.
 */
import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, RunsTable, ScenarioVersionsTable } from './schema.ts';
import {
  FINISHED,
  type NewRun,
  type NewVersion,
  type RunPatch,
  type RunStatus,
  type RunSummary,
  type ScenarioSummary,
  type ScenarioVersion,
  type SourceFormat,
  type Store,
  type StoreKind,
  type StoredRun,
  StoreConflictError,
  type VersionSummary,
} from './store.ts';

export interface KyselyStoreOptions {
  readonly kind: StoreKind;
  readonly location: string;
  /** The clock (tests inject one). */
  readonly now?: () => Date;
  /** Called by `close()` after the kysely instance is destroyed. */
  readonly onClose?: () => Promise<void> | void;
}

const RUN_SUMMARY_COLUMNS = [
  'id',
  'scenario_id',
  'version',
  'kind',
  'status',
  'progress',
  'inputs_hash',
  'options',
  'seed',
  'entente',
  'error',
  'created_at',
  'started_at',
  'finished_at',
] as const;

export class KyselyStore implements Store {
  readonly kind: StoreKind;
  readonly location: string;
  readonly #db: Kysely<Database>;
  readonly #clock: () => Date;
  readonly #onClose: (() => Promise<void> | void) | undefined;
  #last = 0;
  #closed = false;

  constructor(db: Kysely<Database>, options: KyselyStoreOptions) {
    this.#db = db;
    this.kind = options.kind;
    this.location = options.location;
    this.#clock = options.now ?? (() => new Date());
    this.#onClose = options.onClose;
  }

  /** ISO time, strictly increasing within this store so "newest first" is a total order. */
  #now(): string {
    const t = Math.max(this.#clock().getTime(), this.#last + 1);
    this.#last = t;
    return new Date(t).toISOString();
  }

  async listScenarios(): Promise<ScenarioSummary[]> {
    const rows = await this.#db
      .selectFrom('scenarios as s')
      .innerJoin('scenario_versions as v', (j) =>
        j.onRef('v.scenario_id', '=', 's.id').onRef('v.version', '=', 's.latest_version'),
      )
      .select([
        's.id',
        's.latest_version',
        's.created_at',
        's.updated_at',
        'v.title',
        'v.author',
        'v.hash',
      ])
      .orderBy('s.updated_at', 'desc')
      .orderBy('s.id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      latestVersion: Number(r.latest_version),
      author: r.author,
      hash: r.hash,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  async saveVersion(v: NewVersion): Promise<ScenarioVersion> {
    const createdAt = this.#now();
    return this.#db.transaction().execute(async (trx) => {
      await trx
        .insertInto('scenarios')
        .values({
          id: v.scenarioId,
          latest_version: 0,
          created_at: createdAt,
          updated_at: createdAt,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      let bump = trx
        .updateTable('scenarios')
        .set((eb) => ({ latest_version: eb('latest_version', '+', 1), updated_at: createdAt }))
        .where('id', '=', v.scenarioId);
      if (v.expectedVersion !== undefined)
        bump = bump.where('latest_version', '=', v.expectedVersion);
      const bumped = await bump.returning('latest_version').executeTakeFirst();
      if (!bumped) {
        const row = await trx
          .selectFrom('scenarios')
          .select('latest_version')
          .where('id', '=', v.scenarioId)
          .executeTakeFirstOrThrow();
        throw new StoreConflictError(
          v.scenarioId,
          v.expectedVersion ?? 0,
          Number(row.latest_version),
        );
      }
      const row: ScenarioVersionsTable = {
        scenario_id: v.scenarioId,
        version: Number(bumped.latest_version),
        title: v.title,
        hash: v.hash,
        format: v.format,
        source: v.source,
        author: v.author,
        message: v.message ?? null,
        created_at: createdAt,
      };
      await trx.insertInto('scenario_versions').values(row).execute();
      return toVersion(row);
    });
  }

  async getVersion(scenarioId: string, version?: number): Promise<ScenarioVersion | undefined> {
    let q = this.#db
      .selectFrom('scenario_versions')
      .selectAll()
      .where('scenario_id', '=', scenarioId);
    q =
      version === undefined
        ? q.orderBy('version', 'desc').limit(1)
        : q.where('version', '=', version);
    const row = await q.executeTakeFirst();
    return row ? toVersion(row) : undefined;
  }

  async listVersions(scenarioId: string): Promise<VersionSummary[]> {
    const rows = await this.#db
      .selectFrom('scenario_versions')
      .select([
        'scenario_id',
        'version',
        'title',
        'hash',
        'format',
        'author',
        'message',
        'created_at',
      ])
      .where('scenario_id', '=', scenarioId)
      .orderBy('version', 'desc')
      .execute();
    return rows.map((r) => {
      const { source: _s, ...rest } = toVersion({ ...r, source: '' });
      return rest;
    });
  }

  async deleteScenario(scenarioId: string): Promise<boolean> {
    return this.#db.transaction().execute(async (trx) => {
      // Explicit deletes (not only ON DELETE CASCADE): SQLite enforces foreign keys only when the
      // pragma is on, and the order keeps the transaction valid either way.
      await trx.deleteFrom('runs').where('scenario_id', '=', scenarioId).execute();
      await trx.deleteFrom('scenario_versions').where('scenario_id', '=', scenarioId).execute();
      const r = await trx.deleteFrom('scenarios').where('id', '=', scenarioId).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    });
  }

  async createRun(run: NewRun): Promise<StoredRun> {
    const createdAt = this.#now();
    const status = run.status ?? 'queued';
    const row: Insertable<RunsTable> & Selectable<RunsTable> = {
      id: randomUUID(),
      scenario_id: run.scenarioId ?? null,
      version: run.version ?? null,
      kind: run.kind,
      status,
      progress: status === 'done' ? 1 : 0,
      inputs_hash: run.inputsHash,
      options: JSON.stringify(run.options ?? null),
      seed: run.seed,
      entente: run.entente,
      result: run.result === undefined ? null : JSON.stringify(run.result),
      error: null,
      created_at: createdAt,
      started_at: status === 'queued' ? null : createdAt,
      finished_at: FINISHED.has(status) ? createdAt : null,
      request: run.request === undefined ? null : JSON.stringify(run.request),
    };
    await this.#db.transaction().execute((trx) => trx.insertInto('runs').values(row).execute());
    return toRun(row);
  }

  async updateRun(id: string, patch: RunPatch): Promise<StoredRun | undefined> {
    return this.#db.transaction().execute(async (trx) => {
      const set: Updateable<RunsTable> = {};
      if (patch.status !== undefined) set.status = patch.status;
      if (patch.progress !== undefined) set.progress = patch.progress;
      if (patch.result !== undefined) set.result = JSON.stringify(patch.result);
      if (patch.error !== undefined) set.error = patch.error;
      if (patch.startedAt !== undefined) set.started_at = patch.startedAt;
      if (patch.finishedAt !== undefined) set.finished_at = patch.finishedAt;
      if (patch.status && FINISHED.has(patch.status) && patch.finishedAt === undefined)
        set.finished_at = this.#now();
      if (patch.status === 'running' && patch.startedAt === undefined) set.started_at = this.#now();
      if (Object.keys(set).length > 0) {
        // Finished runs are final: the WHERE keeps a late progress or result write from undoing
        // a cancel (or a failure) that got there first.
        await trx
          .updateTable('runs')
          .set(set)
          .where('id', '=', id)
          .where('status', 'not in', [...FINISHED])
          .execute();
      }
      const row = await trx.selectFrom('runs').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toRun(row) : undefined;
    });
  }

  async getRun(id: string): Promise<StoredRun | undefined> {
    const row = await this.#db
      .selectFrom('runs')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toRun(row) : undefined;
  }

  async listRuns(filter: { scenarioId?: string; limit?: number } = {}): Promise<RunSummary[]> {
    let q = this.#db.selectFrom('runs').select([...RUN_SUMMARY_COLUMNS]);
    if (filter.scenarioId !== undefined) q = q.where('scenario_id', '=', filter.scenarioId);
    const rows = await q
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(Math.max(1, Math.min(filter.limit ?? 100, 1000)))
      .execute();
    return rows.map((r) => {
      const { result: _r, ...rest } = toRun({ ...r, result: null, request: null });
      return rest;
    });
  }

  async listUnfinishedRuns(): Promise<RunSummary[]> {
    const rows = await this.#db
      .selectFrom('runs')
      .select([...RUN_SUMMARY_COLUMNS])
      .where('status', 'in', ['queued', 'running'])
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => {
      const { result: _r, ...rest } = toRun({ ...r, result: null, request: null });
      return rest;
    });
  }

  async getRunRequest(id: string): Promise<unknown> {
    const row = await this.#db
      .selectFrom('runs')
      .select('request')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    return row.request === null ? null : (JSON.parse(row.request) as unknown);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#db.destroy();
    await this.#onClose?.();
  }
}

function toVersion(r: ScenarioVersionsTable): ScenarioVersion {
  return {
    scenarioId: r.scenario_id,
    version: Number(r.version),
    title: r.title,
    hash: r.hash,
    format: r.format as SourceFormat,
    source: r.source,
    author: r.author,
    message: r.message,
    createdAt: r.created_at,
  };
}

function toRun(r: Selectable<RunsTable>): StoredRun {
  return {
    id: r.id,
    scenarioId: r.scenario_id,
    version: r.version === null ? null : Number(r.version),
    kind: r.kind,
    status: r.status as RunStatus,
    progress: Number(r.progress),
    inputsHash: r.inputs_hash,
    options: JSON.parse(r.options) as unknown,
    seed: Number(r.seed),
    entente: r.entente,
    result: r.result === null ? null : (JSON.parse(r.result) as unknown),
    error: r.error,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}
