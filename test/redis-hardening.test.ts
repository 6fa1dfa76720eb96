/**
 * The distributed executor's start checks, timeouts, stall warning and back-off (issue 17;
 * docs/distributed.md, "Timeouts, back-off and start checks"), each against real redis-servers
 * started here on free ports of 127.0.0.1 (one with a password, one to freeze with SIGSTOP, one to
 * kill): a database the server does not have and a missing or refused password are refused at
 * start naming the URL (password hidden); a silent server and a frozen one hit the connect and
 * command timeouts; a coordinator whose chunks no worker takes says so (CLI with progress off,
 * the server's run); a worker that loses Redis backs off, logs the loss and the return, and exits
 * 1 after ENTENTE_REDIS_GIVE_UP seconds without it. Skipped, saying why, without `redis-server`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { type Server as NetServer, type Socket, createServer as createNetServer } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareMonteCarlo } from '../src/analysis/monte-carlo/job.ts';
import { monteCarloTask } from '../src/analysis/monte-carlo/task.ts';
import { ANALYSIS_TASKS } from '../src/analysis/tasks.ts';
import { InputError } from '../src/core/errors.ts';
import { contractScenario } from '../src/executors/contract.ts';
import type { RedisRunStatus } from '../src/executors/redis/coordinator.ts';
import { RedisExecutor } from '../src/executors/redis/executor.ts';
import {
  REDIS_SERVER,
  type StartedRedis,
  freePort,
  hasRedisServer,
  startLocalRedis,
} from '../src/executors/redis/local-server.ts';
import {
  DEFAULT_REDIS_SETTINGS,
  type RedisSettings,
  redisSettings,
  retryDelay,
} from '../src/executors/redis/settings.ts';
import { parseRedisTarget } from '../src/executors/redis/target.ts';
import { RedisWorker } from '../src/executors/redis/worker.ts';
import { getModel } from '../src/models/registry.ts';
import { createServer } from '../src/server/app.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import type { StoredRun } from '../src/store/store.ts';
import { BIN, ROOT, ententeWith, expectNoStack } from './support/cli.ts';

const skip = hasRedisServer()
  ? null
  : `${REDIS_SERVER} is not installed (apt-get install redis-server)`;
if (skip) console.warn(`Redis hardening tests skipped: ${skip}`);

const PASSWORD = `pw-${randomBytes(6).toString('hex')}`;
const servers: StartedRedis[] = [];
const cleanups: (() => Promise<unknown>)[] = [];
let plain: StartedRedis;
let locked: StartedRedis;

const queueName = (what: string) => `hard-${process.pid}-${what}-${randomBytes(3).toString('hex')}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Quick settings for tests: short timeouts and a 1 s stall warning. */
const QUICK: RedisSettings = {
  ...DEFAULT_REDIS_SETTINGS,
  connectTimeoutMs: 1000,
  commandTimeoutMs: 2000,
  retryMaxMs: 500,
  stallMs: 1000,
};

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const v = await probe();
    if (v !== undefined) return v;
    await sleep(50);
  }
  throw new Error(`timed out after ${ms} ms`);
}

function mcJob(runs: number, chunkSize: number) {
  return prepareMonteCarlo(
    contractScenario(),
    ['mean', 'median'].map((id) => ({
      model: getModel(id),
      options: { ...getModel(id).defaults },
    })),
    { runs, seed: 5, chunkSize },
  );
}

/** What connecting as a coordinator and as a worker says (both must refuse). */
async function refusals(url: string): Promise<{ coordinator: Error; worker: Error }> {
  const executor = new RedisExecutor(url, { tasks: ANALYSIS_TASKS, settings: QUICK });
  const worker = new RedisWorker({
    target: parseRedisTarget(url, '--redis'),
    tasks: ANALYSIS_TASKS,
    concurrency: 1,
    settings: QUICK,
  });
  const coordinator = await executor.connect().then(
    () => new Error('connected'),
    (err: Error) => err,
  );
  await executor.close();
  const refused = await worker.start().then(
    () => new Error('started'),
    (err: Error) => err,
  );
  await worker.stop();
  return { coordinator, worker: refused };
}

beforeAll(async () => {
  if (skip) return;
  [plain, locked] = await Promise.all([
    startLocalRedis(),
    startLocalRedis({ args: ['--requirepass', PASSWORD] }),
  ]);
  servers.push(plain, locked);
}, 30_000);

afterAll(async () => {
  for (const c of cleanups) await c().catch(() => {});
  for (const s of servers) {
    s.kill('SIGCONT');
    await s.stop();
  }
}, 30_000);

