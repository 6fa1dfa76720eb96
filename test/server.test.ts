/**
 * End-to-end tests of the HTTP API: through `app.request()` (no socket) for every route, then over
 * a real socket (`entente serve` itself, and 16 clients at once). Also `entente report` (in process).
 */
import { spawn } from 'node:child_process';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runForecast } from '../src/analysis/forecast.ts';
import { contentHash } from '../src/core/hash.ts';
import { parseScenarioText } from '../src/formats/scenario-file.ts';
import { getModel } from '../src/models/registry.ts';
import { ChromiumMissingError } from '../src/report/scenario-report/print-pdf.ts';
import { createServer, type Server } from '../src/server/app.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import type { Store } from '../src/store/store.ts';
import { entente, ententeWith } from './support/cli.ts';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'entente.js');
const GOOD = readFileSync(join(ROOT, 'test/fixtures/good.yaml'), 'utf8');
const BROKEN = 'test/fixtures/broken-salience.yaml';
const tmp = mkdtempSync(join(tmpdir(), 'entente-server-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The good fixture with its title and an actor's name replaced by markup and script. */
const HOSTILE_NAME = `<script>alert("pwned")</script> & 'quotes' <img src=x onerror=alert(1)>`;
const HOSTILE = GOOD.replace('title: A two-issue fixture', `title: ${JSON.stringify(HOSTILE_NAME)}`)
  .replace('name: North', `name: ${JSON.stringify(`North ${HOSTILE_NAME}`)}`)
  .replace(
    '{ id: memo, title: Internal memo, date: 2025-06-01 }',
    '{ id: memo, title: "Memo </td><b>x", url: "javascript:alert(1)", date: 2025-06-01 }',
  );

let store: Store;
let server: Server;
const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
const req = (path: string, init?: RequestInit) => server.app.request(path, init);
async function body<T = Record<string, unknown>>(r: Response): Promise<T> {
  return (await r.json()) as T;
}
type ErrorJson = {
  error: {
    type: string;
    message: string;
    problems?: { path: string; message: string; line?: number }[];
  };
};

beforeEach(async () => {
  store = await openSqliteStore(':memory:');
  server = createServer({ store, now: () => new Date('2026-01-02T03:04:05Z') });
});
afterEach(async () => {
  await server.close();
  await store.close();
});

describe('API: documents and errors', () => {
  it('serves the OpenAPI document with every route, and interactive docs at /docs', async () => {
    const doc = await body<{ openapi: string; paths: Record<string, unknown> }>(
      await req('/openapi.json'),
    );
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of [
      '/api/scenarios',
      '/api/scenarios/{id}/versions/{version}',
      '/api/validate',
      '/api/forecast',
      '/api/runs',
      '/api/runs/{id}/cancel',
      '/api/report',
    ])
      expect(Object.keys(doc.paths)).toContain(p);
    const docs = await req('/docs');
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('/openapi.json');
  });

  it('serves a built-in: its text and the parsed scenario, the same bytes on every call', async () => {
    const file = join(ROOT, 'scenarios', 'east-asia-coalition-2025.yaml');
    const first = await req('/api/builtins/east-asia-coalition-2025');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^application\/json/);
    // Security headers reach this answer too (it is sent already encoded).
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    const text = await first.text();
    const b = JSON.parse(text) as { id: string; file: string; text: string; scenario: unknown };
    expect(b.id).toBe('east-asia-coalition-2025');
    expect(b.text).toBe(readFileSync(file, 'utf8'));
    expect(b.scenario).toEqual(JSON.parse(JSON.stringify(parseScenarioText(b.text, file))));
    expect(await (await req('/api/builtins/east-asia-coalition-2025')).text()).toBe(text);
    expect((await req('/api/builtins/atlantis')).status).toBe(404);
    // Asked for gzip (as browsers and fetch do), the same JSON compressed, said so and varied on.
    const zipped = await req('/api/builtins/east-asia-coalition-2025', {
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toMatch(/accept-encoding/i);
    const bytes = Buffer.from(await zipped.arrayBuffer());
    expect(bytes.length).toBeLessThan(text.length / 3);
    expect(gunzipSync(bytes).toString('utf8')).toBe(text);
    expect(first.headers.get('content-encoding')).toBeNull();
  });

  it('answers unknown routes, malformed JSON and bad fields with JSON errors', async () => {
    const r404 = await req('/api/nope');
    expect(r404.status).toBe(404);
    expect((await body<ErrorJson>(r404)).error.type).toBe('not-found');
    const bad = await req('/api/validate', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text": ',
    });
    expect(bad.status).toBe(400);
    expect((await body<ErrorJson>(bad)).error.type).toBe('bad-request');
    const kind = await req('/api/runs', json({ kind: 'bogus', builtin: 'x' }));
    expect(kind.status).toBe(400);
    expect((await body<ErrorJson>(kind)).error.problems?.[0]?.path).toBe('body.kind');
    const none = await req('/api/forecast', json({}));
    expect(none.status).toBe(400);
    expect((await body<ErrorJson>(none)).error.message).toMatch(
      /give one of text, scenario, scenarioId or builtin/,
    );
  });

  it('limits the request size (413, JSON)', async () => {
    const small = createServer({ store, maxBodyBytes: 1000 });
    const r = await small.app.request('/api/validate', json({ text: 'x'.repeat(5000) }));
    expect(r.status).toBe(413);
    expect((await body<ErrorJson>(r)).error.type).toBe('too-large');
    await small.close();
  });

  it('requires the bearer token when one is set (health stays open)', async () => {
    const locked = createServer({ store, token: 's3cret' });
    expect((await locked.app.request('/api/health')).status).toBe(200);
    const none = await locked.app.request('/api/scenarios');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/Bearer/);
    expect((await body<ErrorJson>(none)).error.message).toMatch(/needs a bearer token/);
    expect(
      (await locked.app.request('/api/scenarios', { headers: { authorization: 'Bearer nope' } }))
        .status,
    ).toBe(401);
    expect(
      (await locked.app.request('/api/scenarios', { headers: { authorization: 'Bearer s3cret' } }))
        .status,
    ).toBe(200);
    await locked.close();
  });
});

