/**
 * A bounded load test (issue 17, docs/hardening.md "Load"): `CLIENTS` concurrent clients for
 * `SECONDS` against a real `entente serve` on a temporary SQLite database, each looping over a
 * seeded mix of reads (stored scenarios, versions, runs, built-ins, health), writes (new scenario
 * versions), forecasts (the built-in, all point models), job submissions (small Monte Carlo runs,
 * levers) and refused input (bodies over the 2 MiB limit, scenarios over the actor limits).
 *
 * Prints the requests by kind and status, then figures: 5xx and network errors (must be 0),
 * health latency p50/p99 (target p99 < 50 ms) two ways — as a monitor sees it (a separate
 * process asking every 20 ms, one request at a time) and as the load's own clients see it (their
 * figure also holds their own process's queue: 64 loops in one event loop) —, the server's peak
 * RSS (VmHWM) and whether it still answers at the end. `ENTENTE_LOAD_CLIENTS`,
 * `ENTENTE_LOAD_SECONDS` and `ENTENTE_LOAD_SEED` change the shape.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '../src/core/rng.ts';
import { LIMITS } from '../src/core/limits.ts';
import type { BenchRow } from './measure.ts';
import { ROOT, peakRssOfMb, startServe } from './serve-process.ts';

const CLIENTS = Number(process.env.ENTENTE_LOAD_CLIENTS ?? 64);
const SECONDS = Number(process.env.ENTENTE_LOAD_SECONDS ?? 15);
const SEED = Number(process.env.ENTENTE_LOAD_SEED ?? 17);
const BUILTIN = 'east-asia-coalition-2025';

const GOOD = readFileSync(join(ROOT, 'test/fixtures/good.yaml'), 'utf8');

/** good.yaml under another id and title (a client's own scenario; `n` makes each save differ). */
function variant(id: string, n: number): string {
  return GOOD.replace('id: fixture-good', `id: ${id}`).replace(
    'title: A two-issue fixture',
    `title: Load ${id} save ${n}`,
  );
}

/** A one-issue scenario object with `n` actors (the smallest valid shape). */
function actorsScenario(n: number): Record<string, unknown> {
  return {
    id: `actors-${n}`,
    title: `${n} actors`,
    question: 'Where?',
    asOf: '2025-01-01',
    issues: [{ id: 'x', name: 'X', scale: { min: 0, max: 100 } }],
    actors: Array.from({ length: n }, (_, i) => ({
      id: `a${i}`,
      name: `A${i}`,
      kind: 'state',
      capability: 1 + (i % 7),
      stances: { x: { position: (i * 37) % 101, salience: 20 + (i % 80) } },
    })),
  };
}

interface Kind {
  readonly name: string;
  readonly weight: number;
  /** The request for client `c` (its state: its scenario id and latest version). */
  request(c: ClientState): { method: string; path: string; body?: string; alone?: boolean };
  /** Statuses this kind is expected to get (anything else is listed as unexpected). */
  readonly expect: readonly number[];
  after?(c: ClientState, status: number, body: string): void;
}

interface ClientState {
  readonly id: string;
  version: number;
  saves: number;
  runIds: string[];
}

const json = (v: unknown) => JSON.stringify(v);

