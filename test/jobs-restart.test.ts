/**
 * Jobs that survive a restart and bounded work per client (issue 17; docs/hardening.md, "Jobs"):
 * a job's request is stored with its run before the 202, a new server on the same database
 * resumes unfinished runs (in process after a clean stop, and a real `entente serve` after
 * `kill -9`), a run that cannot resume fails with the reason and `retry` re-queues one, and long
 * jobs beyond the limits get 429 with Retry-After.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from '../src/server/app.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import type { StoredRun } from '../src/store/store.ts';
import { startServe } from '../bench/serve-process.ts';
import { ROOT, fixture } from './support/cli.ts';

const GOOD = readFileSync(join(ROOT, fixture('good.yaml')), 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'entente-jobs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const post = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
/** A request from a client at `address` (what @hono/node-server puts in the env). */
const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });
const simulate = (runs: number, seed: number) => ({
  kind: 'simulate',
  text: GOOD,
  models: [{ id: 'mean' }, { id: 'median' }],
  runs,
  seed,
});

/** The result of a request run start to end on a fresh in-memory server. */
async function expected(request: unknown): Promise<unknown> {
  const store = await openSqliteStore(':memory:');
  const server = createServer({ store });
  try {
    const r = await server.app.request('/api/runs', post(request));
    const { id } = (await r.json()) as StoredRun;
    return (await server.jobs.wait(id))!.result;
  } finally {
    await server.close();
    await store.close();
  }
}

