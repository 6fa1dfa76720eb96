/**
 * The hardening fixes of issue 17 (docs/hardening.md), each with the issue's own reproduction:
 * YAML alias bombs and undefined aliases, UTF-16 files, impossible dates, bad KTAB XML character
 * references and DOCTYPE subsets, malformed percent-encoding in a static path, browser-facing
 * headers and the Host check, magnitudes that overflow, and a backtest with nothing to score.
 * The CLI through `main` in process (Ctrl-C and `serve` through the real binary); the server through `createServer` (and `entente serve`).
 */
import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runForecast } from '../src/analysis/forecast.ts';
import { allowedHostsFor } from '../src/cli/commands/serve.ts';
import { renderForecast } from '../src/cli/render/forecast.ts';
import { parseScenarioText } from '../src/formats/scenario-file.ts';
import type { AnyModel } from '../src/models/model.ts';
import { createServer, type Server } from '../src/server/app.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import type { Store } from '../src/store/store.ts';
import { BIN, ROOT, entente, expectNoStack, fixture } from './support/cli.ts';

const GOOD = readFileSync(join(ROOT, fixture('good.yaml')), 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'entente-hardening-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const file = (name: string, content: string | Uint8Array) => {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
};

/** The issue's "billion laughs": nine levels of nine aliases, 9^9 values from nine lines. */
const BOMB = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  .concat(
    'bcdefghi'.split('').map((k, i) => {
      const prev = 'abcdefgh'[i]!;
      return `${k}: &${k} [${Array(9).fill(`*${prev}`).join(',')}]`;
    }),
  )
  .join('\n');
const UNDEFINED_ALIAS = 'id: x\ntitle: *nope\n';

type ErrorJson = {
  error: { type: string; message: string; problems?: { line?: number; message: string }[] };
};

describe('scenario files: aliases and encodings (CLI exit 1 with file:line:col, API 422)', () => {
  it('a billion-laughs document is refused at its alias, exit 1, no stack', async () => {
    const r = await entente('validate', file('bomb.yaml', BOMB));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /bomb\.yaml:\d+:\d+: aliases expand to more than 100,000 values \(a "billion laughs" document\?\)/,
    );
    expectNoStack(r.err);
  });
  it('an undefined alias *nope is refused where it stands, exit 1', async () => {
    const r = await entente('validate', file('undefined-alias.yaml', UNDEFINED_ALIAS));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /undefined-alias\.yaml:2:8: not valid YAML: alias \*nope has no anchor &nope before it/,
    );
    expectNoStack(r.err);
  });
  it('a UTF-16 file with a byte-order mark is read (LE and BE)', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    for (const [name, bytes] of [
      ['le.yaml', le],
      ['be.yaml', be],
    ] as const) {
      const r = await entente('validate', file(name, bytes));
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toContain(': ok');
    }
  });
  it('UTF-16 without a byte-order mark says "UTF-16: save it as UTF-8", not "expected a mapping"', async () => {
    const r = await entente('validate', file('nobom.yaml', Buffer.from(GOOD, 'utf16le')));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/nobom\.yaml: .*is it UTF-16\? Save it as UTF-8/);
    expect(r.err).not.toMatch(/expected a scenario/);
  });
  describe('the API', () => {
    let store: Store;
    let server: Server;
    beforeEach(async () => {
      store = await openSqliteStore(':memory:');
      server = createServer({ store });
    });
    afterEach(async () => {
      await server.close();
      await store.close();
    });
    const post = (path: string, body: unknown) =>
      server.app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    it('answers a bomb and an undefined alias with 422 and the line, never 500', async () => {
      for (const [text, line, message] of [
        [BOMB, undefined, /aliases expand to more than 100,000 values/],
        [UNDEFINED_ALIAS, 2, /alias \*nope has no anchor/],
      ] as const) {
        for (const path of ['/api/forecast', '/api/scenarios']) {
          const r = await post(path, { text, file: 'x.yaml' });
          expect(r.status).toBe(422);
          const e = ((await r.json()) as ErrorJson).error;
          expect(e.type).toBe('input');
          expect(e.message).toMatch(message);
          expect(e.problems?.[0]?.line).toEqual(line ?? expect.any(Number));
        }
        const v = await post('/api/validate', { text });
        expect(v.status).toBe(200);
        expect(await v.json()).toMatchObject({ ok: false, problems: [{ message }] });
      }
    });
  });
});

