/**
 * Serves the built web workbench (`web/dist`): files by path, `index.html` for any other
 * path outside /api (the app routes in the browser). Paths are resolved inside the folder only.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import type { ErrorBody } from './errors.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

export function serveWeb(dir: string): MiddlewareHandler {
  const root = resolve(dir);
  const index = join(root, 'index.html');
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const raw = new URL(c.req.url).pathname;
    let path: string;
    try {
      path = decodeURIComponent(raw);
    } catch {
      const body: ErrorBody = {
        error: {
          type: 'bad-request',
          message: `the path ${JSON.stringify(raw.slice(0, 200))} is not valid percent-encoding (a "%" must start %XX with two hex digits, forming UTF-8)`,
        },
      };
      return c.json(body, 400);
    }
    // API paths never fall back to the page: an unknown API route is a JSON 404.
    if (path === '/api' || path.startsWith('/api/')) return next();
    const file = resolve(root, normalize(`.${path}`));
    const inside = file === root || file.startsWith(root + sep);
    let target: string | null = null;
    if (inside && existsSync(file) && statSync(file).isFile()) target = file;
    else if (!extname(path) && existsSync(index)) target = index;
    if (!target) return next();
    const body = readFileSync(target);
    // Hashed assets never change; the page itself is always revalidated.
    const immutable = target.includes(`${sep}assets${sep}`);
    return c.body(body, 200, {
      'Content-Type': TYPES[extname(target)] ?? 'application/octet-stream',
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  };
}
