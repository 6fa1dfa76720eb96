/**
 * End-to-end: `entente worker` processes and `entente simulate --executor redis://…` against a
 * real redis-server on 127.0.0.1 (started here in a temporary folder unless
 * ENTENTE_TEST_REDIS_URL or REDIS_URL names one). A worker killed with SIGKILL in the middle of
 * a chunk, and a coordinator killed and started again, still give the inline executor's result
 * bit for bit; so does `entente backtest --executor redis://…` on its own queue and worker.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testRedis } from '../src/executors/redis/local-server.ts';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'entente.js');

const server = await testRedis();
const skip = 'skip' in server ? server.skip : null;
if (skip) console.warn(`distributed tests skipped: ${skip}`);
const redisUrl = 'url' in server ? server.url : '';
const queue = `e2e-${process.pid}-${randomBytes(3).toString('hex')}`;
const url = `${redisUrl}?queue=${queue}`;

/** 12 chunks of 1,000 EUM runs on the built-in scenario: about a quarter second each. */
const SIMULATE = ['simulate', '--model', 'eum', '--runs', '12000', '--seed', '9', '--json'];

interface Run {
  readonly child: ChildProcess;
  readonly done: Promise<{ code: number | null; signal: string | null; out: string; err: string }>;
}

const children: ChildProcess[] = [];

function entente(args: string[]): Run {
  const env = { ...process.env };
  delete env.ENTENTE_PROGRESS; // the coordinator's notes on stderr are part of what is tested
  delete env.ENTENTE_EXECUTOR;
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<{
    code: number | null;
    signal: string | null;
    out: string;
    err: string;
  }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, out, err })));
  return { child, done };
}

/** Starts `entente worker`; resolves once it says it is waiting for chunks. */
async function startWorker(name: string, workerUrl = url, concurrency = 1): Promise<ChildProcess> {
  const run = entente([
    'worker',
    '--redis',
    workerUrl,
    '--concurrency',
    String(concurrency),
    '--name',
    name,
    '--lock-timeout',
    '2',
  ]);
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error(`worker ${name} did not start: ${seen}`)),
      60_000,
    );
    run.child.stdout!.on('data', (d: Buffer) => {
      seen += d.toString();
      if (seen.includes('waiting for chunks')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void run.done.then(({ err }) => reject(new Error(`worker ${name} exited: ${err}`)));
  });
  return run.child;
}

afterAll(async () => {
  if ('stop' in server) await server.stop();
}, 60_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` every 20 ms until it returns a value (at most `ms`). */
async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  ms: number,
  what: string,
): Promise<T> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const value = await probe();
    if (value !== undefined) return value;
    await sleep(20);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.skipIf(skip !== null)('distributed sweeps (Redis, worker processes)', () => {
  let redis: Redis;
  let reference: Promise<string>;
  const workers = new Map<string, ChildProcess>();

  /** The job's keys once the coordinator has registered it. */
  const jobKey = async (suffix: string) =>
    (await redis.keys(`${queue}:job:*:${suffix}`))[0] ?? undefined;

  beforeAll(async () => {
    redis = new Redis(redisUrl);
    // The inline result, computed while the workers start.
    reference = entente([...SIMULATE, '--workers', '1']).done.then(({ code, out, err }) => {
      if (code !== 0) throw new Error(`inline run failed: ${err}`);
      return out;
    });
    const names = ['w1', 'w2'];
    const started = await Promise.all(names.map((n) => startWorker(n)));
    names.forEach((n, i) => workers.set(n, started[i]!));
  }, 120_000);

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    if (redis) {
      const keys = await redis.keys(`${queue}:*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
    }
  }, 60_000);

  it('a worker killed with SIGKILL mid-chunk loses nothing: the result is the inline one, bit for bit', async () => {
    const run = entente([...SIMULATE, '--executor', url]);
    const events = await waitFor(() => jobKey('events'), 60_000, 'the job to start');
    const results = events.replace(/:events$/, ':results');
    // Wait until w1 has finished a chunk and is in the middle of the next, then kill it.
    const victim = await waitFor(
      async () => {
        const started = new Set<string>();
        const finished = new Set<string>();
        for (const [, fields] of await redis.xrange(events, '-', '+')) {
          const note = Object.fromEntries(
            fields.flatMap((f, i) => (i % 2 === 0 ? [[f, fields[i + 1]]] : [])),
          ) as Record<string, string>;
          if (note.worker !== 'w1') continue;
          (note.type === 'done' ? finished : started).add(note.chunk!);
        }
        const open = [...started].filter((k) => !finished.has(k));
        return finished.size >= 1 && open.length === 1 ? open[0] : undefined;
      },
      30_000,
      'w1 to be in the middle of a chunk',
    );
    workers.get('w1')!.kill('SIGKILL');
    const storedBeforeDeath = (await redis.hexists(results, victim)) === 1;

    const { code, out, err } = await run.done;
    expect(err).not.toMatch(/internal error/);
    expect(code).toBe(0);
    expect(out).toBe(await reference);
    if (!storedBeforeDeath) {
      expect(err).toMatch(new RegExp(`chunk ${victim} restarted on w2 \\(it was on w1\\)`));
    }
  }, 120_000);

  it('survives a coordinator restart: the same job resumes from the chunks already done', async () => {
    // w2 alone now (w1 was killed): it goes on with the queued chunks while no coordinator runs.
    const first = entente([...SIMULATE, '--executor', url]);
    const results = await waitFor(() => jobKey('results'), 60_000, 'the job to start');
    await waitFor(
      async () => ((await redis.hlen(results)) >= 3 ? true : undefined),
      30_000,
      'three chunks to finish',
    );
    first.child.kill('SIGKILL');
    expect((await first.done).signal).toBe('SIGKILL');

    const second = entente([...SIMULATE, '--executor', url]);
    const { code, out, err } = await second.done;
    expect(code).toBe(0);
    const resumed = /resuming job [0-9a-f]+: (\d+) of 12 chunks already done/.exec(err);
    expect(resumed, err).not.toBeNull();
    expect(Number(resumed![1])).toBeGreaterThanOrEqual(3);
    expect(out).toBe(await reference);
    // Finished jobs leave nothing behind but BullMQ's own bookkeeping.
    expect(await redis.keys(`${queue}:job:*`)).toEqual([]);
  }, 120_000);
});