describe('dates are validated as dates', () => {
  it('asOf: 2025-13-45 is refused naming the field, exit 1', async () => {
    const r = await entente(
      'validate',
      file('month13.yaml', GOOD.replace('asOf: 2025-06-30', 'asOf: 2025-13-45')),
    );
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/month13\.yaml:5:7 asOf: "2025-13-45" is not a date: month 13/);
  });
  it('February 29 only in leap years; a source date too', async () => {
    const bad = await entente(
      'validate',
      file(
        'feb29.yaml',
        GOOD.replace('asOf: 2025-06-30', 'asOf: 2025-02-29').replace(
          'date: 2025-06-01',
          'date: 2025-04-31',
        ),
      ),
    );
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/asOf: "2025-02-29" is not a date: day 29 is not 01–28 in 2025-02/);
    expect(bad.err).toMatch(/sources\[0\]\.date: "2025-04-31" is not a date: day 31/);
    const leap = await entente(
      'validate',
      file('leap.yaml', GOOD.replace('asOf: 2025-06-30', 'asOf: 2024-02-29')),
    );
    expect(leap.code).toBe(0);
  });
});

describe('KTAB XML: character references and DOCTYPE', () => {
  const ktab = (name: string, body: string) =>
    entente('import', 'ktab', file(name, `<?xml version="1.0"?>\n${body}`));
  it('&#x110000; is an input error at its line:col, not "Invalid code point"', async () => {
    const r = await ktab('cp.xml', '<Scenario>\n  <name>x &#x110000;</name>\n</Scenario>\n');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /cp\.xml:3:11: not well-formed XML: character reference &#x110000; is beyond U\+10FFFF/,
    );
    expect(r.err).not.toMatch(/Invalid code point|internal error/);
    expectNoStack(r.err);
  });
  it('other bad references (&#0;, a surrogate, trailing junk) are input errors too', async () => {
    for (const ref of ['&#0;', '&#xD800;', '&#12zz;', '&#x;']) {
      const r = await ktab('ref.xml', `<Scenario><name>${ref}</name></Scenario>`);
      expect(r.code, ref).toBe(1);
      expect(r.err, ref).toMatch(/ref\.xml:2:\d+: not well-formed XML: (bad )?character reference/);
    }
  });
  it('a DOCTYPE internal subset is "not supported", not "text outside the root element"', async () => {
    const r = await ktab(
      'doctype.xml',
      '<!DOCTYPE Scenario [\n  <!ENTITY boom "boom">\n]>\n<Scenario><name>&boom;</name></Scenario>',
    );
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /doctype\.xml:2:1: not well-formed XML: a DOCTYPE with an internal subset/,
    );
    expect(r.err).not.toMatch(/outside the root/);
  });
});