function kinds(): Kind[] {
  const overBody = json({ text: `# ${'x'.repeat(LIMITS.bodyBytes.default + 64 * 1024)}\n` });
  const overActors = json({
    scenario: actorsScenario(LIMITS.actors.default + 1),
    models: [{ id: 'mean' }],
  });
  const overSmp = json({ scenario: actorsScenario(LIMITS.smpActors.default + 1) });
  const pick = <T>(xs: readonly T[], c: ClientState) =>
    xs[(c.saves + c.runIds.length) % xs.length]!;
  return [
    { name: 'GET /api/health', weight: 14, expect: [200], request: () => get('/api/health') },
    {
      name: 'GET /api/scenarios/{id}',
      weight: 8,
      expect: [200],
      request: (c) => get(`/api/scenarios/${c.id}`),
    },
    { name: 'GET /api/scenarios', weight: 4, expect: [200], request: () => get('/api/scenarios') },
    {
      name: 'GET /api/scenarios/{id}/versions/{v}',
      weight: 4,
      expect: [200],
      request: (c) => get(`/api/scenarios/${c.id}/versions/${1 + (c.saves % c.version)}`),
    },
    {
      name: 'GET /api/runs?limit=50',
      weight: 4,
      expect: [200],
      request: () => get('/api/runs?limit=50'),
    },
    {
      name: 'GET /api/runs/{id}',
      weight: 4,
      expect: [200],
      request: (c) => get(c.runIds.length ? `/api/runs/${pick(c.runIds, c)}` : '/api/health'),
    },
    { name: 'GET /api/builtins', weight: 3, expect: [200], request: () => get('/api/builtins') },
    {
      name: 'GET /api/builtins/{id}',
      weight: 3,
      expect: [200],
      request: () => get(`/api/builtins/${BUILTIN}`),
    },
    {
      name: 'PUT /api/scenarios/{id} (new version)',
      weight: 10,
      expect: [201],
      request: (c) => ({
        method: 'PUT',
        path: `/api/scenarios/${c.id}`,
        body: json({ text: variant(c.id, c.saves + 1), baseVersion: c.version }),
      }),
      after: (c, status, body) => {
        if (status !== 201) return;
        c.saves++;
        c.version = (JSON.parse(body) as { version: number }).version;
      },
    },
    {
      name: 'POST /api/forecast (built-in, all point models)',
      weight: 6,
      expect: [200],
      request: () => post('/api/forecast', { builtin: BUILTIN }),
    },
    {
      name: 'POST /api/runs forecast (stored scenario)',
      weight: 2,
      expect: [201],
      request: (c) =>
        post('/api/runs', { kind: 'forecast', scenarioId: c.id, models: [{ id: 'mean' }] }),
    },
    {
      name: 'POST /api/runs simulate (200 runs)',
      weight: 4,
      expect: [202, 429],
      request: (c) =>
        post('/api/runs', {
          kind: 'simulate',
          scenarioId: c.id,
          models: [{ id: 'mean' }, { id: 'median' }],
          runs: 200,
          seed: c.saves + 1,
        }),
      after: (c, status, body) => {
        if (status === 202) c.runIds.push((JSON.parse(body) as { id: string }).id);
      },
    },
    {
      name: 'POST /api/runs levers (mean, no pairs)',
      weight: 2,
      expect: [202, 429],
      request: (c) =>
        post('/api/runs', {
          kind: 'levers',
          scenarioId: c.id,
          target: 'budget>=60',
          models: [{ id: 'mean' }],
          pairs: 0,
        }),
      after: (c, status, body) => {
        if (status === 202) c.runIds.push((JSON.parse(body) as { id: string }).id);
      },
    },
    {
      name: `POST /api/validate, body over ${LIMITS.bodyBytes.default / 1024 / 1024} MiB`,
      weight: 1,
      expect: [413],
      request: () => ({ method: 'POST', path: '/api/validate', body: overBody, alone: true }),
    },
    {
      name: `POST /api/forecast, ${LIMITS.actors.default + 1} actors`,
      weight: 1,
      expect: [422],
      request: () => ({ method: 'POST', path: '/api/forecast', body: overActors }),
    },
    {
      name: `POST /api/forecast, ${LIMITS.smpActors.default + 1} actors with SMP`,
      weight: 1,
      expect: [422],
      request: () => ({ method: 'POST', path: '/api/forecast', body: overSmp }),
    },
  ];
}

/**
 * A POST on a connection of its own, whose answer is read as soon as it comes even while the body
 * is still being sent (the server answers 413 without reading an oversized body, then closes).
 */
function postAlone(url: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      },
    );
    // Once the answer has come, the server closing the socket under the body is expected.
    req.on('error', (err) => (req.writableEnded ? undefined : reject(err)));
    req.end(body);
  });
}

type Sent = ReturnType<Kind['request']>;