describe('API: validate', () => {
  it('reports every problem with file:line:column, as `entente validate` does', async () => {
    const text = readFileSync(join(ROOT, BROKEN), 'utf8');
    const r = await body<{
      ok: boolean;
      problems: { file: string; line: number; column: number; path: string; message: string }[];
    }>(await req('/api/validate', json({ text, file: BROKEN })));
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatchObject({
      file: BROKEN,
      line: 8,
      column: 91,
      path: 'actors[0].stances.x.salience',
    });
    expect(r.problems[0]!.message).toMatch(/salience 120 is out of range/);
  });

  it('gives the same error message as the CLI when a broken scenario is stored', async () => {
    const cli = await entente('validate', BROKEN);
    const text = readFileSync(join(ROOT, BROKEN), 'utf8');
    const r = await req('/api/scenarios', json({ text, file: BROKEN }));
    expect(r.status).toBe(422);
    const err = await body<ErrorJson>(r);
    expect(err.error.type).toBe('input');
    expect(`${err.error.message}\n`).toBe(cli.err);
  });

  it('validates an object by path (no lines), and a good scenario with its evidence coverage', async () => {
    const bad = await body<{ ok: boolean; problems: { path: string; line?: number }[] }>(
      await req(
        '/api/validate',
        json({
          scenario: {
            id: 'x',
            title: 'T',
            question: 'Q',
            asOf: '2020',
            issues: [],
            actors: [],
            extra: 1,
          },
        }),
      ),
    );
    expect(bad.ok).toBe(false);
    expect(bad.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['extra', 'issues']));
    expect(bad.problems.every((p) => p.line === undefined)).toBe(true);
    const good = await body<{
      ok: boolean;
      numbers: number;
      withEvidence: number;
      unverified: number;
      hash: string;
    }>(await req('/api/validate', json({ text: GOOD })));
    expect(good).toMatchObject({ ok: true, numbers: 14, withEvidence: 2, unverified: 1 });
    expect(good.hash).toBe(contentHash(parseScenarioText(GOOD)));
  });
});