describe('the server: paths, headers, Host', () => {
  let store: Store;
  let server: Server;
  const webDir = join(tmp, 'web');
  mkdirSync(join(webDir, 'assets'), { recursive: true });
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Entente workbench</title>');
  writeFileSync(join(webDir, 'assets', 'app.js'), 'export {};');
  beforeEach(async () => {
    store = await openSqliteStore(':memory:');
    server = createServer({ store, webDir });
  });
  afterEach(async () => {
    await server.close();
    await store.close();
  });
  const req = (path: string, init?: RequestInit) => server.app.request(path, init);

  it('malformed percent-encoding in a static path is 400 with a message, not 500 "URI malformed"', async () => {
    for (const path of ['/%', '/%E0%A4%A']) {
      const r = await req(path);
      expect(r.status, path).toBe(400);
      const e = ((await r.json()) as ErrorJson).error;
      expect(e.type).toBe('bad-request');
      expect(e.message).toContain('is not valid percent-encoding');
      expect(e.message).not.toMatch(/URI malformed|internal/);
    }
  });

  it('sends nosniff, frame denial and no referrer on every response, errors included', async () => {
    const responses = [
      await req('/api/health'),
      await req('/api/scenarios/nope'),
      await req('/api/validate', {
        method: 'POST',
        body: '{',
        headers: { 'content-type': 'application/json' },
      }),
      await req('/'),
      await req('/assets/app.js'),
      await req('/docs'),
      await req('/openapi.json'),
      await req('/%'),
      await req('http://evil.example/api/health'),
    ];
    for (const r of responses) {
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('x-frame-options')).toBe('DENY');
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
      expect(r.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    }
  });

  it('the UI gets a CSP of its own origin only; /docs its inline code by hash; the API nothing', async () => {
    const ui = (await req('/')).headers.get('content-security-policy')!;
    expect(ui).toContain("script-src 'self';");
    // Inline <style> elements only (Observable Plot, Cytoscape); scripts strictly from 'self'.
    expect(ui).toContain("style-src 'self' 'unsafe-inline';");
    expect(ui).toContain("worker-src 'self'");
    expect(ui).toContain("connect-src 'self'");
    expect(ui).toContain("img-src 'self' data:");
    expect(ui).not.toMatch(/unsafe-eval|blob:|\*/);
    expect(ui.split('; ').filter((d) => d.includes('unsafe'))).toEqual([
      "style-src 'self' 'unsafe-inline'",
    ]);
    const docs = (await req('/docs')).headers.get('content-security-policy')!;
    expect(docs).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+';/);
    expect(docs).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+';/);
    expect(docs).not.toMatch(/unsafe-inline/);
    expect((await req('/api/health')).headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
  });

  it('CORS stays off: no Access-Control-Allow-Origin, even for a cross-origin preflight', async () => {
    const origin = { origin: 'https://evil.example' };
    const get = await req('/api/scenarios', { headers: origin });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await req('/api/scenarios', {
      method: 'OPTIONS',
      headers: { ...origin, 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('Host: evil.example is 403 with a message (DNS rebinding); loopback names pass', async () => {
    for (const r of [
      await req('http://evil.example/api/health'),
      await req('/api/health', { headers: { host: 'evil.example' } }),
      await req('/', { headers: { host: 'evil.example:8377' } }),
    ]) {
      expect(r.status).toBe(403);
      const e = ((await r.json()) as ErrorJson).error;
      expect(e.type).toBe('forbidden');
      expect(e.message).toMatch(
        /Host "evil\.example(:8377)?" is not a name this server answers to/,
      );
      expect(e.message).toContain('--allowed-hosts');
    }
    for (const host of ['localhost', 'localhost:8377', '127.0.0.1:9', '[::1]:8377', 'LOCALHOST']) {
      const r = await req('/api/health', { headers: { host } });
      expect(r.status, host).toBe(200);
    }
  });

  it('allowedHosts lets a configured name in (and * any)', async () => {
    const named = createServer({ store, allowedHosts: ['entente.example.org', '.corp.example'] });
    const any = createServer({ store, allowedHosts: ['*'] });
    const status = async (s: Server, host: string) =>
      (await s.app.request('/api/health', { headers: { host } })).status;
    expect(await status(named, 'entente.example.org:443')).toBe(200);
    expect(await status(named, 'team.corp.example')).toBe(200);
    expect(await status(named, 'localhost')).toBe(403);
    expect(await status(named, 'evil.example')).toBe(403);
    expect(await status(any, 'evil.example')).toBe(200);
    await named.close();
    await any.close();
  });

  it('a wrong token of any length is 401 and the token never appears in a response', async () => {
    const locked = createServer({ store, token: 's3cret-token' });
    for (const given of ['x', 's3cret-toke', 's3cret-token-and-more', 's3cret-tokeN']) {
      const r = await locked.app.request('/api/scenarios', {
        headers: { authorization: `Bearer ${given}` },
      });
      expect(r.status).toBe(401);
      expect(await r.text()).not.toContain('s3cret');
    }
    const ok = await locked.app.request('/api/scenarios', {
      headers: { authorization: 'Bearer s3cret-token' },
    });
    expect(ok.status).toBe(200);
    await locked.close();
  });
});

describe('`entente serve` checks the Host header (--allowed-hosts, ENTENTE_ALLOWED_HOSTS)', () => {
  it('answers to loopback, the --host address and the names given', () => {
    expect(allowedHostsFor('127.0.0.1', undefined)).toEqual(['localhost', '127.0.0.1', '[::1]']);
    expect(allowedHostsFor('::1', 'A.test, .corp.test')).toEqual([
      'localhost',
      '127.0.0.1',
      '[::1]',
      'a.test',
      '.corp.test',
    ]);
    expect(allowedHostsFor('192.168.1.5', undefined)).toContain('192.168.1.5');
    // 0.0.0.0: every interface address (the loopback ones at least).
    expect(allowedHostsFor('0.0.0.0', undefined)).toEqual(expect.arrayContaining(['127.0.0.1']));
  });
  const get = (port: number, host: string) =>
    new Promise<number>((resolve, reject) => {
      const r = httpRequest(
        { host: '127.0.0.1', port, path: '/api/health', headers: { host } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      r.on('error', reject);
      r.end();
    });
  it('answers loopback and the allowed names, refuses others with 403; the token is never printed', async () => {
    const child = spawn(
      process.execPath,
      [
        BIN,
        'serve',
        '--port',
        '0',
        '--no-web',
        '--db',
        join(tmp, 'serve.db'),
        '--allowed-hosts',
        'entente.test',
      ],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          ENTENTE_TOKEN: 'very-secret-token-42',
          ENTENTE_ALLOWED_HOSTS: 'ignored.test',
        },
      },
    );
    let out = '';
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no URL from entente serve: ${out}`)),
        30_000,
      );
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /on http:\/\/[^:]+:(\d+)/.exec(out);
        if (m && out.includes('Ctrl-C')) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
      child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
    });
    try {
      expect(await get(port, `127.0.0.1:${port}`)).toBe(200);
      expect(await get(port, `localhost:${port}`)).toBe(200);
      expect(await get(port, `entente.test:${port}`)).toBe(200);
      expect(await get(port, `evil.example:${port}`)).toBe(403);
      // The flag wins over the environment variable.
      expect(await get(port, `ignored.test:${port}`)).toBe(403);
    } finally {
      const exited = new Promise((res) => child.on('exit', res));
      child.kill('SIGTERM');
      await exited;
    }
    expect(out).not.toContain('very-secret-token-42');
  }, 60_000);
});

describe('magnitudes: nothing overflows into a silent verdict', () => {
  it('capability: 1e308 is refused naming the field and the limit, exit 1', async () => {
    const r = await entente(
      'forecast',
      file('huge.yaml', GOOD.replace('capability: 2\n', 'capability: 1e308\n')),
    );
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /huge\.yaml:\d+:\d+ actors\[1\]\.capability: capability 1e\+308 is out of range: expected <= 1e12, Entente's limit/,
    );
    expect(r.out).toBe('');
  });
  it('a scale end beyond ±1e12 is refused', async () => {
    const r = await entente(
      'validate',
      file(
        'scale.yaml',
        GOOD.replace(
          'scale: { min: 0, max: 10, unit: years }',
          'scale: { min: -1e300, max: 1e300 }',
        ),
      ),
    );
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/issues\[1\]\.scale\.min: scale min -1e\+300 is too large/);
    expect(r.err).toMatch(/issues\[1\]\.scale\.max: scale max 1e\+300 is too large/);
  });
  it('a forecast that is not a number gets no verdict and a warning, in the result and the text', () => {
    const scenario = parseScenarioText(GOOD, 'good.yaml');
    const nan = {
      id: 'nan',
      name: 'A model that overflows',
      summary: '',
      citation: '',
      multiIssue: true,
      defaults: {},
      options: {},
      run: (input: { n: number; d: number }) => ({
        forecast: new Float64Array(input.d).fill(NaN),
        finalPositions: new Float64Array(input.n * input.d),
        rounds: 0,
        converged: true,
        warnings: [],
      }),
    } as unknown as AnyModel;
    const result = runForecast(scenario, [{ model: nan, options: {} }], { seed: 1 });
    const budget = result.issues.find((i) => i.id === 'budget')!;
    expect(budget.threshold).not.toBeNull();
    expect(budget.verdicts).toEqual({});
    expect(budget.nearestAnchor.nan).toBeNull();
    expect(result.models[0]!.warnings).toEqual([
      expect.stringMatching(
        /forecast on issue "budget" is NaN, not a finite number.*no verdict on the threshold 60/,
      ),
      expect.stringMatching(/forecast on issue "deadline" is NaN/),
    ]);
    const text = renderForecast(result);
    expect(text).toContain('none (not a number; see Warnings)');
    expect(text).toMatch(/Warnings:\n {2}- nan: the forecast on issue "budget" is NaN/);
    expect(text).not.toMatch(/\bno \(/);
  });
});

describe('a backtest with nothing scoreable', () => {
  it('exits 1 saying why, instead of a table of dashes', async () => {
    const lines = readFileSync(join(ROOT, fixture('deu/small.csv')), 'utf8')
      .trimEnd()
      .split('\n');
    // Every issue keeps its ≥ 3 actors but loses its outcome (the last column).
    const noOutcome = [lines[0]!, ...lines.slice(1).map((l) => l.replace(/,[^,]*$/, ','))].join(
      '\n',
    );
    const r = await entente('backtest', file('no-outcome.csv', `${noOutcome}\n`));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /no-outcome\.csv: nothing to score: none of its \d+ issue\(s\) has an outcome and at least 3 actors with position and salience \(\d+ without an outcome\)/,
    );
    expect(r.out).toBe('');
    expectNoStack(r.err);
  });
});