async function send(base: string, { method, path, body, alone }: Sent) {
  if (alone && body !== undefined) return postAlone(`${base}${path}`, body);
  const r = await fetch(`${base}${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body }),
  });
  return { status: r.status, text: await r.text() };
}

const get = (path: string) => ({ method: 'GET', path });
const post = (path: string, body: unknown) => ({ method: 'POST', path, body: json(body) });

/**
 * A health monitor in a process of its own: `GET /api/health` every `everyMs`, one at a time, for
 * `seconds`; resolves to its latencies in ms (a failed request counts as Infinity).
 */
function probeHealth(
  url: string,
  seconds: number,
  everyMs: number,
): { ready: Promise<void>; latencies: Promise<number[]> } {
  const script = `
    const url = ${JSON.stringify(`${url}/api/health`)};
    let start = performance.now();
    let until = start + ${seconds * 1000};
    const out = [];
    (async () => {
      // One request before timing: the first fetch of a process loads and compiles its HTTP
      // client (≈ 0.1–0.6 s on a busy machine), which is this process's cost, not the server's.
      try { await (await fetch(url)).arrayBuffer(); } catch {}
      process.stdout.write('ready\\n');
      start = performance.now();
      until = start + ${seconds * 1000};
      while (performance.now() < until) {
        const t0 = performance.now();
        try { const r = await fetch(url); await r.arrayBuffer(); out.push(r.ok ? performance.now() - t0 : Infinity); }
        catch { out.push(Infinity); }
        if (${JSON.stringify(Number(process.env.ENTENTE_LOAD_DEBUG) || 0)} && out.at(-1) > ${JSON.stringify(Number(process.env.ENTENTE_LOAD_DEBUG) || 0)})
          process.stderr.write('  slow monitor: ' + out.at(-1).toFixed(0) + ' ms, sent at ' + ((t0 - start) / 1000).toFixed(1) + ' s\\n');
        const wait = ${everyMs} - (performance.now() - t0);
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
      process.stdout.write(JSON.stringify(out.map((x) => (Number.isFinite(x) ? x : -1))));
    })();`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let text = '';
  let signalReady = () => {};
  const ready = new Promise<void>((r) => (signalReady = r));
  child.stdout.on('data', (d: Buffer) => {
    text += d.toString();
    if (text.startsWith('ready\n')) signalReady();
  });
  const latencies = new Promise<number[]>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      signalReady();
      if (code !== 0) return reject(new Error(`health probe exited ${code}`));
      const json = text.replace(/^ready\n/, '');
      resolve((JSON.parse(json) as number[]).map((x) => (x < 0 ? Infinity : x)));
    });
  });
  return { ready, latencies };
}

function quantile(sorted: readonly number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! : NaN;
}

export async function benchLoad(): Promise<BenchRow[]> {
  const tmp = mkdtempSync(join(tmpdir(), 'entente-bench-load-'));
  // ENTENTE_LOAD_PROF=DIR: a CPU profile of the server's main thread, written there at its exit;
  // else ENTENTE_LOAD_NODE_ARGS: Node flags for the server (e.g. '--trace-gc').
  const prof = process.env.ENTENTE_LOAD_PROF;
  const server = await startServe(
    join(tmp, 'load.db'),
    ['--workers', '1'],
    {},
    prof
      ? ['--cpu-prof', `--cpu-prof-dir=${prof}`]
      : process.env.ENTENTE_LOAD_NODE_ARGS
        ? process.env.ENTENTE_LOAD_NODE_ARGS.split(' ')
        : [],
  );
  const list = kinds();
  const totalWeight = list.reduce((n, k) => n + k.weight, 0);
  const counts = new Map<string, Map<string, number>>(list.map((k) => [k.name, new Map()]));
  const unexpected: string[] = [];
  let unexpectedCount = 0;
  const health: number[] = [];
  const rng = createRng(SEED);
  try {
    const clients: ClientState[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const id = `load-${String(i).padStart(2, '0')}`;
      const r = await fetch(`${server.url}/api/scenarios`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: json({ text: variant(id, 0) }),
      });
      if (r.status !== 201) throw new Error(`setup: POST /api/scenarios ${r.status}`);
      await r.arrayBuffer();
      clients.push({ id, version: 1, saves: 0, runIds: [] });
    }
    // Warm-up, not counted: each kind once, so that module loading, the worker thread's start
    // and the built-in's first parse are not in the figures (a server that has just started).
    for (const kind of list) {
      const r = await send(server.url, kind.request(clients[0]!));
      kind.after?.(clients[0]!, r.status, r.text);
    }
    const load0 = loadavg()[0]!;
    const monitor = probeHealth(server.url, SECONDS, 20);
    await monitor.ready; // its clock starts with the clients'
    const probe = monitor.latencies;
    const until = performance.now() + SECONDS * 1000;
    let total = 0;
    const started = performance.now();
    await Promise.all(
      clients.map(async (c) => {
        while (performance.now() < until) {
          let x = rng.next() * totalWeight;
          const kind = list.find((k) => (x -= k.weight) < 0) ?? list[0]!;
          const req = kind.request(c);
          const t0 = performance.now();
          let status: string;
          let text = '';
          try {
            const r = await send(server.url, req);
            text = r.text;
            status = String(r.status);
          } catch (err) {
            status = `ERR ${(err as { cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code ?? (err as Error).message}`;
          }
          const ms = performance.now() - t0;
          total++;
          if (kind.name === 'GET /api/health' && req.path === '/api/health') health.push(ms);
          if (
            process.env.ENTENTE_LOAD_DEBUG &&
            ms > (Number(process.env.ENTENTE_LOAD_DEBUG) || 1000)
          )
            console.log(
              `  slow: ${kind.name} ${status} ${ms.toFixed(0)} ms, sent at ${((t0 - started) / 1000).toFixed(1)} s`,
            );
          const byStatus = counts.get(kind.name)!;
          byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
          if (!kind.expect.includes(Number(status))) {
            unexpectedCount++;
            if (unexpected.length < 10)
              unexpected.push(`${kind.name} → ${status}: ${text.slice(0, 300)}`);
          }
          kind.after?.(c, Number(status), text);
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const probed = (await probe).sort((a, b) => a - b);
    const load1 = loadavg()[0]!;
    const up = await fetch(`${server.url}/api/health`)
      .then((r) => r.status === 200)
      .catch(() => false);
    const rss = peakRssOfMb(server.pid);

    let fiveXx = 0;
    let errors = 0;
    console.log(
      `  ${CLIENTS} clients, ${SECONDS} s, seed ${SEED}: ${total.toLocaleString('en-US')} requests in ${elapsed.toFixed(1)} s · load average ${load0.toFixed(2)} → ${load1.toFixed(2)}`,
    );
    for (const k of list) {
      const byStatus = [...counts.get(k.name)!].sort();
      for (const [s, n] of byStatus) {
        if (/^5/.test(s)) fiveXx += n;
        if (s.startsWith('ERR')) errors += n;
      }
      const cells = byStatus.map(([s, n]) => `${s}: ${n.toLocaleString('en-US')}`).join(' · ');
      console.log(`  ${k.name.padEnd(56)} ${cells}`);
    }
    for (const u of unexpected) console.log(`  unexpected: ${u}`);
    health.sort((a, b) => a - b);
    return [
      { name: 'requests in all', value: total, unit: 'requests' },
      { name: 'requests per second', value: total / elapsed, unit: 'req/s' },
      { name: '5xx answers (must be 0)', value: fiveXx, unit: 'answers' },
      { name: 'network errors (must be 0)', value: errors, unit: 'requests' },
      { name: 'answers with an unexpected status', value: unexpectedCount, unit: 'answers' },
      {
        name: 'health monitor (own process, every 20 ms): requests',
        value: probed.length,
        unit: 'requests',
      },
      {
        name: 'health monitor: failed',
        value: probed.filter((x) => x === Infinity).length,
        unit: 'requests',
      },
      { name: 'health monitor: latency p50', value: quantile(probed, 0.5), unit: 'ms' },
      {
        name: 'health monitor: latency p99 (target < 50)',
        value: quantile(probed, 0.99),
        unit: 'ms',
      },
      { name: 'health monitor: latency max', value: probed.at(-1) ?? NaN, unit: 'ms' },
      { name: `health in the clients' mix: requests`, value: health.length, unit: 'requests' },
      { name: "health in the clients' mix: latency p50", value: quantile(health, 0.5), unit: 'ms' },
      {
        name: "health in the clients' mix: latency p99",
        value: quantile(health, 0.99),
        unit: 'ms',
      },
      { name: "health in the clients' mix: latency max", value: health.at(-1) ?? NaN, unit: 'ms' },
      { name: 'server peak RSS (VmHWM)', value: rss, unit: 'MiB' },
      { name: 'server answers health at the end (1 = yes)', value: up ? 1 : 0, unit: '' },
    ];
  } finally {
    await server.stop();
    // ENTENTE_LOAD_SERVER_LOG=FILE: the server's output (with ENTENTE_LOAD_NODE_ARGS='--trace-gc',
    // its collections and their pauses).
    if (process.env.ENTENTE_LOAD_SERVER_LOG)
      writeFileSync(process.env.ENTENTE_LOAD_SERVER_LOG, server.out());
    rmSync(tmp, { recursive: true, force: true });
  }
}