describe('API: scenarios and versions', () => {
  it('stores a scenario, saves new versions with author and message, and keeps old ones intact', async () => {
    const created = await req(
      '/api/scenarios',
      json({ text: GOOD, author: 'ana', message: 'first' }),
    );
    expect(created.status).toBe(201);
    expect(await body(created)).toMatchObject({
      scenarioId: 'fixture-good',
      version: 1,
      author: 'ana',
      message: 'first',
      format: 'yaml',
      source: GOOD,
    });
    expect((await req('/api/scenarios', json({ text: GOOD }))).status).toBe(409);

    const edited = GOOD.replace('title: A two-issue fixture', 'title: Edited');
    const v2 = await req('/api/scenarios/fixture-good', {
      ...json({ text: edited, baseVersion: 1 }),
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-entente-author': 'ben' },
    });
    expect(v2.status).toBe(201);
    expect(await body(v2)).toMatchObject({ version: 2, author: 'ben', title: 'Edited' });

    const stale = await req('/api/scenarios/fixture-good', {
      ...json({ text: edited, baseVersion: 1 }),
      method: 'PUT',
    });
    expect(stale.status).toBe(409);
    expect((await body<ErrorJson>(stale)).error.message).toMatch(/is at version 2, not 1/);

    const wrongId = await req('/api/scenarios/other', { ...json({ text: GOOD }), method: 'PUT' });
    expect(wrongId.status).toBe(422);
    expect((await body<ErrorJson>(wrongId)).error.problems?.[0]?.path).toBe('id');

    const list = await body<{ id: string; latestVersion: number; title: string }[]>(
      await req('/api/scenarios'),
    );
    expect(list).toEqual([
      expect.objectContaining({ id: 'fixture-good', latestVersion: 2, title: 'Edited' }),
    ]);
    const versions = await body<{ version: number }[]>(
      await req('/api/scenarios/fixture-good/versions'),
    );
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    const v1 = await body<{ source: string; scenario: { title: string } }>(
      await req('/api/scenarios/fixture-good/versions/1'),
    );
    expect(v1.source).toBe(GOOD);
    expect(v1.scenario.title).toBe('A two-issue fixture');
    expect(
      (await body<{ version: number }>(await req('/api/scenarios/fixture-good'))).version,
    ).toBe(2);

    expect((await req('/api/scenarios/fixture-good', { method: 'DELETE' })).status).toBe(204);
    const gone = await req('/api/scenarios/fixture-good');
    expect(gone.status).toBe(404);
    expect((await body<ErrorJson>(gone)).error.message).toBe('scenario "fixture-good" not found');
  });

  it('stores a scenario sent as a JSON object', async () => {
    const scenario = parseScenarioText(GOOD);
    const r = await req('/api/scenarios', json({ scenario }));
    expect(r.status).toBe(201);
    expect(await body(r)).toMatchObject({ format: 'json', hash: contentHash(scenario) });
  });
});

