/**
 * Workbench figures: API requests/s at 16 concurrent clients on loopback (validate, and a baseline
 * forecast) against a real `entente serve` process; the UI bundle's size; and the what-if latency
 * in Chromium for the built-in scenario (every point model, in the Web Worker). Each measurement
 * is bounded in requests and seconds. The browser figures are skipped (with the reason) when
 * /usr/bin/chromium is absent.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS, chromiumPath } from '../src/report/scenario-report/print-pdf.ts';
import { createServer } from '../src/server/app.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import type { BenchRow } from './measure.ts';

const ROOT = join(import.meta.dirname, '..');
const CLIENTS = 16;
const SECONDS = 2;
const MAX_REQUESTS = 5000;

async function startServe(db: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'bin/entente.js'),
      'serve',
      '--port',
      '0',
      '--no-web',
      '--workers',
      '1',
      '--db',
      db,
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /on (http:\/\/\S+)/.exec(out);
      if (m && out.includes('Ctrl-C')) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`entente serve exited with ${code}: ${out}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** `CLIENTS` loops posting `body` for up to SECONDS or MAX_REQUESTS in all; returns requests/s. */
async function throughput(url: string, body: unknown): Promise<number> {
  const payload = JSON.stringify(body);
  const post = () =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: payload,
    }).then(async (r) => {
      await r.arrayBuffer();
      if (r.status !== 200) throw new Error(`${url}: HTTP ${r.status}`);
    });
  for (let i = 0; i < CLIENTS; i++) await post(); // warm up
  let done = 0;
  const start = performance.now();
  const until = start + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < until && done < MAX_REQUESTS) {
        await post();
        done++;
      }
    }),
  );
  return done / ((performance.now() - start) / 1000);
}

function bundleRows(dir: string): BenchRow[] {
  const files = readdirSync(join(dir, 'assets')).map((f) => join(dir, 'assets', f));
  const size = (f: string) => statSync(f).size;
  const gz = (f: string) => gzipSync(readFileSync(f)).length;
  const kb = (n: number) => n / 1024;
  const pick = (re: RegExp) => files.filter((f) => re.test(f));
  const initial = [...pick(/\/index-[^/]+\.(js|css)$/)];
  const rows: BenchRow[] = [
    {
      name: 'UI bundle: initial load (JS + CSS), gzip',
      value: kb(initial.reduce((n, f) => n + gz(f), 0)),
      unit: 'KiB',
    },
    {
      name: 'UI bundle: initial load (JS + CSS), raw',
      value: kb(initial.reduce((n, f) => n + size(f), 0)),
      unit: 'KiB',
    },
  ];
  for (const f of pick(/\/worker-[^/]+\.js$/))
    rows.push({ name: 'UI bundle: what-if worker (models), gzip', value: kb(gz(f)), unit: 'KiB' });
  for (const f of pick(/\/DyadNetwork-[^/]+\.js$/))
    rows.push({
      name: 'UI bundle: network view (lazy chunk), gzip',
      value: kb(gz(f)),
      unit: 'KiB',
    });
  rows.push({
    name: 'UI bundle: all assets, gzip',
    value: kb(
      files.filter((f) => ['.js', '.css'].includes(extname(f))).reduce((n, f) => n + gz(f), 0),
    ),
    unit: 'KiB',
  });
  return rows;
}

function quantile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
}

