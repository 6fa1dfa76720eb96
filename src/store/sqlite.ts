/**
 * The default store: one SQLite file (better-sqlite3) in WAL mode, so readers never block the
 * writer and a crash never leaves a half-written save.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
import { KyselyStore } from './kysely-store.ts';
import { migrateToLatest } from './migrations.ts';
import type { Database } from './schema.ts';
import type { Store } from './store.ts';

export interface SqliteStoreOptions {
  readonly now?: () => Date;
}

/** Opens (creating if needed, with its folder) and migrates a SQLite store. `:memory:` works. */
export async function openSqliteStore(
  file: string,
  options: SqliteStoreOptions = {},
): Promise<Store> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  // Another process holding the write lock (a second `entente serve` on the same file) is waited
  // for, not failed on.
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  try {
    await migrateToLatest(db as Kysely<unknown>);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return new KyselyStore(db, { kind: 'sqlite', location: file, ...options });
}

/**
 * The database as Kysely's driver sees it, with its prepared statements kept: the driver prepares
 * every query again (SQLite compiles the SQL each time), which was the largest share of a store
 * call under the load bench. Kysely passes values as parameters, so the same query is the same
 * text; the least recently used of `size` statements is dropped. Every call runs a statement to
 * its end synchronously (streaming is not used), so one statement is never in use twice.
 */
function withStatementCache(db: BetterSqlite3.Database, size = 256): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => db.close(),
    prepare(sql) {
      let stmt = statements.get(sql);
      if (stmt) statements.delete(sql);
      else stmt = db.prepare(sql);
      statements.set(sql, stmt);
      if (statements.size > size) statements.delete(statements.keys().next().value!);
      return stmt;
    },
  };
}