describe('Redis settings (environment)', () => {
  it('reads each variable in seconds, and names the variable of a bad value', () => {
    const s = redisSettings({ ENTENTE_REDIS_COMMAND_TIMEOUT: '0.5', ENTENTE_REDIS_GIVE_UP: '60' });
    expect(s.commandTimeoutMs).toBe(500);
    expect(s.giveUpMs).toBe(60_000);
    expect(s.connectTimeoutMs).toBe(DEFAULT_REDIS_SETTINGS.connectTimeoutMs);
    expect(() => redisSettings({ ENTENTE_REDIS_STALL: 'soon' })).toThrow(
      /ENTENTE_REDIS_STALL: expected a number of seconds above 0 and at most 86400, got "soon"/,
    );
    expect(() => redisSettings({ ENTENTE_REDIS_CONNECT_TIMEOUT: '0' })).toThrow(InputError);
  });

  it('backs off exponentially from 250 ms up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 50].map((n) => retryDelay(n, 3000))).toEqual([
      250, 500, 1000, 2000, 3000, 3000, 3000,
    ]);
  });
});

describe.skipIf(skip !== null)('Redis: refused at start, with what to fix', () => {
  it('a database the server does not have (/99 of 16): refused, never database 0', async () => {
    const url = `${plain.url}/99`;
    const { coordinator, worker } = await refusals(url);
    const said = `cannot use Redis at ${url}: it has no database 99 (ERR DB index is out of range): it has 16 (0–15); name one that exists, e.g. ${plain.url}/0`;
    expect(coordinator).toBeInstanceOf(InputError);
    expect(coordinator.message).toContain(`--executor: ${said}`);
    expect(worker).toBeInstanceOf(InputError);
    expect(worker.message).toContain(`--redis: ${said}`);
    // A database that exists is used, not database 0.
    const executor = new RedisExecutor(`${plain.url}/15`, {
      tasks: ANALYSIS_TASKS,
      settings: QUICK,
    });
    await executor.connect();
    await executor.close();
    // The CLI: exit 1, the message, no stack.
    const cli = await ententeWith(
      {},
      'simulate',
      '--model',
      'mean',
      '--runs',
      '2000',
      '--executor',
      `${url}?queue=${queueName('db')}`,
    );
    expect(cli.code).toBe(1);
    expect(cli.err).toContain('it has no database 99');
    expectNoStack(cli.err);
  }, 15_000);

  it('a missing or refused password: refused naming the URL with the password hidden', async () => {
    const port = locked.port;
    const none = await refusals(`redis://127.0.0.1:${port}`);
    for (const err of [none.coordinator, none.worker]) {
      expect(err).toBeInstanceOf(InputError);
      expect(err.message).toMatch(
        new RegExp(
          `cannot use Redis at redis://127.0.0.1:${port}/?: it requires a password \\(NOAUTH[^)]*\\); give it in the URL: redis://:PASSWORD@host:port`,
        ),
      );
      expect(err.message).not.toMatch(/is redis-server running/);
    }
    const wrong = await refusals(`redis://:wrong-${PASSWORD}@127.0.0.1:${port}`);
    for (const err of [wrong.coordinator, wrong.worker]) {
      expect(err.message).toMatch(
        new RegExp(
          `cannot use Redis at redis://:\\*\\*\\*@127.0.0.1:${port}/?: it refused the user name or password in the URL \\(WRONGPASS`,
        ),
      );
      expect(err.message).not.toContain(PASSWORD);
    }
    const right = new RedisExecutor(`redis://:${PASSWORD}@127.0.0.1:${port}`, {
      tasks: ANALYSIS_TASKS,
      settings: QUICK,
    });
    await right.connect();
    await right.close();
  }, 15_000);
});

