/**
 * Schema migrations, in order, for both databases (kysely's schema builder writes each dialect's
 * SQL). A migration is never edited once released: changes come as new entries. Kysely records
 * applied migrations in its own `kysely_migration` table and takes a lock while migrating, so two
 * processes opening the same database do not both migrate.
 */
import { type Kysely, type Migration, Migrator, sql } from 'kysely';

const MIGRATIONS: Record<string, Migration> = {
  '0001-scenarios-versions-runs': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('scenarios')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('latest_version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('scenario_versions')
        .addColumn('scenario_id', 'text', (c) =>
          c.notNull().references('scenarios.id').onDelete('cascade'),
        )
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('author', 'text', (c) => c.notNull())
        .addColumn('message', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('scenario_versions_pk', ['scenario_id', 'version'])
        .execute();
      await db.schema
        .createTable('runs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('scenario_id', 'text', (c) => c.references('scenarios.id').onDelete('cascade'))
        .addColumn('version', 'integer')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('progress', 'double precision', (c) => c.notNull().defaultTo(0))
        .addColumn('inputs_hash', 'text', (c) => c.notNull())
        .addColumn('options', 'text', (c) => c.notNull())
        .addColumn('seed', 'bigint', (c) => c.notNull())
        .addColumn('entente', 'text', (c) => c.notNull())
        .addColumn('result', 'text')
        .addColumn('error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text')
        .addColumn('finished_at', 'text')
        .execute();
      await db.schema
        .createIndex('runs_scenario_created')
        .on('runs')
        .columns(['scenario_id', 'created_at'])
        .execute();
      await db.schema.createIndex('runs_created').on('runs').column('created_at').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('runs').execute();
      await db.schema.dropTable('scenario_versions').execute();
      await db.schema.dropTable('scenarios').execute();
    },
  },
  // A job's request (its scenario, or where it is stored, and its options), written with the run
  // before the run is acknowledged, so a server that restarts can run it again (server/jobs.ts).
  '0002-run-requests': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('runs').addColumn('request', 'text').execute();
      await db.schema.createIndex('runs_status').on('runs').column('status').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('runs_status').execute();
      await db.schema.alterTable('runs').dropColumn('request').execute();
    },
  },
};

/** Applies every pending migration; throws with the failing migration's name and cause. */
export async function migrateToLatest(db: Kysely<unknown>, schema?: string): Promise<void> {
  // Kysely looks for its migration table in every schema it can see; naming the schema keeps a
  // store in one PostgreSQL schema from mistaking another schema's table for its own.
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(MIGRATIONS) },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${describe(error)}`, { cause: error });
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Names of the migrations this version of Entente knows, oldest first. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(MIGRATIONS).sort();

/** Used by tests: the migrations applied in a database. */
export async function appliedMigrations(db: Kysely<unknown>): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
    db,
  );
  return rows.rows.map((r) => r.name);
}