describe('API: forecasts and runs', () => {
  it('forecasts with the same numbers as the library, with the options and seed', async () => {
    const r = await req(
      '/api/forecast',
      json({
        text: GOOD,
        models: [{ id: 'mean' }, { id: 'nash', options: { exponent: 1.5 } }],
        seed: 7,
      }),
    );
    expect(r.status).toBe(200);
    const result = await body<{
      seed: number;
      models: { id: string; options: Record<string, unknown> }[];
      issues: { forecasts: Record<string, number> }[];
    }>(r);
    const expected = runForecast(
      parseScenarioText(GOOD),
      [
        { model: getModel('mean'), options: {} },
        { model: getModel('nash'), options: { ...getModel('nash').defaults, exponent: 1.5 } },
      ],
      { seed: 7 },
    );
    expect(result.seed).toBe(7);
    expect(result.models[1]!.options).toMatchObject({ exponent: 1.5 });
    expect(result.issues.map((i) => i.forecasts)).toEqual(expected.issues.map((i) => i.forecasts));
  });

  it('reports bad model options at their request path, with the CLI option message', async () => {
    const r = await req(
      '/api/forecast',
      json({ text: GOOD, models: [{ id: 'mean' }, { id: 'nash', options: { exponent: 'x' } }] }),
    );
    expect(r.status).toBe(422);
    const err = await body<ErrorJson>(r);
    expect(err.error.problems?.[0]).toEqual({
      path: 'models[1].options.exponent',
      message: 'nash: "x" is not valid: expected a number',
    });
    const unknown = await body<ErrorJson>(
      await req('/api/forecast', json({ text: GOOD, models: [{ id: 'zzz' }] })),
    );
    expect(unknown.error.problems?.[0]?.path).toBe('models[0].id');
    expect(unknown.error.message).toMatch(/unknown model "zzz"/);
  });

  it('runs a forecast as a stored run linked to the scenario version, inputs hash, options and seed', async () => {
    await req('/api/scenarios', json({ text: GOOD }));
    const r = await req(
      '/api/runs',
      json({ kind: 'forecast', scenarioId: 'fixture-good', models: [{ id: 'median' }], seed: 3 }),
    );
    expect(r.status).toBe(201);
    const run = await body<{
      id: string;
      status: string;
      scenarioId: string;
      version: number;
      inputsHash: string;
      seed: number;
      options: unknown;
      result: { kind: string };
    }>(r);
    expect(run).toMatchObject({
      status: 'done',
      scenarioId: 'fixture-good',
      version: 1,
      seed: 3,
      inputsHash: contentHash(parseScenarioText(GOOD)),
    });
    expect(run.options).toEqual({ models: [{ id: 'median', options: {} }] });
    expect(run.result.kind).toBe('forecast');
    const again = await body<{ result: unknown }>(await req(`/api/runs/${run.id}`));
    expect(again.result).toEqual(run.result);
    const list = await body<{ id: string; result?: unknown }[]>(
      await req('/api/scenarios/fixture-good/runs'),
    );
    expect(list.map((x) => x.id)).toEqual([run.id]);
    expect(list[0]!.result).toBeUndefined();
  });

  it('runs a Monte Carlo as a job with progress, and its result', async () => {
    const r = await req(
      '/api/runs',
      json({
        kind: 'simulate',
        builtin: 'east-asia-coalition-2025',
        models: [{ id: 'mean' }],
        runs: 400,
        seed: 5,
      }),
    );
    expect(r.status).toBe(202);
    const { id } = await body<{ id: string }>(r);
    await server.jobs.idle();
    const done = await body<{
      status: string;
      progress: number;
      result: { kind: string; runs: number };
    }>(await req(`/api/runs/${id}`));
    expect(done).toMatchObject({
      status: 'done',
      progress: 1,
      result: { kind: 'monte-carlo', runs: 400 },
    });
  });

  it('runs the commitment model as a job, and refuses a scenario without a commitment block', async () => {
    const text = readFileSync(join(ROOT, 'test/fixtures/commitment.yaml'), 'utf8');
    const r = await req(
      '/api/runs',
      json({ kind: 'commitment', text, runs: 500, seed: 4, ifJoins: 'B' }),
    );
    expect(r.status).toBe(202);
    const { id } = await body<{ id: string }>(r);
    await server.jobs.idle();
    const done = await body<{
      status: string;
      result: {
        kind: string;
        seed: number;
        candidates: { id: string; level: string }[];
        monteCarlo: { draws: number; given: { candidate: string } };
      };
    }>(await req(`/api/runs/${id}`));
    expect(done.status).toBe('done');
    expect(done.result.kind).toBe('commitment');
    expect(done.result.seed).toBe(4);
    expect(done.result.candidates.map((c) => c.level)).toEqual(['fight', 'neutral', 'neutral']);
    expect(done.result.monteCarlo.draws).toBe(500);
    expect(done.result.monteCarlo.given.candidate).toBe('B');
    const none = await req('/api/runs', json({ kind: 'commitment', text: GOOD }));
    expect(none.status).toBe(422);
    expect(JSON.stringify(await body(none))).toMatch(/no coalition\.commitment block/);
    const badMeasure = await req('/api/runs', json({ kind: 'commitment', text, measure: 'navy' }));
    expect(badMeasure.status).toBe(422);
    expect(JSON.stringify(await body(badMeasure))).toMatch(/unknown capability measure .{1,2}navy/);
  });

  it('cancels a running job; a cancelled run stays cancelled', async () => {
    const r = await req(
      '/api/runs',
      json({
        kind: 'simulate',
        builtin: 'east-asia-coalition-2025',
        models: [{ id: 'mean' }],
        runs: 1_000_000,
      }),
    );
    const { id } = await body<{ id: string }>(r);
    await new Promise((res) => setTimeout(res, 50));
    const cancelled = await body<{ status: string }>(
      await req(`/api/runs/${id}/cancel`, { method: 'POST' }),
    );
    expect(cancelled.status).toBe('cancelled');
    await server.jobs.idle();
    expect(
      (await body<{ status: string; result: unknown }>(await req(`/api/runs/${id}`))).status,
    ).toBe('cancelled');
    expect((await req('/api/runs/nope/cancel', { method: 'POST' })).status).toBe(404);
  });

  it('runs a tornado, and checks a levers target before starting', async () => {
    const r = await req(
      '/api/runs',
      json({ kind: 'sensitivity', text: GOOD, models: [{ id: 'mean' }] }),
    );
    expect(r.status).toBe(202);
    const { id } = await body<{ id: string }>(r);
    await server.jobs.idle();
    expect(await body(await req(`/api/runs/${id}`))).toMatchObject({
      status: 'done',
      result: { kind: 'sensitivity', method: 'tornado' },
    });
    const bad = await req('/api/runs', json({ kind: 'levers', text: GOOD, target: 'budget=>60' }));
    expect(bad.status).toBe(422);
    expect((await body<ErrorJson>(bad)).error.problems?.[0]?.path).toBe('target');
    const lev = await req(
      '/api/runs',
      json({
        kind: 'levers',
        text: GOOD,
        target: 'budget>=60',
        models: [{ id: 'mean' }],
        pairs: 0,
      }),
    );
    expect(lev.status).toBe(202);
    await server.jobs.idle();
    const levers = await body<{ status: string; result: { kind: string } }>(
      await req(`/api/runs/${(await body<{ id: string }>(lev)).id}`),
    );
    expect(levers).toMatchObject({ status: 'done', result: { kind: 'levers' } });
  });
});

