/**
 * Which store a shell opens: PostgreSQL when `DATABASE_URL` is set, else the SQLite file given
 * by `--db`, else `ENTENTE_DB`, else `~/.entente/entente.db`.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from './sqlite.ts';
import type { Store } from './store.ts';

export const DEFAULT_DB_FILE = join(homedir(), '.entente', 'entente.db');

export interface StoreChoice {
  /** `--db FILE`. */
  readonly db?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export function describeStoreChoice({ db, env = process.env }: StoreChoice): string {
  if (env.DATABASE_URL) return 'postgres (DATABASE_URL)';
  return `sqlite ${db ?? env.ENTENTE_DB ?? DEFAULT_DB_FILE}`;
}

export async function openStore({ db, env = process.env }: StoreChoice = {}): Promise<Store> {
  if (env.DATABASE_URL && db === undefined) {
    // Loaded only when asked for: the pg driver's modules cost a SQLite server ~0.2 s at start.
    const { openPostgresStore } = await import('./postgres.ts');
    return openPostgresStore(
      env.DATABASE_URL,
      env.ENTENTE_PG_SCHEMA ? { schema: env.ENTENTE_PG_SCHEMA } : {},
    );
  }
  return openSqliteStore(db ?? env.ENTENTE_DB ?? DEFAULT_DB_FILE);
}
