/**
 * The shared-deployment store: PostgreSQL through `pg`, selected by `DATABASE_URL`. An optional
 * schema (created if missing) keeps Entente's tables apart, and lets tests use a throw-away one.
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { KyselyStore } from './kysely-store.ts';
import { migrateToLatest } from './migrations.ts';
import type { Database } from './schema.ts';
import type { Store } from './store.ts';

export interface PostgresStoreOptions {
  /** A schema to use (and create) instead of the connection's default search path. */
  readonly schema?: string;
  readonly now?: () => Date;
  /** Pool size; default 10. */
  readonly max?: number;
}

/** `postgres://user:***@host/db`: the URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres (unparsable DATABASE_URL)';
  }
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/;

export async function openPostgresStore(
  connectionString: string,
  options: PostgresStoreOptions = {},
): Promise<Store> {
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`invalid schema name "${schema}": use lower-case letters, digits and "_"`);
  }
  if (schema) {
    // Create the schema on a one-off connection before the pool pins search_path to it.
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      await client.query(`create schema if not exists ${schema}`);
    } finally {
      await client.end();
    }
  }
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`select 1`.execute(db);
    await migrateToLatest(db as Kysely<unknown>, schema);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return new KyselyStore(db, {
    kind: 'postgres',
    location: redactUrl(connectionString) + (schema ? ` (schema ${schema})` : ''),
    ...(options.now ? { now: options.now } : {}),
  });
}

/** Drops a schema and everything in it (tests). */
export async function dropPostgresSchema(connectionString: string, schema: string): Promise<void> {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name "${schema}"`);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}