describe('API: reports', () => {
  it('writes a self-contained HTML report with every piece of user text escaped', async () => {
    const r = await req('/api/report', json({ text: HOSTILE, format: 'html' }));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
    expect(r.headers.get('content-disposition')).toBe('attachment; filename="fixture-good.html"');
    const html = await r.text();
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('</td><b>x');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;');
    expect(html).not.toMatch(/<(link|script|iframe)\b|src="http/);
    expect(html).toContain('<svg');
    expect(html).toContain('North wants a large budget.');
  });

  it('writes Markdown, reports of stored runs, and a clear 503 when Chromium is missing for PDF', async () => {
    const md = await (await req('/api/report', json({ text: HOSTILE, format: 'md' }))).text();
    expect(md).toContain('\\<script\\>');
    expect(md).not.toContain('<script>');
    await req('/api/scenarios', json({ text: GOOD }));
    const run = await body<{ id: string }>(
      await req('/api/runs', json({ kind: 'forecast', scenarioId: 'fixture-good' })),
    );
    const fromRun = await req(`/api/runs/${run.id}/report?format=html`);
    expect(fromRun.status).toBe(200);
    expect(await fromRun.text()).toContain('A two-issue fixture');
    const noPdf = createServer({
      store,
      printPdf: () => Promise.reject(new ChromiumMissingError('/nowhere/chromium')),
    });
    const pdf = await noPdf.app.request('/api/report', json({ text: GOOD, format: 'pdf' }));
    expect(pdf.status).toBe(503);
    expect((await body<ErrorJson>(pdf)).error.message).toMatch(
      /PDF needs Chromium at \/nowhere\/chromium.*apt-get install -y chromium/,
    );
    await noPdf.close();
  });
});

describe('API: static web UI', () => {
  it('serves the built UI, falls back to index.html for app routes, never outside its folder', async () => {
    const web = join(tmp, 'web');
    mkdirSync(join(web, 'assets'), { recursive: true });
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>ui</title>');
    writeFileSync(join(web, 'assets', 'a.js'), 'console.log(1)');
    writeFileSync(join(tmp, 'secret.txt'), 'TOP-SECRET-CONTENT');
    const s = createServer({ store, webDir: web });
    expect(await (await s.app.request('/')).text()).toContain('<title>ui</title>');
    const js = await s.app.request('/assets/a.js');
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(await (await s.app.request('/scenario/x')).text()).toContain('<title>ui</title>');
    expect(await (await s.app.request('/..%2fsecret.txt')).text()).not.toContain('TOP-SECRET');
    expect(await (await s.app.request('/../secret.txt')).text()).not.toContain('TOP-SECRET');
    expect((await s.app.request('/api/none')).headers.get('content-type')).toMatch(/json/);
    await s.close();
  });
});

describe('over a real socket', () => {
  it('`entente serve` listens, answers 16 concurrent clients, and stops on SIGTERM', async () => {
    const db = join(tmp, 'serve.db');
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--no-web', '--db', db], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no URL from entente serve: ${out}`)),
        30_000,
      );
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /on (http:\/\/\S+)/.exec(out);
        if (m && out.includes('Ctrl-C')) {
          clearTimeout(timer);
          resolve(m[1]!.replace(/ .*/, ''));
        }
      });
      child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
    });
    try {
      expect(out).toContain(`store: sqlite ${db}`);
      const health = await (await fetch(`${url}/api/health`)).json();
      expect(health).toMatchObject({ ok: true, store: 'sqlite' });
      const results = await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          fetch(`${url}/api/${i % 2 ? 'validate' : 'forecast'}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ text: GOOD, ...(i % 2 ? {} : { models: [{ id: 'mean' }] }) }),
          }).then((r) => r.status),
        ),
      );
      expect(results).toEqual(Array(16).fill(200));
      const saved = await fetch(`${url}/api/scenarios`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: GOOD }),
      });
      expect(saved.status).toBe(201);
    } finally {
      const exited = new Promise((res) => child.on('exit', res));
      child.kill('SIGTERM');
      await exited;
    }
    // The save survived the shutdown.
    const reopened = await openSqliteStore(db);
    expect((await reopened.getVersion('fixture-good'))?.version).toBe(1);
    await reopened.close();
  });
  it('says so, exit 1, when the port is taken (not a silent exit)', async () => {
    const taken = createNetServer();
    await new Promise<void>((res) => taken.listen(0, '127.0.0.1', res));
    const port = String((taken.address() as AddressInfo).port);
    try {
      const r = await new Promise<{ code: number | null; err: string }>((resolve) => {
        const child = spawn(
          process.execPath,
          [BIN, 'serve', '--port', port, '--no-web', '--db', join(tmp, 'taken.db')],
          {
            cwd: ROOT,
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        let err = '';
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        child.on('exit', (code) => resolve({ code, err }));
      });
      expect(r.code).toBe(1);
      expect(r.err).toContain(`port ${port} is in use; choose another with --port`);
      expect(r.err).not.toMatch(/\n\s+at .+:\d+:\d+/);
    } finally {
      await new Promise((res) => taken.close(res));
    }
  });
});

describe('entente report', () => {
  it('writes Markdown with hostile names escaped, and HTML to a file', async () => {
    const file = join(tmp, 'hostile.yaml');
    writeFileSync(file, HOSTILE);
    const md = await entente('report', file, '--format', 'md', '--model', 'mean,median');
    expect(md.code).toBe(0);
    expect(md.out).toContain('# \\<script\\>alert("pwned")\\</script\\>');
    const out = join(tmp, 'r.html');
    const html = await entente('report', file, '--out', out, '--model', 'mean');
    expect(html.code).toBe(0);
    expect(readFileSync(out, 'utf8')).not.toContain('<script>');
  });

  it('explains how to get Chromium when PDF is asked for without it (exit 1, no stack)', async () => {
    const r = await ententeWith(
      { env: { ENTENTE_CHROMIUM: '/nonexistent/chromium' } },
      'report',
      'test/fixtures/good.yaml',
      '--format',
      'pdf',
      '--out',
      join(tmp, 'x.pdf'),
    );
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/PDF needs Chromium at \/nonexistent\/chromium, which is not installed/);
    expect(r.err).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });
});
