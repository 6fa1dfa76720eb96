/**
 * The distributed executor on one machine: Monte Carlo runs/s with 1, 2 and 4 `entente worker`
 * processes (one thread each) against the piscina pool on the same runs (the built-in East Asia
 * scenario: the EUM, whose 1,000-run chunks take a quarter second, and the three baselines, whose
 * chunks take a few tens of ms), then the overhead per chunk (1-run chunks: all overhead), the
 * size of a stored chunk result, and runs/s by chunk size — from which the default chunk size is
 * read (docs/distributed.md).
 *
 * Redis is Debian's redis-server started on 127.0.0.1 in a temporary folder (or
 * ENTENTE_TEST_REDIS_URL); without one the suite prints why and reports nothing. Each figure is
 * timed after a warm-up job on the same executor. On 2 cores, 4 processes oversubscribe: that
 * row shows the cost of more workers than cores, not a speed-up.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { prepareMonteCarlo } from '../src/analysis/monte-carlo/job.ts';
import { runMonteCarlo } from '../src/analysis/monte-carlo/run.ts';
import { monteCarloTask } from '../src/analysis/monte-carlo/task.ts';
import type { Scenario } from '../src/core/scenario.ts';
import type { Executor } from '../src/executors/executor.ts';
import { PoolExecutor } from '../src/executors/pool.ts';
import { encodeValue } from '../src/executors/redis/codec.ts';
import { RedisExecutor } from '../src/executors/redis/executor.ts';
import { testRedis } from '../src/executors/redis/local-server.ts';
import { parseScenarioText } from '../src/formats/scenario-file.ts';
import { getModel, listModels } from '../src/models/registry.ts';
import type { BenchRow } from './measure.ts';
import { ANALYSIS_TASKS } from '../src/analysis/tasks.ts';

const ROOT = join(import.meta.dirname, '..');
const SCENARIO = join(ROOT, 'scenarios/east-asia-coalition-2025.yaml');

function runsOf(ids: readonly string[]) {
  return ids.map((id) => ({ model: getModel(id), options: { ...getModel(id).defaults } }));
}

/** CPU seconds (user + system, every thread) of a process so far; 0 where /proc is missing. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/**
 * Runs/s (wall clock) of `runs` runs in chunks of `chunkSize`, after a warm-up job of the same
 * shape, and the CPU seconds per 1,000 runs spent by this process and `processes` together: on a
 * shared machine the wall-clock rate moves with other load, the CPU cost much less.
 */
async function rate(
  executor: Executor,
  scenario: Scenario,
  ids: readonly string[],
  runs: number,
  chunkSize: number,
  seed: number,
  processes: readonly ChildProcess[] = [],
): Promise<{ perSecond: number; cpuPer1000: number }> {
  const models = runsOf(ids);
  const warm = prepareMonteCarlo(scenario, models, {
    runs: Math.max(4 * chunkSize, Math.ceil(runs / 5)),
    seed: seed + 1000,
    chunkSize,
  });
  await runMonteCarlo(executor, warm);
  const prepared = prepareMonteCarlo(scenario, models, { runs, seed, chunkSize });
  const cpu = () =>
    [process.pid, ...processes.map((p) => p.pid!)].reduce((s, pid) => s + cpuSeconds(pid), 0);
  const cpu0 = cpu();
  const start = performance.now();
  await runMonteCarlo(executor, prepared);
  const seconds = (performance.now() - start) / 1000;
  return { perSecond: runs / seconds, cpuPer1000: ((cpu() - cpu0) * 1000) / runs };
}

/** `entente worker` processes (one thread each); resolves once each waits for chunks. */
async function startWorkers(url: string, names: string[]): Promise<ChildProcess[]> {
  return Promise.all(
    names.map(
      (name) =>
        new Promise<ChildProcess>((resolve, reject) => {
          const child = spawn(
            process.execPath,
            [join(ROOT, 'bin/entente.js'), 'worker', '--redis', url, '-c', '1', '--name', name],
            { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] },
          );
          let out = '';
          const timer = setTimeout(() => reject(new Error(`worker ${name} did not start`)), 60_000);
          child.stdout.on('data', (d: Buffer) => {
            out += d.toString();
            if (out.includes('waiting for chunks')) {
              clearTimeout(timer);
              resolve(child);
            }
          });
          child.once('exit', (code) => reject(new Error(`worker ${name} exited (${code})`)));
        }),
    ),
  );
}

