/**
 * `kill -9` during mixed writes and queued jobs (issue 17, docs/hardening.md "Crashes"): one SQLite
 * database; each round starts `entente serve` on it, runs concurrent writers (new scenario
 * versions) and job submitters (small Monte Carlo runs), `kill -9`s the server at a seeded
 * random moment, starts it again on the same file and checks that every acknowledged write (2xx)
 * reads back with the same text. After the last round, every acknowledged job (202) must end
 * `done`, or `failed` with a stated reason. `crashRounds` is also run, for 3 rounds, by
 * test/crash.test.ts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '../src/core/rng.ts';
import type { BenchRow } from './measure.ts';
import { ROOT, type ServeProcess, startServe } from './serve-process.ts';

const GOOD = readFileSync(join(ROOT, 'test/fixtures/good.yaml'), 'utf8');
const WRITERS = 6;
const SUBMITTERS = 2;

export interface CrashReport {
  readonly rounds: number;
  readonly writesAcknowledged: number;
  /** Acknowledged versions missing or with other text after a restart (must be 0). */
  readonly writesLost: string[];
  readonly jobsAcknowledged: number;
  readonly jobsDone: number;
  readonly jobsFailed: number;
  /** Acknowledged jobs missing, unfinished at the end, or failed without a reason (must be 0). */
  readonly jobsLost: string[];
  /** Requests in flight when the server was killed (neither acknowledged nor refused). */
  readonly interrupted: number;
  /** The `resumed N run(s)` counts the restarted servers printed. */
  readonly resumed: number;
  readonly killAfterMs: number[];
}