async function whatIfRows(webDir: string): Promise<BenchRow[]> {
  const store = await openSqliteStore(':memory:');
  const server = createServer({ store, webDir });
  const { serve } = await import('@hono/node-server');
  let http: { close(cb?: () => void): void } | null = null;
  const base = await new Promise<string>((resolve) => {
    http = serve({ fetch: server.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve(`http://127.0.0.1:${info.port}`),
    );
  });
  const profile = mkdtempSync(join(tmpdir(), 'entente-bench-chromium-'));
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await context.newPage();
    // Load → the scenario's dashboard with its headline (the what-if's first answer): the first
    // navigation of a freshly started browser (cold), then a new tab (warm HTTP cache).
    const toDashboard = async (p: typeof page) => {
      const t0 = Date.now();
      await p.goto(base);
      await p.getByTestId('builtin-east-asia-coalition-2025').click();
      await p.getByTestId('headline').waitFor();
      return Date.now() - t0;
    };
    const dashboardCold = await toDashboard(page);
    const second = await context.newPage();
    const dashboardWarm = await toDashboard(second);
    await second.close();
    await page.getByRole('tab', { name: 'Editor' }).click();
    await page.getByTestId('whatif-usfk-flexibility-smp').waitFor();
    // In the page: set the salience, and time until the what-if's latency figure is replaced.
    // (A string, so this Node-side file needs no DOM types.)
    const edit = (value: number) =>
      page.evaluate<{ endToEnd: number; worker: number }>(`(async (v) => {
        const input = document.querySelector('[data-testid="cell-korea-gov-usfk-flexibility-salience"]');
        // Each answer shown carries the number of the edit it answers (data-seq).
        const panel = document.querySelector('[data-testid="whatif"]');
        const before = panel.dataset.seq;
        const t0 = performance.now();
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, String(v));
        input.dispatchEvent(new Event('input', { bubbles: true }));
        for (;;) {
          await new Promise((r) => requestAnimationFrame(r));
          const now = document.querySelector('[data-testid="whatif-ms"]');
          if (now && panel.dataset.seq !== before)
            return { endToEnd: performance.now() - t0, worker: Number(now.textContent) };
          if (performance.now() - t0 > 10000) throw new Error('the what-if did not update within 10 s');
        }
      })(${value})`);
    const worker: number[] = [];
    const endToEnd: number[] = [];
    for (let i = 0; i < 40; i++) {
      const r = await edit(50 + (i % 16));
      if (i >= 10) {
        worker.push(r.worker);
        endToEnd.push(r.endToEnd);
      }
    }
    return [
      {
        name: 'dashboard: load, click the built-in, headline shown; new browser (target < 1500)',
        value: dashboardCold,
        unit: 'ms',
      },
      {
        name: 'dashboard: the same in a second tab (HTTP cache warm)',
        value: dashboardWarm,
        unit: 'ms',
      },
      {
        name: 'what-if, built-in scenario, all point models + coalition answer: median (worker)',
        value: quantile(worker, 0.5),
        unit: 'ms',
      },
      { name: 'what-if: 95th percentile (worker)', value: quantile(worker, 0.95), unit: 'ms' },
      {
        name: 'what-if: median, edit → page updated (target < 100)',
        value: quantile(endToEnd, 0.5),
        unit: 'ms',
      },
      {
        name: 'what-if: 95th percentile, edit → page updated (target < 100)',
        value: quantile(endToEnd, 0.95),
        unit: 'ms',
      },
    ];
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await new Promise<void>((r) => (http ? http.close(() => r()) : r()));
    await server.close();
    await store.close();
  }
}

export async function benchServer(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const tmp = mkdtempSync(join(tmpdir(), 'entente-bench-server-'));
  try {
    const good = readFileSync(join(ROOT, 'test/fixtures/good.yaml'), 'utf8');
    const builtin = readFileSync(join(ROOT, 'scenarios/east-asia-coalition-2025.yaml'), 'utf8');
    const { url, stop } = await startServe(join(tmp, 'bench.db'));
    try {
      const rps = (name: string, path: string, body: unknown) =>
        throughput(`${url}${path}`, body).then((value) =>
          rows.push({ name: `API ${name}, ${CLIENTS} clients`, value, unit: 'req/s' }),
        );
      await rps('validate (3-actor scenario)', '/api/validate', { text: good });
      await rps('validate (built-in, 12 actors, 102 evidence)', '/api/validate', { text: builtin });
      await rps('forecast mean (3-actor scenario)', '/api/forecast', {
        text: good,
        models: [{ id: 'mean' }],
      });
      await rps('forecast mean (built-in by id)', '/api/forecast', {
        builtin: 'east-asia-coalition-2025',
        models: [{ id: 'mean' }],
      });
    } finally {
      await stop();
    }
    const webDir = join(tmp, 'web');
    const { build } = await import('vite');
    await build({
      configFile: join(ROOT, 'web/vite.config.ts'),
      logLevel: 'silent',
      build: { outDir: webDir, emptyOutDir: true },
    });
    rows.push(...bundleRows(webDir));
    if (existsSync(chromiumPath())) rows.push(...(await whatIfRows(webDir)));
    else console.log(`  (what-if latency skipped: ${chromiumPath()} is absent)`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return rows;
}
