/**
 * What the server tells browsers (docs/hardening.md): on every response `nosniff`, frame denial
 * and no referrer; a Content-Security-Policy per kind of page — the workbench (scripts, styles,
 * workers and requests from this origin only), the API docs (their own inline code by hash), HTML
 * reports (inline styles, no script) and the API (nothing at all); and a Host check that refuses
 * names the server was not told it answers to, so a page on another site cannot reach a loopback
 * server by pointing its own domain at 127.0.0.1 (DNS rebinding). No CORS headers are sent.
 */
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { ErrorBody } from './errors.ts';

/** The names a server answers to when it is given none: the loopback ones. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * The workbench (web/dist): scripts, workers, styles and requests from this origin only; the
 * favicon is a data: URL. Styles also allow inline `<style>` elements: Observable Plot puts one
 * in every chart and Cytoscape one in the page, with text that follows their versions, so a hash
 * list would silently unstyle charts after an upgrade. Scripts get no such allowance.
 */
export const UI_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** JSON, files and anything else the API answers: no content of any kind. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** HTML reports from /api/report (the same policy as their own meta tag): inline styles only. */
export const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";

/**
 * A page of the server's own (`/docs`): its inline scripts and style elements
 * allowed by their hashes, taken from the page itself so the policy follows the page.
 */
export function ownPageCsp(html: string, cdn?: string): string {
  const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map(
    (m) => sha256(m[1]!),
  );
  const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => sha256(m[1]!));
  const from = (list: string[]) => [...(cdn ? [cdn] : []), ...list].join(' ') || "'none'";
  return [
    "default-src 'none'",
    `script-src ${from(scripts)}`,
    // Swagger UI sets styles from script; its own page has no style element to hash.
    `style-src ${cdn ? `${cdn} 'unsafe-inline'` : from(styles)}`,
    `img-src 'self' data:${cdn ? ` ${cdn}` : ''}`,
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const isApi = (path: string) =>
  path === '/api' || path.startsWith('/api/') || path === '/openapi.json';

/** Adds the browser-facing headers to every response, including errors and 404s. */
export function securityHeaders(): MiddlewareHandler {
  const cache = new Map<string, string>();
  return async (c, next) => {
    await next();
    let res = c.res;
    try {
      res.headers.set('X-Content-Type-Options', 'nosniff');
    } catch {
      // A response with immutable headers (e.g. Response.redirect): copy it.
      c.res = new Response(res.body, res);
      res = c.res;
      res.headers.set('X-Content-Type-Options', 'nosniff');
    }
    res.headers.set('X-Frame-Options', 'DENY');
    res.headers.set('Referrer-Policy', 'no-referrer');
    if (res.headers.has('Content-Security-Policy')) return;
    const path = c.req.path;
    const html = (res.headers.get('Content-Type') ?? '').toLowerCase().startsWith('text/html');
    let csp: string;
    if (isApi(path)) csp = html ? REPORT_CSP : API_CSP;
    else if (path === '/docs' && html) {
      const text = await res.clone().text();
      const key = `${path}\n${text}`;
      csp = cache.get(key) ?? ownPageCsp(text);
      if (cache.size < 8) cache.set(key, csp);
    } else csp = UI_CSP;
    res.headers.set('Content-Security-Policy', csp);
  };
}

/** The host name of a Host header value (`name`, `name:port`, `[v6]`, `[v6]:port`), lower case. */
function splitHost(value: string): { name: string; port: string | undefined } {
  const v = value.trim().toLowerCase();
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(v);
  if (!m) return { name: v, port: undefined };
  return { name: m[1]!.replace(/\.$/, ''), port: m[2] || undefined };
}

/**
 * Whether `host` (a Host header value) is one of `allowed`: a name (any port), `name:port`,
 * `.example.com` (that domain and its subdomains) or `*` (any).
 */
export function hostAllowed(host: string, allowed: readonly string[]): boolean {
  const { name, port } = splitHost(host);
  return allowed.some((entry) => {
    const e = entry.trim().toLowerCase();
    if (e === '*') return true;
    if (e.startsWith('.')) return name === e.slice(1) || name.endsWith(e);
    const want = splitHost(e);
    return want.name === name && (want.port === undefined || want.port === port);
  });
}

/** Refuses requests whose Host is not allowed (403), before any route runs. */
export function hostCheck(allowed: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    // @hono/node-server builds the URL from the Host header (or the bound address when absent).
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    if (hostAllowed(host, allowed)) return next();
    const body: ErrorBody = {
      error: {
        type: 'forbidden',
        message: `Host "${host.slice(0, 200)}" is not a name this server answers to (${allowed.join(', ')}); a page on another site may be trying to reach it (DNS rebinding). To allow the name, start the server with --allowed-hosts NAME or ENTENTE_ALLOWED_HOSTS=NAME`,
      },
    };
    return c.json(body, 403);
  };
}
