/**
 * The Redis executor against a real redis-server (started here on 127.0.0.1 in a temporary
 * folder unless ENTENTE_TEST_REDIS_URL or REDIS_URL names one), with in-process workers: the
 * shared executor contract, bit-identical analyses (Monte Carlo, Sobol, levers, backtest,
 * tornado), resume, cancel, and a chunk handed back by a stopping worker. Worker processes killed
 * with SIGKILL, and `entente backtest --executor`, are tested end to end in
 * test/distributed.test.ts.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleBacktest } from '../../analysis/backtest/backtest.ts';
import { prepareBacktest, runBacktestModels } from '../../analysis/backtest/run.ts';
import { runLevers } from '../../analysis/levers/levers.ts';
import { parseTarget } from '../../analysis/levers/target.ts';
import { prepareMonteCarlo } from '../../analysis/monte-carlo/job.ts';
import { runMonteCarlo } from '../../analysis/monte-carlo/run.ts';
import { summarizeMonteCarlo } from '../../analysis/monte-carlo/summarize.ts';
import { monteCarloTask } from '../../analysis/monte-carlo/task.ts';
import { prepareSobol, runSobol, summarizeSobol } from '../../analysis/sensitivity/sobol.ts';
import {
  prepareTornado,
  runTornado,
  runTornadoOn,
  summarizeTornado,
} from '../../analysis/sensitivity/tornado.ts';
import { InputError } from '../../core/errors.ts';
import { deuCases } from '../../formats/deu-cases.ts';
import { parseDeu } from '../../formats/deu.ts';
import { getModel } from '../../models/registry.ts';
import { VERSION } from '../../version.ts';
import { contractScenario, executorContract } from '../contract.ts';
import type { Executor } from '../executor.ts';
import { InlineExecutor } from '../inline.ts';
import { encodeValue, jobIdOf } from './codec.ts';
import type { RedisRunStatus } from './coordinator.ts';
import { RedisExecutor } from './executor.ts';
import { freePort, testRedis } from './local-server.ts';
import { noteIfLive } from './notes.ts';
import { CHUNK_QUEUE, jobKeys, parseRedisTarget } from './target.ts';
import { RedisWorker } from './worker.ts';
import { ANALYSIS_TASKS } from '../../analysis/tasks.ts';

describe('parseRedisTarget(url)', () => {
  it('takes the queue from ?queue= and hides the password in what it shows', () => {
    const t = parseRedisTarget('redis://:s3cret@10.0.0.5:6380/2?queue=team-a');
    expect(t.queue).toBe('team-a');
    expect(t.url).toBe('redis://:s3cret@10.0.0.5:6380/2');
    expect(t.display).toBe('redis://:***@10.0.0.5:6380/2 (queue team-a)');
    expect(parseRedisTarget('rediss://cache.example:6380').queue).toBe('entente');
  });

  it('rejects what is not a Redis URL, naming the flag', () => {
    expect(() => parseRedisTarget('http://x:6379', '--redis')).toThrow(/--redis.*redis:\/\//);
    expect(() => parseRedisTarget('redis://x:6379?queue=a:b')).toThrow(/queue "a:b"/);
    expect(() => parseRedisTarget('redis://x:6379/abc')).toThrow(/database number/);
    expect(() => parseRedisTarget('not a url')).toThrow(InputError);
  });
});

const server = await testRedis();
const skip = 'skip' in server ? server.skip : null;
if (skip) console.warn(`Redis executor tests skipped: ${skip}`);
// Skipped suites are still collected: give them a well-formed URL that nothing connects to.
const redisUrl = 'url' in server ? server.url : 'redis://127.0.0.1:6379';
const namespace = `test-${process.pid}-${randomBytes(3).toString('hex')}`;
const urlFor = (suffix: string) => `${redisUrl}?queue=${namespace}-${suffix}`;

const workers: RedisWorker[] = [];
async function startWorker(suffix: string, name: string, concurrency = 1): Promise<RedisWorker> {
  const worker = new RedisWorker({
    tasks: ANALYSIS_TASKS,
    target: parseRedisTarget(urlFor(suffix)),
    concurrency,
    name,
    lockMs: 2000,
  });
  workers.push(worker);
  await worker.start();
  return worker;
}

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop({ returnChunks: true })));
  if (!skip) {
    // Leave a shared server as it was: delete this run's keys only.
    const redis = new Redis(redisUrl);
    const keys = await redis.keys(`${namespace}-*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  }
  if ('stop' in server) await server.stop();
}, 60_000);

function mcJob(runs: number, chunkSize: number, models = ['mean', 'median', 'nash'], seed = 11) {
  return prepareMonteCarlo(
    contractScenario(),
    models.map((id) => ({ model: getModel(id), options: { ...getModel(id).defaults } })),
    { runs, seed, chunkSize },
  );
}

async function mcJson(
  executor: Executor,
  prepared: ReturnType<typeof mcJob>,
  signal?: AbortSignal,
) {
  const outcome = await runMonteCarlo(executor, prepared, signal ? { signal } : {});
  return {
    outcome,
    json: JSON.stringify(summarizeMonteCarlo(contractScenario(), prepared, outcome)),
  };
}

describe.skipIf(skip !== null)('redis executor', () => {
  beforeAll(async () => {
    await Promise.all([startWorker('main', 'alpha'), startWorker('main', 'beta')]);
  }, 120_000);

  executorContract(
    'redis',
    () =>
      new RedisExecutor(urlFor('main'), {
        tasks: ANALYSIS_TASKS,
        checkEveryMs: 200,
      }),
  );

  it('gives bit-identical Monte Carlo, Sobol and lever results to the inline executor', async () => {
    const executor = new RedisExecutor(urlFor('main'), {
      tasks: ANALYSIS_TASKS,
      checkEveryMs: 200,
    });
    try {
      const prepared = mcJob(2400, 150);
      const inline = await mcJson(new InlineExecutor(), prepared);
      expect((await mcJson(executor, prepared)).json).toBe(inline.json);

      const scenario = contractScenario();
      const mean = [{ model: getModel('mean'), options: {} }];
      const sobolJob = prepareSobol(scenario, mean, { samples: 120, seed: 5, chunkSize: 15 });
      const sobol = async (e: Executor) =>
        JSON.stringify(summarizeSobol(scenario, sobolJob, await runSobol(e, sobolJob)));
      expect(await sobol(executor)).toBe(await sobol(new InlineExecutor()));

      const target = parseTarget('x>=60', scenario);
      const levers = async (e: Executor) =>
        JSON.stringify(
          await runLevers(e, scenario, mean[0]!, target, { seed: 5, pairCandidates: 3 }),
        );
      expect(await levers(executor)).toBe(await levers(new InlineExecutor()));
    } finally {
      await executor.close();
    }
  });

  it('gives bit-identical backtest and tornado results to the inline executor', async () => {
    const executor = new RedisExecutor(urlFor('main'), {
      tasks: ANALYSIS_TASKS,
      checkEveryMs: 200,
    });
    try {
      const text = [
        'issue_id,proposal_id,actor,position,salience,outcome,reference_point',
        ...['a', 'b', 'c', 'd', 'e'].flatMap((id, q) =>
          [10, 45, 80, 60].map(
            (x, j) => `${id},p${q % 2},x${j},${(x + 17 * q) % 100},${30 + 10 * j},${40 + q},50`,
          ),
        ),
      ].join('\n');
      const cases = deuCases(parseDeu(text, 't.csv'), { capability: 'equal' });
      const runs = ['mean', 'nash', 'eum', 'smp'].map((id) => ({
        model: getModel(id),
        options: { ...getModel(id).defaults },
        cases,
      }));
      const backtest = async (e: Executor) => {
        const prepared = prepareBacktest(runs, 5, { chunkSize: 2 });
        const { columns } = await runBacktestModels(e, prepared);
        return JSON.stringify(assembleBacktest(cases, columns, runs, 5));
      };
      expect(await backtest(executor)).toBe(await backtest(new InlineExecutor()));

      const scenario = contractScenario();
      const tornadoJob = prepareTornado(scenario, runs, { seed: 5, chunkSize: 3 });
      const tornado = async (e: Executor) =>
        JSON.stringify(summarizeTornado(scenario, tornadoJob, await runTornadoOn(e, tornadoJob)));
      expect(await tornado(executor)).toBe(JSON.stringify(runTornado(scenario, runs, { seed: 5 })));
    } finally {
      await executor.close();
    }
  });

  it('resumes a job from the chunks already in Redis, delivering each once', async () => {
    const prepared = mcJob(1200, 100, ['mean'], 21);
    const { job, chunks } = prepared;
    // A coordinator that stopped after three chunks left their results behind.
    const id = jobIdOf(VERSION, monteCarloTask.name, chunks, job);
    const keys = jobKeys(`${namespace}-main`, id);
    const redis = new Redis(redisUrl);
    for (const k of [0, 1, 2]) {
      await redis.hset(keys.results, String(k), encodeValue(monteCarloTask.run(job, k)));
    }
    await redis.quit();
    const statuses: RedisRunStatus[] = [];
    const executor = new RedisExecutor(urlFor('main'), {
      tasks: ANALYSIS_TASKS,
      checkEveryMs: 200,
      onStatus: (s) => statuses.push(s),
    });
    try {
      const delivered: number[] = [];
      const outcome = await runMonteCarlo(executor, prepared, {
        onProgress: () => delivered.push(delivered.length),
      });
      expect(outcome.chunksDone).toBe(chunks);
      expect(delivered).toHaveLength(chunks);
      expect(statuses[0]?.resumed).toBe(3);
      expect(statuses.some((s) => /resuming job .*: 3 of 12 chunks/.test(s.event ?? ''))).toBe(
        true,
      );
      const inline = await mcJson(new InlineExecutor(), prepared);
      expect(JSON.stringify(summarizeMonteCarlo(contractScenario(), prepared, outcome))).toBe(
        inline.json,
      );
    } finally {
      await executor.close();
    }
  });

  it('cancels the job on every worker when aborted, and the same job then resumes', async () => {
    const [a, b] = workers;
    const prepared = mcJob(10 * 8000, 8000, ['mean', 'median', 'nash'], 31);
    const executor = new RedisExecutor(urlFor('main'), {
      tasks: ANALYSIS_TASKS,
      checkEveryMs: 200,
    });
    const statuses: RedisRunStatus[] = [];
    const resumer = new RedisExecutor(urlFor('main'), {
      tasks: ANALYSIS_TASKS,
      checkEveryMs: 200,
      onStatus: (s) => statuses.push(s),
    });
    try {
      const ac = new AbortController();
      const outcome = await runMonteCarlo(executor, prepared, {
        signal: ac.signal,
        onProgress: () => ac.abort(),
      });
      expect(outcome.partial).toBe(true);
      expect(outcome.chunksDone).toBe(1);
      // Every worker drops its chunks of the job at once, and none stays queued.
      const until = Date.now() + 5000;
      while ((a!.active > 0 || b!.active > 0) && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect([a!.active, b!.active]).toEqual([0, 0]);
      const { Queue } = await import('bullmq');
      const queue = new Queue(CHUNK_QUEUE, {
        connection: { url: redisUrl },
        prefix: `${namespace}-main`,
      });
      expect(await queue.getJobCounts('waiting', 'active', 'delayed')).toEqual({
        waiting: 0,
        active: 0,
        delayed: 0,
      });
      await queue.close();

      const resumed = await mcJson(resumer, prepared);
      expect(statuses[0]?.resumed).toBeGreaterThanOrEqual(1);
      expect(resumed.json).toBe((await mcJson(new InlineExecutor(), prepared)).json);
    } finally {
      await executor.close();
      await resumer.close();
    }
  });

  it('a stopping worker hands its chunk back; another finishes it with the same result', async () => {
    const [leaving, staying] = await Promise.all([
      startWorker('handback', 'leaving'),
      startWorker('handback', 'staying'),
    ]);
    const prepared = mcJob(6 * 8000, 8000, ['mean', 'median', 'nash'], 41);
    const statuses: RedisRunStatus[] = [];
    const executor = new RedisExecutor(urlFor('handback'), {
      tasks: ANALYSIS_TASKS,
      checkEveryMs: 200,
      onStatus: (s) => statuses.push(s),
    });
    try {
      const running = mcJson(executor, prepared);
      const until = Date.now() + 10_000;
      while (leaving.active === 0 && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(leaving.active).toBe(1);
      await leaving.stop({ returnChunks: true });
      const { json } = await running;
      expect(json).toBe((await mcJson(new InlineExecutor(), prepared)).json);
      expect(staying.chunksDone).toBeGreaterThanOrEqual(1);
      expect(statuses.some((s) => /chunk \d+ restarted on staying/.test(s.event ?? ''))).toBe(true);
    } finally {
      await executor.close();
    }
  });

  it('a worker’s note after its job finished writes nothing (no stream recreated with a TTL)', async () => {
    const redis = new Redis(redisUrl);
    const worker = new Redis(redisUrl);
    const keys = jobKeys(`${namespace}-race`, 'finished-job');
    const done = (chunk: number) => ['type', 'done', 'chunk', chunk, 'worker', 'w'];
    const result = (chunk: number) => ({ chunk, bytes: Buffer.from([chunk, 1, 2]) });
    try {
      // While the job is live (its payload is there) a note and its result are written, with
      // the job's TTL, and the payload's TTL is refreshed.
      await redis.set(keys.payload, 'job', 'EX', 5);
      expect(await noteIfLive(worker, keys, done(0), { ttl: 600, result: result(0) })).toBe(true);
      expect(await redis.xlen(keys.events)).toBe(1);
      expect(await redis.hgetBuffer(keys.results, '0')).toEqual(Buffer.from([0, 1, 2]));
      for (const key of [keys.payload, keys.events, keys.results]) {
        expect(await redis.ttl(key)).toBeGreaterThan(500);
      }
      // Notes racing the coordinator's final DEL: each lands before it (and is deleted with the
      // job) or is skipped; the ones sent after it are all skipped.
      const racing = Array.from({ length: 100 }, (_, k) =>
        noteIfLive(worker, keys, done(k), { ttl: 86_400, result: result(k) }),
      );
      await redis.del(keys.payload, keys.results, keys.events, keys.cancel);
      await Promise.all(racing);
      const late = await Promise.all(
        [0, 1, 2].map((k) => noteIfLive(worker, keys, done(k), { ttl: 86_400, result: result(k) })),
      );
      expect(late).toEqual([false, false, false]);
      expect(await redis.exists(keys.payload, keys.results, keys.events, keys.cancel)).toBe(0);
    } finally {
      await redis.quit();
      await worker.quit();
    }
  });

  it('reports an unreachable Redis as an input error naming it', async () => {
    const port = await freePort();
    const executor = new RedisExecutor(`redis://127.0.0.1:${port}`, {
      tasks: ANALYSIS_TASKS,
    });
    const p = mcJob(100, 100);
    await expect(
      executor.run(monteCarloTask, p.job, p.chunks, { onResult: () => {} }),
    ).rejects.toThrow(
      new RegExp(
        `cannot use Redis at redis://127.0.0.1:${port}/?: nothing answers there .*ECONNREFUSED.*is redis-server running`,
      ),
    );
    await executor.close();
  });
});