describe('jobs resume after a restart', () => {
  it('a clean stop leaves queued and running jobs queued; the next server runs them to the same results', async () => {
    const db = join(tmp, 'clean.db');
    const store1 = await openSqliteStore(db);
    const server1 = createServer({ store: store1 });
    const requests = [simulate(200_000, 1), simulate(300, 2), simulate(300, 3)];
    const ids: string[] = [];
    for (const r of requests) {
      const res = await server1.app.request('/api/runs', post(r));
      expect(res.status).toBe(202);
      ids.push(((await res.json()) as StoredRun).id);
    }
    await server1.close();
    await store1.close();

    const store2 = await openSqliteStore(db);
    for (const id of ids) expect((await store2.getRun(id))?.status).toBe('queued');
    const server2 = createServer({ store: store2 });
    try {
      expect(await server2.jobs.resume()).toEqual({ resumed: 3, failed: 0 });
      // Cancel the big one: resumed jobs are ordinary jobs.
      await server2.jobs.cancel(ids[0]!);
      await server2.jobs.idle();
      const runs = await Promise.all(ids.map((id) => store2.getRun(id)));
      expect(runs.map((r) => r?.status)).toEqual(['cancelled', 'done', 'done']);
      expect(runs[1]!.result).toEqual(await expected(requests[1]));
      expect(runs[2]!.result).toEqual(await expected(requests[2]));
      expect(runs[1]!.result).not.toEqual(runs[2]!.result); // the seeds differ
    } finally {
      await server2.close();
      await store2.close();
    }
  });

  it('fails a run it cannot resume with the reason; retry re-queues a failed or cancelled run in one call', async () => {
    const store = await openSqliteStore(join(tmp, 'reasons.db'));
    const server = createServer({ store });
    try {
      const old = await store.createRun({
        kind: 'simulate',
        inputsHash: 'sha256:0',
        options: {},
        seed: 1,
        entente: '0.0.1',
      });
      const changed = await store.createRun({
        kind: 'simulate',
        inputsHash: 'sha256:not-this-scenario',
        options: {},
        seed: 1,
        entente: '0.0.1',
        request: { kind: 'simulate', scenario: { text: GOOD }, request: { runs: 10 }, client: 'x' },
      });
      expect(await server.jobs.resume()).toEqual({ resumed: 0, failed: 2 });
      expect((await store.getRun(old.id))?.error).toMatch(
        /^interrupted: the server stopped before the run finished, and it cannot resume: it was started by an Entente that did not store requests/,
      );
      expect((await store.getRun(changed.id))?.error).toMatch(
        /its scenario is not the one it started with/,
      );
      const noRequest = await server.app.request(`/api/runs/${old.id}/retry`, { method: 'POST' });
      expect(noRequest.status).toBe(409);
      expect(JSON.stringify(await noRequest.json())).toMatch(/has no stored request/);

      // A cancelled job, retried: a new run with the same result as an uninterrupted one.
      const request = simulate(500, 9);
      const first = (await (
        await server.app.request('/api/runs', post(request))
      ).json()) as StoredRun;
      await server.jobs.cancel(first.id);
      const retried = await server.app.request(`/api/runs/${first.id}/retry`, { method: 'POST' });
      expect(retried.status).toBe(202);
      const again = (await retried.json()) as StoredRun;
      expect(again.id).not.toBe(first.id);
      expect(again).toMatchObject({ status: 'queued', seed: 9, kind: 'simulate' });
      const done = await server.jobs.wait(again.id);
      expect(done?.status).toBe('done');
      expect(done?.result).toEqual(await expected(request));
      expect((await store.getRun(first.id))?.status).toBe('cancelled');
      // Only failed or cancelled runs; unknown ids are 404.
      const notFailed = await server.app.request(`/api/runs/${again.id}/retry`, {
        method: 'POST',
      });
      expect(notFailed.status).toBe(409);
      expect(JSON.stringify(await notFailed.json())).toMatch(
        /is done: only a failed or cancelled run can be retried/,
      );
      expect((await server.app.request('/api/runs/nope/retry', { method: 'POST' })).status).toBe(
        404,
      );
    } finally {
      await server.close();
      await store.close();
    }
  });

  it('resumes a report job with the time it was asked for, and a stored scenario by version', async () => {
    const db = join(tmp, 'report.db');
    const store1 = await openSqliteStore(db);
    const now = () => new Date('2026-03-04T05:06:07Z');
    const server1 = createServer({ store: store1, now });
    await server1.app.request('/api/scenarios', post({ text: GOOD }));
    const blocker = (await (
      await server1.app.request('/api/runs', post(simulate(200_000, 1)))
    ).json()) as StoredRun;
    const report = (await (
      await server1.app.request(
        '/api/reports',
        post({ scenarioId: 'fixture-good', models: [{ id: 'mean' }] }),
      )
    ).json()) as StoredRun;
    await server1.close();
    await store1.close();
    const store2 = await openSqliteStore(db);
    const server2 = createServer({ store: store2, now: () => new Date('2030-01-01T00:00:00Z') });
    try {
      expect((await server2.jobs.resume()).resumed).toBe(2);
      await server2.jobs.cancel(blocker.id);
      const done = await server2.jobs.wait(report.id);
      expect(done).toMatchObject({ status: 'done', scenarioId: 'fixture-good', version: 1 });
      expect(JSON.stringify(done?.result)).toContain('2026-03-04T05:06:07');
      expect(JSON.stringify(done?.result)).not.toContain('2030-01-01');
    } finally {
      await server2.close();
      await store2.close();
    }
  });
});

