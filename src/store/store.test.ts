/**
 * The store contract on SQLite (always) and PostgreSQL (when a server is reachable through
 * `ENTENTE_TEST_DATABASE_URL` or `DATABASE_URL`; otherwise skipped with the reason printed).
 * Each PostgreSQL store lives in its own throw-away schema, dropped afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeStoreContract } from './contract.ts';
import { dropPostgresSchema, openPostgresStore } from './postgres.ts';
import { openSqliteStore } from './sqlite.ts';

const dir = mkdtempSync(join(tmpdir(), 'entente-store-'));
let files = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeStoreContract('SQLite (file, WAL)', () => openSqliteStore(join(dir, `s${files++}.db`)));

describe('SQLite store', () => {
  it('creates the folder, uses WAL, and keeps data across reopening (migrations run once)', async () => {
    const file = join(dir, 'nested', 'deeper', 'e.db');
    const a = await openSqliteStore(file);
    await a.saveVersion({
      scenarioId: 'k',
      title: 'K',
      hash: 'sha256:0',
      format: 'json',
      source: '{}',
      author: 'ana',
    });
    await a.close();
    const b = await openSqliteStore(file);
    expect((await b.getVersion('k'))?.title).toBe('K');
    await b.close();
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });
});

const pgUrl = process.env.ENTENTE_TEST_DATABASE_URL ?? process.env.DATABASE_URL;
const pgReason = pgUrl
  ? await reachable(pgUrl)
  : 'neither ENTENTE_TEST_DATABASE_URL nor DATABASE_URL is set';
if (pgReason) {
  console.log(`[store] SKIPPING the PostgreSQL contract suite: ${pgReason}`);
  describe.skip(`Store contract: PostgreSQL (skipped: ${pgReason})`, () => {
    it('needs a PostgreSQL server', () => {});
  });
} else {
  const schemas: string[] = [];
  afterAll(async () => {
    for (const s of schemas) await dropPostgresSchema(pgUrl!, s);
  });
  describeStoreContract('PostgreSQL', () => {
    const schema = `entente_test_${process.pid}_${schemas.length}_${Date.now().toString(36)}`;
    schemas.push(schema);
    return openPostgresStore(pgUrl!, { schema, max: 4 });
  });
}

async function reachable(url: string): Promise<string | undefined> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (err) {
    return `cannot connect to ${url.replace(/:[^:@/]*@/, ':***@')}: ${(err as Error).message}`;
  } finally {
    await client.end().catch(() => {});
  }
}
