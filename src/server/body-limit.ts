/**
 * The request size limit on /api/*, read from Node's own request when the server runs under
 * `@hono/node-server` (as `entente serve` does), and hono's `bodyLimit` otherwise (`app.fetch`
 * with a web `Request`, as in tests).
 *
 * Why not hono's `bodyLimit` everywhere: its first step reads `c.req.raw.body`, which makes the
 * Node adapter build a full web `Request` and a web stream over the socket for every request,
 * GETs included; the body is then read through that stream. Under `npm run bench -- load` that
 * was about a tenth of the server's main thread. Here a declared `Content-Length` is compared
 * and the body left for the adapter's direct read (`c.req.json()`); a chunked body is read from
 * the socket with a running count and cached for `c.req.json()`/`text()`.
 */
import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';

/** Hono's body cache, where `c.req.json()` and `c.req.text()` look first. */
interface BodyCache {
  text?: Promise<string>;
}

export function requestBodyLimit(
  maxSize: number,
  tooLarge: (c: Context) => Response | Promise<Response>,
): MiddlewareHandler {
  const webLimit = bodyLimit({ maxSize, onError: tooLarge });
  return async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    if (!incoming || typeof incoming.on !== 'function') return webLimit(c, next);
    const { headers } = incoming;
    const chunked = headers['transfer-encoding'] !== undefined;
    if (!chunked) {
      const declared = headers['content-length'];
      if (declared !== undefined && Number(declared) > maxSize) return tooLarge(c);
      return next();
    }
    let text: string | undefined;
    try {
      text = await readUpTo(incoming, maxSize);
    } catch (err) {
      // The client went away or sent a broken chunk: its fault, not the server's.
      throw new HTTPException(400, {
        message: `the request body could not be read (${(err as Error).message})`,
      });
    }
    if (text === undefined) return tooLarge(c);
    (c.req.bodyCache as BodyCache).text = Promise.resolve(text);
    return next();
  };
}

/**
 * The body as UTF-8 text, or undefined once more than `maxSize` bytes came (reading stops
 * there; the answer closes the connection).
 */
function readUpTo(incoming: IncomingMessage, maxSize: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxSize) {
        done();
        incoming.pause();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      done();
      resolve(Buffer.concat(chunks, size).toString('utf8'));
    };
    const onError = (err: Error) => {
      done();
      reject(err);
    };
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onError);
  });
}
