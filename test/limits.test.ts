/**
 * The limits of issue 17 (docs/hardening.md, "Limits"), end to end: each refused at the edge
 * with a message naming the limit and the variable that raises it — the CLI through `main` in
 * process with the variables set for the run, the server through `createServer`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, currentLimits, setLimits } from '../src/core/limits.ts';
import { createServer, type Server } from '../src/server/app.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import type { Store } from '../src/store/store.ts';
import { ROOT, ententeWith, expectNoStack, fixture } from './support/cli.ts';

const GOOD = readFileSync(join(ROOT, fixture('good.yaml')), 'utf8');
const GOOD_FILE = fixture('good.yaml');
const tmp = mkdtempSync(join(tmpdir(), 'entente-limits-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('CLI: each limit refused with its name and how to raise it (exit 1)', () => {
  it('more actors than ENTENTE_MAX_ACTORS: refused at the actors list, before validation', async () => {
    // A fourth actor with a broken stance: the count is reported, not the stance.
    const file = join(tmp, 'four.yaml');
    writeFileSync(
      file,
      GOOD.replace(
        '\nevidence:',
        '\n  - id: west\n    name: West\n    kind: state\n    capability: oops\n    stances: {}\nevidence:',
      ),
    );
    const r = await ententeWith({ env: { ENTENTE_MAX_ACTORS: '3' } }, 'validate', file);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /four\.yaml:\d+:\d+ actors: 4 actors is more than the limit of 3 actors in a scenario \(raise it with ENTENTE_MAX_ACTORS=N; docs\/hardening\.md\)/,
    );
    expect(r.err).not.toMatch(/capability/);
    expectNoStack(r.err);
    // Raised, the same file gets its ordinary problems.
    const raised = await ententeWith({ env: { ENTENTE_MAX_ACTORS: '4' } }, 'validate', file);
    expect(raised.code).toBe(1);
    expect(raised.err).toMatch(/capability/);
  });

  it('more issues than ENTENTE_MAX_ISSUES', async () => {
    const r = await ententeWith({ env: { ENTENTE_MAX_ISSUES: '1' } }, 'validate', GOOD_FILE);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /issues: 2 issues is more than the limit of 1 issues in a scenario .*ENTENTE_MAX_ISSUES=N/,
    );
  });

  it('a file over ENTENTE_MAX_BYTES is not read', async () => {
    const r = await ententeWith({ env: { ENTENTE_MAX_BYTES: '100' } }, 'validate', GOOD_FILE);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /good\.yaml: [\d,]+ bytes is more than the limit of 100 bytes in an input file \(raise it with ENTENTE_MAX_BYTES=N; docs\/hardening\.md\): not read/,
    );
  });

  it('--runs and --draws over ENTENTE_MAX_RUNS', async () => {
    const env = { ENTENTE_MAX_RUNS: '1,000' };
    const runs = await ententeWith({ env }, 'simulate', GOOD_FILE, '--runs', '1001');
    expect(runs.code).toBe(1);
    expect(runs.err).toMatch(
      /--runs: 1,001 runs is more than the limit of 1,000 runs in one job \(raise it with ENTENTE_MAX_RUNS=N/,
    );
    const draws = await ententeWith({ env }, 'compare', GOOD_FILE, '--draws', '5000');
    expect(draws.code).toBe(1);
    expect(draws.err).toMatch(
      /--draws: 5,000 runs is more than the limit of 1,000 runs in one job/,
    );
  });

  it('a limit that is not a whole number is itself an input error naming the variable', async () => {
    const r = await ententeWith({ env: { ENTENTE_MAX_RUNS: 'lots' } }, 'validate', GOOD_FILE);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /ENTENTE_MAX_RUNS: "lots" is not a limit: expected a whole number ≥ 1 \(default 1,000,000\)/,
    );
  });

  it('the SMP named on more actors than ENTENTE_MAX_SMP_ACTORS refuses; left out of the default models with a note', async () => {
    const env = { ENTENTE_MAX_SMP_ACTORS: '2' };
    const named = await ententeWith({ env }, 'forecast', GOOD_FILE, '--model', 'smp');
    expect(named.code).toBe(1);
    expect(named.err).toMatch(
      /smp: 3 actors is more than the limit of 2 actors in an SMP run \(raise it with ENTENTE_MAX_SMP_ACTORS=N; docs\/hardening\.md\)/,
    );
    const defaults = await ententeWith({ env }, 'forecast', GOOD_FILE, '--json');
    expect(defaults.code).toBe(0);
    expect(defaults.err).toMatch(/note: the SMP is left out: 3 actors is more than its limit of 2/);
    const ids = (JSON.parse(defaults.out) as { models: { id: string }[] }).models.map((m) => m.id);
    expect(ids).toEqual(['mean', 'median', 'nash', 'eum', 'ensemble']);
    // Within the limit the SMP runs as ever.
    const within = await ententeWith({}, 'forecast', GOOD_FILE, '--model', 'smp', '--json');
    expect(within.code).toBe(0);
  });

  it('an invocation leaves the limits as it found them', async () => {
    await ententeWith({ env: { ENTENTE_MAX_ACTORS: '1' } }, 'validate', GOOD_FILE);
    expect(currentLimits()).toEqual(DEFAULT_LIMITS);
  });
});

describe('API: limits in force refused 422, bodies 413, each naming its variable', () => {
  let store: Store;
  let server: Server;
  let before = DEFAULT_LIMITS;
  beforeEach(async () => {
    store = await openSqliteStore(':memory:');
    server = createServer({ store, maxBodyBytes: 50_000 });
  });
  afterEach(async () => {
    setLimits(before);
    await server.close();
    await store.close();
  });

  const post = async (path: string, body: unknown) => {
    const res = await server.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return {
      status: res.status,
      json: (await res.json()) as {
        error: { type: string; message: string; problems?: { message: string }[] };
      },
    };
  };

  it('a scenario with more actors than the limit: 422 naming ENTENTE_MAX_ACTORS', async () => {
    before = setLimits({ ...DEFAULT_LIMITS, actors: 2 });
    const r = await post('/api/forecast', { text: GOOD, models: [{ id: 'mean' }] });
    expect(r.status).toBe(422);
    expect(JSON.stringify(r.json)).toMatch(
      /3 actors is more than the limit of 2 actors in a scenario \(raise it with ENTENTE_MAX_ACTORS=N/,
    );
  });

  it('a job asking for more runs than the limit: 422 at runs', async () => {
    before = setLimits({ ...DEFAULT_LIMITS, runs: 100 });
    const r = await post('/api/runs', {
      text: GOOD,
      kind: 'simulate',
      runs: 101,
      models: [{ id: 'mean' }],
    });
    expect(r.status).toBe(422);
    expect(JSON.stringify(r.json)).toMatch(
      /101 runs is more than the limit of 100 runs in one job \(raise it with ENTENTE_MAX_RUNS=N/,
    );
  });

  it('the SMP on more actors than its limit: 422, not a stalled server', async () => {
    before = setLimits({ ...DEFAULT_LIMITS, smpActors: 2 });
    const r = await post('/api/forecast', { text: GOOD, models: [{ id: 'smp' }] });
    expect(r.status).toBe(422);
    expect(JSON.stringify(r.json)).toMatch(/ENTENTE_MAX_SMP_ACTORS=N/);
    expect(JSON.stringify(r.json)).toContain('models[0].id');
  });

  it('the SMP among the default models on more actors than its limit: refused before any model runs, naming the default', async () => {
    before = setLimits({ ...DEFAULT_LIMITS, smpActors: 2 });
    for (const path of ['/api/forecast', '/api/runs']) {
      const body =
        path === '/api/runs' ? { kind: 'simulate', text: GOOD, runs: 10 } : { text: GOOD };
      const r = await post(path, body);
      expect(r.status).toBe(422);
      const text = JSON.stringify(r.json);
      expect(text).toMatch(/smp: 3 actors is more than the limit of 2 actors in an SMP run/);
      expect(text).toMatch(/one of the default models: name the models to run/);
    }
  });

  it('a body over the limit: 413 naming ENTENTE_MAX_BODY_BYTES', async () => {
    const r = await post('/api/validate', { text: 'x'.repeat(60_000) });
    expect(r.status).toBe(413);
    expect(r.json.error.message).toBe(
      'the request body is larger than the limit of 50,000 bytes in a request body (raise it with ENTENTE_MAX_BODY_BYTES=N; docs/hardening.md)',
    );
  });
});