interface Write {
  readonly id: string;
  readonly version: number;
  readonly text: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function put(url: string, id: string, text: string) {
  return fetch(`${url}/api/scenarios/${id}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
}

/**
 * Every acknowledged write not readable with its text (a description of each, in write order).
 * Four requests at a time: the check reads every write, thousands over a run.
 */
async function lostWrites(url: string, writes: readonly Write[]): Promise<string[]> {
  const found: (string | null)[] = new Array<string | null>(writes.length).fill(null);
  let next = 0;
  const reader = async () => {
    for (let k = next++; k < writes.length; k = next++) {
      const w = writes[k]!;
      const r = await fetch(`${url}/api/scenarios/${w.id}/versions/${w.version}`);
      if (r.status !== 200) {
        found[k] = `${w.id}@${w.version}: HTTP ${r.status}`;
        continue;
      }
      const v = (await r.json()) as { source: string };
      if (v.source !== w.text) found[k] = `${w.id}@${w.version}: other text`;
    }
  };
  await Promise.all(Array.from({ length: 4 }, reader));
  return found.filter((x): x is string => x !== null);
}

/**
 * `rounds` rounds of load, `kill -9` and restart on one database; the kill comes 300–`maxKillMs`
 * ms into each round's load (seeded).
 */
export async function crashRounds(
  rounds: number,
  { seed = 17, maxKillMs = 2500 }: { seed?: number; maxKillMs?: number } = {},
): Promise<CrashReport> {
  const tmp = mkdtempSync(join(tmpdir(), 'entente-crash-'));
  const db = join(tmp, 'crash.db');
  const args = ['--workers', '1', '--max-jobs', '1000', '--max-jobs-per-client', '1000'];
  const rng = createRng(seed);
  const writes: Write[] = [];
  const jobs: string[] = [];
  const writesLost: string[] = [];
  const killAfterMs: number[] = [];
  let interrupted = 0;
  let resumed = 0;
  let checked = 0;
  let server: ServeProcess | null = null;
  try {
    for (let round = 0; round < rounds; round++) {
      server = await startServe(db, args);
      const m = /resumed (\d+) run/.exec(server.out());
      if (m) resumed += Number(m[1]);
      // What the last round acknowledged is all still there (earlier rounds' writes were checked
      // at the previous start, and all of them are checked again after the last kill).
      writesLost.push(...(await lostWrites(server.url, writes.slice(checked))));
      checked = writes.length;
      const url = server.url;
      let stop = false;
      let n = 0;
      const writer = async (k: number) => {
        const id = `crash-w${k}`;
        while (!stop) {
          const text = GOOD.replace('id: fixture-good', `id: ${id}`).replace(
            'title: A two-issue fixture',
            `title: round ${round} save ${n++}`,
          );
          try {
            const r = await put(url, id, text);
            const body = (await r.json()) as { version?: number };
            if (r.status === 201) writes.push({ id, version: body.version!, text });
            else throw new Error(`PUT ${id}: HTTP ${r.status} ${JSON.stringify(body)}`);
          } catch (err) {
            if (!stop) throw err;
            interrupted++;
          }
        }
      };
      const submitter = async () => {
        while (!stop) {
          try {
            const r = await fetch(`${url}/api/runs`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({
                kind: 'simulate',
                text: GOOD,
                models: [{ id: 'mean' }],
                runs: 5000,
                seed: 1 + n++,
              }),
            });
            const body = (await r.json()) as { id?: string };
            if (r.status === 202) jobs.push(body.id!);
            else throw new Error(`POST /api/runs: HTTP ${r.status} ${JSON.stringify(body)}`);
          } catch (err) {
            if (!stop) throw err;
            interrupted++;
          }
          await sleep(20);
        }
      };
      const killAfter = 300 + Math.floor(rng.next() * (maxKillMs - 300));
      killAfterMs.push(killAfter);
      const work = Promise.all([
        ...Array.from({ length: WRITERS }, (_, k) => writer(k)),
        ...Array.from({ length: SUBMITTERS }, () => submitter()),
      ]);
      // A failure of the load itself (not of the kill) ends the round at once.
      const failed = work.then(
        () => undefined,
        (err: unknown) => err,
      );
      const early = await Promise.race([sleep(killAfter).then(() => undefined), failed]);
      stop = true;
      await server.kill();
      const late = await failed;
      if (early ?? late) throw early ?? late;
    }
    // The last start: every acknowledged write and job.
    server = await startServe(db, args);
    const m = /resumed (\d+) run/.exec(server.out());
    if (m) resumed += Number(m[1]);
    writesLost.push(...(await lostWrites(server.url, writes)));
    const jobsLost: string[] = [];
    let done = 0;
    let failed = 0;
    const deadline = Date.now() + 300_000;
    for (const id of jobs) {
      for (;;) {
        const r = await fetch(`${server.url}/api/runs/${id}`);
        if (r.status !== 200) {
          jobsLost.push(`${id}: HTTP ${r.status}`);
          break;
        }
        const run = (await r.json()) as { status: string; error?: string | null };
        if (run.status === 'done') {
          done++;
          break;
        }
        if (run.status === 'failed') {
          failed++;
          if (!run.error) jobsLost.push(`${id}: failed without a reason`);
          break;
        }
        if (Date.now() > deadline) {
          jobsLost.push(`${id}: still ${run.status}`);
          break;
        }
        await sleep(100);
      }
    }
    return {
      rounds,
      writesAcknowledged: writes.length,
      writesLost,
      jobsAcknowledged: jobs.length,
      jobsDone: done,
      jobsFailed: failed,
      jobsLost,
      interrupted,
      resumed,
      killAfterMs,
    };
  } finally {
    await server?.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

export async function benchCrash(): Promise<BenchRow[]> {
  const rounds = Number(process.env.ENTENTE_CRASH_ROUNDS ?? 20);
  const t0 = performance.now();
  const r = await crashRounds(rounds, { seed: Number(process.env.ENTENTE_CRASH_SEED ?? 17) });
  for (const line of [...r.writesLost, ...r.jobsLost].slice(0, 20)) console.log(`  lost: ${line}`);
  return [
    { name: 'kill -9 rounds', value: r.rounds, unit: '' },
    { name: 'writes acknowledged (201)', value: r.writesAcknowledged, unit: 'versions' },
    {
      name: 'acknowledged writes lost or changed (must be 0)',
      value: r.writesLost.length,
      unit: '',
    },
    { name: 'jobs acknowledged (202)', value: r.jobsAcknowledged, unit: 'jobs' },
    { name: 'jobs done after the restarts', value: r.jobsDone, unit: 'jobs' },
    { name: 'jobs failed with a stated reason', value: r.jobsFailed, unit: 'jobs' },
    {
      name: 'acknowledged jobs lost or unfinished (must be 0)',
      value: r.jobsLost.length,
      unit: '',
    },
    { name: 'runs resumed by a restarted server (sum)', value: r.resumed, unit: 'runs' },
    { name: 'requests cut by a kill (unacknowledged)', value: r.interrupted, unit: 'requests' },
    { name: 'wall time', value: (performance.now() - t0) / 1000, unit: 's' },
  ];
}
