/**
 * The request size limit through the Node adapter (`@hono/node-server`, as `entente serve`
 * runs): declared and chunked bodies over the limit get the 413 and the connection closes;
 * bodies within it, declared or chunked, reach the route's JSON validation intact (multi-byte
 * characters split across chunks included); GETs pass without their body being read.
 */
import { request } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from './app.ts';
import { openSqliteStore } from '../store/sqlite.ts';
import type { Store } from '../store/store.ts';

const LIMIT = 4_000;
const GOOD = readFileSync(join(import.meta.dirname, '../../test/fixtures/good.yaml'), 'utf8');

const messageOf = (r: { text: string }) =>
  (JSON.parse(r.text) as { error: { message: string } }).error.message;

interface Answer {
  status: number;
  text: string;
  connection: string | undefined;
}

/** One request on a connection of its own; `chunks` are written one by one (chunked encoding). */
function send(
  port: number,
  method: string,
  path: string,
  chunks: readonly (string | Buffer)[],
  declared: boolean,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = Buffer.concat(chunks.map((c) => Buffer.from(c)));
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent: false,
        headers: {
          'content-type': 'application/json',
          ...(declared ? { 'content-length': body.length } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text, connection: res.headers.connection }),
        );
      },
    );
    // The server may close the socket under a refused body once it has answered.
    req.on('error', (err) => (req.writableEnded ? undefined : reject(err)));
    if (!declared) req.setHeader('transfer-encoding', 'chunked');
    for (const c of chunks) req.write(Buffer.from(c));
    req.end();
  });
}

describe('request size limit through the Node adapter', () => {
  let tmp = '';
  let store: Store;
  let close: () => Promise<void>;
  let port = 0;
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'entente-body-limit-'));
    store = await openSqliteStore(join(tmp, 'e.db'));
    const server = createServer({ store, maxBodyBytes: LIMIT });
    const { serve } = await import('@hono/node-server');
    const http = await new Promise<{ close(cb: () => void): void }>((resolve) => {
      const h = serve({ fetch: server.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
        port = info.port;
        resolve(h);
      });
    });
    close = async () => {
      await new Promise<void>((r) => http.close(() => r()));
      await server.close();
      await store.close();
    };
  });
  afterAll(async () => {
    await close?.();
    rmSync(tmp, { recursive: true, force: true });
  });

  const tooBig = JSON.stringify({ text: 'x'.repeat(LIMIT + 10) });
  const message = `the request body is larger than the limit of ${LIMIT.toLocaleString('en-US')} bytes`;

  it('a declared body over the limit: 413, named, and the connection closes', async () => {
    const r = await send(port, 'POST', '/api/validate', [tooBig], true);
    expect(r.status).toBe(413);
    expect(messageOf(r)).toContain(message);
    expect(r.connection).toBe('close');
  });

  it('a chunked body over the limit: 413 once the count passes it', async () => {
    const chunks = [tooBig.slice(0, 1000), tooBig.slice(1000, 3000), tooBig.slice(3000)];
    const r = await send(port, 'POST', '/api/validate', chunks, false);
    expect(r.status).toBe(413);
    expect(messageOf(r)).toContain(message);
    expect(r.connection).toBe('close');
  });

  it('bodies within the limit reach the route whole, declared or chunked', async () => {
    // A scenario saved and read back from the store: the route got every byte. Its title's "É"
    // and "→" are cut across chunks (bytes, not characters).
    for (const [id, declared] of [
      ['body-declared', true],
      ['body-chunked', false],
    ] as const) {
      const text = GOOD.replace('id: fixture-good', `id: ${id}`).replace(
        'title: A two-issue fixture',
        'title: Évora → Kyiv',
      );
      const bytes = Buffer.from(JSON.stringify({ text }));
      const cut = bytes.indexOf(Buffer.from('→')) + 1;
      const chunks = declared ? [bytes] : [bytes.subarray(0, cut), bytes.subarray(cut)];
      const r = await send(port, 'POST', '/api/scenarios', chunks, declared);
      expect(r.status, r.text).toBe(201);
      expect((await store.getVersion(id, 1))?.source).toBe(text);
    }
  });

  it('malformed JSON within the limit is a 400, not a 500', async () => {
    for (const declared of [true, false]) {
      const r = await send(port, 'POST', '/api/validate', ['{"text": '], declared);
      expect(r.status).toBe(400);
      expect(messageOf(r)).toMatch(/Malformed JSON/);
    }
  });

  it('GETs pass without reading a body', async () => {
    const r = await send(port, 'GET', '/api/health', [], true);
    expect(r.status).toBe(200);
  });
});

describe('request size limit: a chunked body that breaks off', () => {
  it('is a 400 naming the reason, not an internal error', async () => {
    const { EventEmitter } = await import('node:events');
    const { Hono } = await import('hono');
    const { requestBodyLimit } = await import('./body-limit.ts');
    const app = new Hono();
    app.onError((err, c) =>
      c.json({ message: err.message }, 'status' in err ? (err.status as 400) : 500),
    );
    app.use(
      '*',
      requestBodyLimit(1000, (c) => c.json({ message: 'too large' }, 413)),
    );
    app.post('/x', async (c) => c.text(await c.req.text()));
    const incoming = Object.assign(new EventEmitter(), {
      headers: { 'transfer-encoding': 'chunked' },
      pause() {},
    });
    const answer = app.fetch(
      new Request('http://localhost/x', { method: 'POST', body: 'ignored' }),
      { incoming },
    );
    incoming.emit('data', Buffer.from('{"a": '));
    incoming.emit('error', new Error('aborted'));
    const r = await answer;
    expect(r.status).toBe(400);
    expect(((await r.json()) as { message: string }).message).toBe(
      'the request body could not be read (aborted)',
    );
  });
});