describe('bounded work: jobs per client and in total', () => {
  it('refuses long jobs beyond the limits with 429 and Retry-After, naming the limit and how to raise it', async () => {
    const store = await openSqliteStore(':memory:');
    const server: Server = createServer({
      store,
      jobLimits: { maxJobs: 3, maxJobsPerClient: 2 },
    });
    const submit = (address: string) =>
      server.app.request('/api/runs', post(simulate(1_000_000, 1)), from(address));
    try {
      const a1 = await submit('10.0.0.1');
      const a2 = await submit('10.0.0.1');
      expect([a1.status, a2.status]).toEqual([202, 202]);
      const a3 = await submit('10.0.0.1');
      expect(a3.status).toBe(429);
      expect(Number(a3.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      const m3 = ((await a3.json()) as { error: { type: string; message: string } }).error;
      expect(m3.type).toBe('too-many-requests');
      expect(m3.message).toMatch(
        /this client \(10\.0\.0\.1\) has 2 queued or running, the limit is 2 per client \(ENTENTE_MAX_JOBS_PER_CLIENT or entente serve --max-jobs-per-client\)/,
      );
      // Another client still gets a job, up to the total.
      expect((await submit('10.0.0.2')).status).toBe(202);
      const b2 = await submit('10.0.0.2');
      expect(b2.status).toBe(429);
      expect(b2.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(JSON.stringify(await b2.json())).toMatch(
        /3 are queued or running, the server's limit is 3 \(ENTENTE_MAX_JOBS or entente serve --max-jobs\)/,
      );
      // Reports are long jobs too; forecasts (quick, inside the request) are not limited here.
      expect(
        (
          await server.app.request(
            '/api/reports',
            post({ text: GOOD, models: [{ id: 'mean' }] }),
            from('10.0.0.3'),
          )
        ).status,
      ).toBe(429);
      expect(
        (
          await server.app.request(
            '/api/runs',
            post({ kind: 'forecast', text: GOOD, models: [{ id: 'mean' }] }),
            from('10.0.0.1'),
          )
        ).status,
      ).toBe(201);
      // A cancel frees the slot.
      await server.jobs.cancel(((await a2.json()) as StoredRun).id);
      expect(server.jobs.load('10.0.0.1')).toEqual({ total: 2, client: 1 });
      expect((await submit('10.0.0.1')).status).toBe(202);
      // Refused jobs left nothing behind: 5 runs (4 long, one of them cancelled; 1 forecast).
      expect((await store.listRuns()).map((r) => r.kind).sort()).toEqual([
        'forecast',
        'simulate',
        'simulate',
        'simulate',
        'simulate',
      ]);
    } finally {
      for (const r of await store.listRuns()) await server.jobs.cancel(r.id);
      await server.close();
      await store.close();
    }
  });
});

describe('kill -9 of `entente serve`', () => {
  it('every acknowledged job ends done after a restart on the same database, with the results of an uninterrupted run', async () => {
    const db = join(tmp, 'killed.db');
    const first = await startServe(db, ['--workers', '1']);
    // One long job ahead keeps the others queued when the server is killed.
    const requests = [simulate(100_000, 1), ...[2, 3, 4, 5, 6].map((s) => simulate(400, s))];
    const acked: string[] = [];
    try {
      for (const r of requests) {
        const res = await fetch(`${first.url}/api/runs`, post(r));
        expect(res.status).toBe(202);
        acked.push(((await res.json()) as StoredRun).id);
      }
    } finally {
      await first.kill();
    }
    const peek = await openSqliteStore(db);
    const before = await Promise.all(acked.map((id) => peek.getRun(id)));
    await peek.close();
    expect(before.every((r) => r !== undefined)).toBe(true);
    const unfinished = before.filter((r) => r!.status === 'queued' || r!.status === 'running');
    expect(unfinished.length).toBeGreaterThanOrEqual(5);

    const second = await startServe(db, ['--workers', '1']);
    try {
      expect(second.out()).toContain(`resumed ${unfinished.length} run(s)`);
      const deadline = Date.now() + 120_000;
      let runs: StoredRun[] = [];
      for (;;) {
        runs = await Promise.all(
          acked.map(
            async (id) =>
              (await fetch(`${second.url}/api/runs/${id}`)).json() as Promise<StoredRun>,
          ),
        );
        if (runs.every((r) => r.status === 'done' || r.status === 'failed')) break;
        if (Date.now() > deadline) throw new Error(`not finished: ${JSON.stringify(runs)}`);
        await new Promise((res) => setTimeout(res, 200));
      }
      expect(runs.map((r) => r.status)).toEqual(Array(6).fill('done'));
      for (let i = 1; i < requests.length; i++)
        expect(runs[i]!.result).toEqual(await expected(requests[i]));
      expect(runs[0]!.result).toMatchObject({ kind: 'monte-carlo', runs: 100_000, seed: 1 });
    } finally {
      await second.stop();
    }
  }, 180_000);
});