describe.skipIf(skip !== null)('entente backtest --executor redis://… (a worker process)', () => {
  const btQueue = `${queue}-backtest`;
  const btUrl = `${redisUrl}?queue=${btQueue}`;
  let dir = '';
  let worker: ChildProcess | undefined;
  const backtest = () => [
    'backtest',
    join(dir, 'deu-head.csv'),
    '--model',
    'nash,eum,smp,ensemble',
    '--seed',
    '5',
    '--json',
  ];

  beforeAll(async () => {
    // The first 1,000 rows of the DEU III training file: about 50 issues, 4 chunks of 16.
    dir = mkdtempSync(join(tmpdir(), 'entente-bt-redis-'));
    const lines = readFileSync(join(ROOT, 'test/fixtures/deu/deu3_train.csv'), 'utf8').split('\n');
    writeFileSync(join(dir, 'deu-head.csv'), `${lines.slice(0, 1001).join('\n')}\n`);
    worker = await startWorker('bt', btUrl, 2);
  }, 120_000);

  afterAll(async () => {
    worker?.kill('SIGKILL');
    const redis = new Redis(redisUrl);
    const keys = await redis.keys(`${btQueue}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('prints the local run’s --json byte for byte', async () => {
    const [local, remote] = await Promise.all([
      entente(backtest()).done,
      entente([...backtest(), '--executor', btUrl]).done,
    ]);
    expect(local.code, local.err).toBe(0);
    expect(remote.code, remote.err).toBe(0);
    expect(remote.err).not.toMatch(/internal error/);
    expect(remote.out).toBe(local.out);
    const json = JSON.parse(remote.out) as { counts: { scored: number }; forecasters: unknown[] };
    expect(json.counts.scored).toBeGreaterThan(30);
    expect(json.forecasters).toHaveLength(8);
  }, 120_000);
});

describe.skipIf(skip !== null)('entente commitment --executor redis://… (a worker process)', () => {
  const cmQueue = `${queue}-commitment`;
  const cmUrl = `${redisUrl}?queue=${cmQueue}`;
  let worker: ChildProcess | undefined;
  const commitment = [
    'commitment',
    'test/fixtures/commitment.yaml',
    '--draws',
    '4000',
    '--seed',
    '8',
    '--json',
  ];

  beforeAll(async () => {
    worker = await startWorker('cm', cmUrl, 2);
  }, 120_000);

  afterAll(async () => {
    worker?.kill('SIGKILL');
    const redis = new Redis(redisUrl);
    const keys = await redis.keys(`${cmQueue}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  }, 60_000);

  it('prints the inline run’s --json byte for byte (main and knock-out jobs)', async () => {
    const [local, remote] = await Promise.all([
      entente(commitment).done,
      entente([...commitment, '--executor', cmUrl]).done,
    ]);
    expect(local.code, local.err).toBe(0);
    expect(remote.code, remote.err).toBe(0);
    expect(remote.out).toBe(local.out);
    const json = JSON.parse(remote.out) as { kind: string; monteCarlo: { draws: number } };
    expect(json.kind).toBe('commitment');
    expect(json.monteCarlo.draws).toBe(4000);
  }, 120_000);
});
