/**
 * Reports run as jobs, like every other run: `POST /api/reports` queues one (202) that shows in
 * /api/runs with its progress and can be cancelled; the file is then rendered from the stored
 * run. `POST /api/report` runs the same job and answers with the same bytes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite.ts';
import type { Store, StoredRun } from '../store/store.ts';
import { type Server, createServer } from './app.ts';

const GOOD = readFileSync(join(import.meta.dirname, '../../test/fixtures/good.yaml'), 'utf8');

let store: Store;
let server: Server;
const post = (path: string, body: unknown) =>
  server.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const run = async (id: string) =>
  (await (await server.app.request(`/api/runs/${id}`)).json()) as StoredRun;

beforeEach(async () => {
  store = await openSqliteStore(':memory:');
  server = createServer({ store, now: () => new Date('2026-01-02T03:04:05Z') });
});
afterEach(async () => {
  await server.close();
  await store.close();
});

describe('reports as jobs', () => {
  it('queues a report (202), runs it to done, and serves the same file as POST /api/report', async () => {
    const request = { text: GOOD, runs: 1500, tornado: true, target: 'budget>=75' };
    const started = await post('/api/reports', request);
    expect(started.status).toBe(202);
    const queued = (await started.json()) as StoredRun;
    expect(queued.kind).toBe('report');
    expect(queued.options).toMatchObject({ runs: 1500, tornado: true, target: 'budget>=75' });
    await server.jobs.idle();
    const done = await run(queued.id);
    expect(done.status).toBe('done');
    expect(done.progress).toBe(1);

    const fromRun = await server.app.request(`/api/runs/${queued.id}/report?format=md`);
    expect(fromRun.status).toBe(200);
    const md = await fromRun.text();
    expect(md).toContain('A two-issue fixture');
    const direct = await post('/api/report', { ...request, format: 'md' });
    expect(direct.status).toBe(200);
    expect(await direct.text()).toBe(md);
    // The synchronous route ran as a job too.
    const runs = (await (await server.app.request('/api/runs')).json()) as StoredRun[];
    expect(runs.filter((r) => r.kind === 'report' && r.status === 'done')).toHaveLength(2);
  });

  it('checks the request before queuing: a bad target is a 422 and no run is made', async () => {
    const r = await post('/api/reports', { text: GOOD, target: 'nowhere>=5' });
    expect(r.status).toBe(422);
    expect(await store.listRuns({})).toHaveLength(0);
  });

  it('cancels a long report: the run is cancelled and has no file', async () => {
    const started = (await (
      await post('/api/reports', { text: GOOD, runs: 100_000, tornado: true })
    ).json()) as StoredRun;
    const cancelled = await post(`/api/runs/${started.id}/cancel`, {});
    expect(cancelled.status).toBe(200);
    await server.jobs.idle();
    expect((await run(started.id)).status).toBe('cancelled');
    const file = await server.app.request(`/api/runs/${started.id}/report`);
    expect(file.status).toBe(409);
  });
});