describe.skipIf(skip !== null)('Redis timeouts', () => {
  it('a server that accepts and never answers: the connect timeout, named', async () => {
    const sockets: Socket[] = [];
    const silent: NetServer = createNetServer((s) => sockets.push(s));
    const port = await freePort();
    await new Promise<void>((resolve) => silent.listen(port, '127.0.0.1', resolve));
    cleanups.push(async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => silent.close(resolve));
    });
    const executor = new RedisExecutor(`redis://127.0.0.1:${port}`, {
      tasks: ANALYSIS_TASKS,
      settings: { ...QUICK, connectTimeoutMs: 600 },
    });
    const t0 = Date.now();
    const err = await executor.connect().then(
      () => new Error('connected'),
      (e: Error) => e,
    );
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toMatch(
      new RegExp(
        `cannot use Redis at redis://127.0.0.1:${port}/?: .*timed out.*no answer within 600 ms \\(ENTENTE_REDIS_CONNECT_TIMEOUT\\)`,
      ),
    );
    await executor.close();
  }, 15_000);

  it('a Redis that stops answering mid-run: the command timeout ends the run, named', async () => {
    const frozen = await startLocalRedis();
    servers.push(frozen);
    const executor = new RedisExecutor(`${frozen.url}?queue=${queueName('frozen')}`, {
      tasks: ANALYSIS_TASKS,
      checkEveryMs: 200,
      settings: { ...QUICK, commandTimeoutMs: 700, stallMs: 60_000 },
    });
    const p = mcJob(400, 100);
    const run = executor.run(monteCarloTask, p.job, p.chunks, { onResult: () => {} }).then(
      () => new Error('finished'),
      (e: Error) => e,
    );
    // Freeze Redis once the chunks are queued (no worker: the run waits on its stream).
    const probe = new Redis(frozen.url);
    await waitFor(
      async () => ((await probe.keys('*:payload')).length > 0 ? true : undefined),
      5000,
    );
    await probe.quit();
    frozen.kill('SIGSTOP');
    const t0 = Date.now();
    const err = await run;
    const took = Date.now() - t0;
    frozen.kill('SIGCONT');
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toMatch(
      /lost Redis at redis:\/\/127\.0\.0\.1:\d+\/? \(queue hard-.*\) \(Command timed out after 700 ms: ENTENTE_REDIS_COMMAND_TIMEOUT\); the finished chunks stay there: run the same command again to resume/,
    );
    expect(took).toBeLessThan(3000);
    await executor.close();
  }, 15_000);
});

describe.skipIf(skip !== null)('a coordinator whose chunks no worker takes', () => {
  it('says so after ENTENTE_REDIS_STALL seconds, and again when a worker takes one', async () => {
    const url = `${plain.url}?queue=${queueName('stall')}`;
    const statuses: RedisRunStatus[] = [];
    const notices: (string | null)[] = [];
    const executor = new RedisExecutor(url, {
      tasks: ANALYSIS_TASKS,
      checkEveryMs: 200,
      settings: QUICK,
      onStatus: (s) => statuses.push(s),
    });
    const p = mcJob(300, 100);
    let delivered = 0;
    const run = executor.run(monteCarloTask, p.job, p.chunks, {
      onResult: () => delivered++,
      onNotice: (n) => notices.push(n),
    });
    const warning = await waitFor(() => statuses.find((s) => s.warning)?.warning, 5000);
    expect(warning).toMatch(
      /^no worker has taken a chunk of this job for [12] s \(3 chunk\(s\) waiting\): no worker is connected to redis:\/\/127\.0\.0\.1:\d+\/? \(queue hard-.*\); start one with: entente worker --redis <url> \(the job waits for it\)$/,
    );
    expect(notices[0]).toBe(warning);
    const worker = new RedisWorker({
      target: parseRedisTarget(url, '--redis'),
      tasks: ANALYSIS_TASKS,
      concurrency: 1,
      name: 'late',
      settings: QUICK,
    });
    cleanups.push(() => worker.stop({ returnChunks: true }));
    await worker.start();
    await run;
    expect(delivered).toBe(3);
    expect(notices.at(-1)).toBeNull();
    expect(
      statuses.some((s) =>
        /^worker late took chunk \d+ after \d+ s without one$/.test(s.event ?? ''),
      ),
    ).toBe(true);
    await executor.close();
    await worker.stop();
  }, 15_000);

  it('the CLI prints the warning with progress off; the run then finishes', async () => {
    const url = `${plain.url}?queue=${queueName('cli')}`;
    const worker = new RedisWorker({
      target: parseRedisTarget(url, '--redis'),
      tasks: ANALYSIS_TASKS,
      concurrency: 1,
      name: 'cli-late',
      settings: QUICK,
    });
    cleanups.push(() => worker.stop({ returnChunks: true }));
    // The worker comes once the coordinator has waited past the 1 s stall delay.
    const late = sleep(2500).then(() => worker.start());
    const cli = await ententeWith(
      { env: { ENTENTE_REDIS_STALL: '1' } },
      'simulate',
      '--model',
      'mean',
      '--runs',
      '2000',
      '--seed',
      '4',
      '--json',
      '--no-progress',
      '--executor',
      url,
    );
    await late;
    expect(cli.code).toBe(0);
    expect(cli.err).toMatch(
      /redis: warning: no worker has taken a chunk of this job for \d+ s \(2 chunk\(s\) waiting\): no worker is connected to/,
    );
    expect(JSON.parse(cli.out)).toMatchObject({ kind: 'monte-carlo' });
    await worker.stop();
  }, 15_000);

  it("the server's run carries the notice while it waits, and tells the server", async () => {
    const store = await openSqliteStore(':memory:');
    const told: [string, string | null][] = [];
    const server = createServer({
      store,
      executor: new RedisExecutor(`${plain.url}?queue=${queueName('server')}`, {
        tasks: ANALYSIS_TASKS,
        checkEveryMs: 200,
        settings: QUICK,
      }),
      onJobNotice: (id, notice) => told.push([id, notice]),
    });
    try {
      const r = await server.app.request('/api/runs', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          kind: 'simulate',
          builtin: 'ec-car-emissions-1994',
          runs: 2000,
          seed: 2,
        }),
      });
      const body = (await r.json()) as StoredRun;
      expect(r.status, JSON.stringify(body)).toBe(202);
      const run = await waitFor(async () => {
        const got = (await (await server.app.request(`/api/runs/${body.id}`)).json()) as StoredRun;
        return got.notice ? got : undefined;
      }, 6000);
      expect(run.status).toBe('running');
      expect(run.notice).toMatch(
        /^no worker has taken a chunk of this job for \d+ s .*entente worker/,
      );
      expect(told[0]).toEqual([body.id, run.notice]);
      await server.app.request(`/api/runs/${body.id}/cancel`, { method: 'POST' });
      const cancelled = (await (
        await server.app.request(`/api/runs/${body.id}`)
      ).json()) as StoredRun;
      expect(cancelled.status).toBe('cancelled');
      expect(cancelled.notice).toBeUndefined();
    } finally {
      await server.close();
      await store.close();
    }
  }, 15_000);
});

