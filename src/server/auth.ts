/**
 * Optional bearer-token auth for shared deployments: when a token is configured (`ENTENTE_TOKEN`),
 * every `/api/*` request must carry `Authorization: Bearer <token>`. Compared in constant time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { ErrorBody } from './errors.ts';

const digest = (s: string) => createHash('sha256').update(s).digest();

export function bearerAuth(
  token: string,
  options: { except?: readonly string[] } = {},
): MiddlewareHandler {
  const want = digest(token);
  const open = new Set(options.except ?? []);
  return async (c, next) => {
    if (open.has(c.req.path)) return next();
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(.+)$/i.exec(header);
    if (!m || !timingSafeEqual(digest(m[1]!.trim()), want)) {
      c.header('WWW-Authenticate', 'Bearer realm="entente"');
      const body: ErrorBody = {
        error: {
          type: 'unauthorized',
          message: m
            ? 'the bearer token is wrong'
            : 'this server needs a bearer token: send "Authorization: Bearer <token>" (the server’s ENTENTE_TOKEN)',
        },
      };
      return c.json(body, 401);
    }
    await next();
  };
}