async function stopWorkers(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}

export async function benchDistributed(): Promise<BenchRow[]> {
  const server = await testRedis();
  if ('skip' in server) {
    console.log(`  (skipped: ${server.skip})`);
    return [];
  }
  const scenario = parseScenarioText(readFileSync(SCENARIO, 'utf8'), SCENARIO);
  const url = `${server.url}?queue=bench-${randomBytes(3).toString('hex')}`;
  const sets: { label: string; ids: string[]; runs: number }[] = [
    { label: 'baselines', ids: ['mean', 'median', 'nash'], runs: 60_000 },
  ];
  if (listModels().some((m) => m.id === 'eum')) {
    sets.push({ label: 'eum', ids: ['eum'], runs: 16_000 });
  }
  const rows: BenchRow[] = [];
  const children: ChildProcess[] = [];
  const redis = new RedisExecutor(url, {
    tasks: ANALYSIS_TASKS,
  });
  const pool = new PoolExecutor({ workers: 2, tasks: ANALYSIS_TASKS });
  try {
    const piscina = new Map<string, number>();
    for (const set of sets) {
      const r = await rate(pool, scenario, set.ids, set.runs, 1000, 1);
      piscina.set(set.label, r.perSecond);
      rows.push({ name: `${set.label}: piscina, 2 threads`, value: r.perSecond, unit: 'runs/s' });
      rows.push({
        name: `${set.label}: piscina, CPU per 1,000 runs`,
        value: r.cpuPer1000,
        unit: 'CPU s',
      });
    }
    for (const processes of [1, 2, 4]) {
      const more = Array.from(
        { length: processes - children.length },
        (_, i) => `bench-${children.length + i + 1}`,
      );
      children.push(...(await startWorkers(url, more)));
      for (const set of sets) {
        const r = await rate(redis, scenario, set.ids, set.runs, 1000, 2 + processes, children);
        const label = `${set.label}: redis, ${processes} process${processes > 1 ? 'es' : ''}`;
        rows.push({ name: label, value: r.perSecond, unit: 'runs/s' });
        rows.push({ name: `${label}, CPU per 1,000 runs`, value: r.cpuPer1000, unit: 'CPU s' });
        if (processes === 2) {
          rows.push({
            name: `${set.label}: redis 2 processes ÷ piscina 2 threads`,
            value: r.perSecond / piscina.get(set.label)!,
            unit: '×',
          });
        }
      }
    }
    // Two processes from here on: overhead per chunk with 1-run chunks (the run itself is ~30 µs).
    await stopWorkers(children.splice(2));
    const chunks = 400;
    for (const [label, executor] of [
      ['redis (2 processes)', redis],
      ['piscina (2 threads)', pool],
    ] as const) {
      const r = await rate(executor, scenario, ['mean'], chunks, 1, 50, children);
      rows.push({
        name: `overhead per chunk, ${label}`,
        value: 1000 / r.perSecond,
        unit: `ms (${r.cpuPer1000.toFixed(2)} CPU ms in coordinator + workers)`,
      });
    }
    const eum = sets.find((s) => s.label === 'eum') ?? sets[0]!;
    const one = prepareMonteCarlo(scenario, runsOf(eum.ids), { runs: 1000, seed: 1 });
    const chunk = monteCarloTask.run(one.job, 0);
    rows.push({
      name: `stored result of a 1,000-run ${eum.label} chunk`,
      value: encodeValue(chunk).length / 1024,
      unit: `KiB (${(serialize(chunk).length / 1024).toFixed(0)} KiB uncompressed)`,
    });
    for (const size of [250, 1000, 4000]) {
      const r = await rate(
        redis,
        scenario,
        ['mean', 'median', 'nash'],
        40_000,
        size,
        60 + size,
        children,
      );
      rows.push({
        name: `baselines: redis, 2 processes, ${size}-run chunks`,
        value: r.perSecond,
        unit: `runs/s (${r.cpuPer1000.toFixed(3)} CPU s per 1,000 runs)`,
      });
    }
  } finally {
    await stopWorkers(children);
    await redis.close();
    await pool.close();
    await server.stop();
  }
  return rows;
}