describe.skipIf(skip !== null)('an entente worker without Redis', () => {
  it('backs off, logs the loss and the return once each, and exits 1 after ENTENTE_REDIS_GIVE_UP', async () => {
    let flaky = await startLocalRedis();
    servers.push(flaky);
    const child: ChildProcess = spawn(
      process.execPath,
      [BIN, 'worker', '--redis', flaky.url, '--concurrency', '1', '--name', 'flaky'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          ENTENTE_REDIS_GIVE_UP: '2',
          ENTENTE_REDIS_RETRY_MAX: '0.5',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    cleanups.push(() => Promise.resolve(child.kill('SIGKILL')));
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await waitFor(() => (out.includes('waiting for chunks') ? true : undefined), 8000);

    // Away for about a second: it comes back by itself.
    flaky.kill('SIGKILL');
    await waitFor(() => (err.includes('lost Redis') ? true : undefined), 2000);
    await sleep(500);
    flaky = await startLocalRedis({ port: flaky.port });
    servers.push(flaky);
    await waitFor(() => (/is back after/.test(err) ? true : undefined), 3000);
    expect(err).toMatch(
      /worker flaky: lost Redis at redis:\/\/127\.0\.0\.1:\d+\/? \(.*\); reconnecting with back-off \(250 ms, doubling up to 500 ms: ENTENTE_REDIS_RETRY_MAX\); stopping after 2 s without it \(ENTENTE_REDIS_GIVE_UP\)/,
    );
    expect(err).toMatch(/worker flaky: Redis at redis:\/\/127\.0\.0\.1:\d+\/? is back after \d/);

    // Away for good: it stops after 2 s, and says why.
    const t0 = Date.now();
    flaky.kill('SIGKILL');
    const code = await Promise.race([exited, sleep(8000).then(() => 'still running')]);
    expect(code).toBe(1);
    const took = Date.now() - t0;
    expect(took).toBeGreaterThanOrEqual(2000);
    expect(took).toBeLessThan(6000);
    expect(err).toMatch(
      /--redis: no Redis at redis:\/\/127\.0\.0\.1:\d+\/? for [23] s \(last error: connect ECONNREFUSED 127\.0\.0\.1:\d+\); the worker stops \(ENTENTE_REDIS_GIVE_UP sets how long it waits\): start it again once Redis is back/,
    );
    expectNoStack(err);
    // No loop of errors: two losses, one return, the final message.
    const lines = err.trim().split('\n');
    expect(lines.length, err).toBeLessThanOrEqual(5);
    expect(lines.filter((l) => l.includes('lost Redis'))).toHaveLength(2);
  }, 20_000);
});
