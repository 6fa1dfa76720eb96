/**
 * The HTTP API (hono + zod-openapi) and, when a built web UI is given, the workbench. Thin routes
 * over core, analysis, store and report; errors become JSON in one place (`errors.ts`).
 *
 *   /api/*          the API (optional bearer token, request size limit)
 *   /openapi.json   the OpenAPI 3 document
 *   /docs           interactive docs (self-contained, works offline; /docs/swagger redirects here)
 *   /*              the web workbench (web/dist), when `webDir` is set
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import { formatPath } from '../core/path.ts';
import { htmlToPdf } from '../report/scenario-report/print-pdf.ts';
import type { Store } from '../store/store.ts';
import { VERSION } from '../version.ts';
import { bearerAuth } from './auth.ts';
import { requestBodyLimit } from './body-limit.ts';
import type { App, ServerDeps } from './context.ts';
import { DOCS_HTML } from './docs-page.ts';
import { type ErrorBody, errorResponse } from './errors.ts';
import { type JobLimits, Jobs } from './jobs.ts';
import type { Executor } from '../executors/executor.ts';
import { InlineExecutor } from '../executors/inline.ts';
import { registerReportRoutes } from './routes-reports.ts';
import { registerRunRoutes } from './routes-runs.ts';
import { registerScenarioRoutes } from './routes-scenarios.ts';
import { registerToolRoutes } from './routes-tools.ts';
import { modelOptionComponents } from './schemas.ts';
import { LIMITS, currentLimits } from '../core/limits.ts';
import { LOOPBACK_HOSTS, hostCheck, securityHeaders } from './security-headers.ts';
import { serveWeb } from './static-files.ts';
import { textParser } from './scenario-source.ts';

export const DEFAULT_BODY_LIMIT = LIMITS.bodyBytes.default;

export interface AppOptions {
  readonly store: Store;
  /** Bearer token required on /api/* (default: none; `entente serve` reads ENTENTE_TOKEN). */
  readonly token?: string | undefined;
  /** Largest request body in bytes; default the limit in force (2 MiB; ENTENTE_MAX_BODY_BYTES). */
  readonly maxBodyBytes?: number;
  /** Folder of the built web UI to serve at `/`. */
  readonly webDir?: string | undefined;
  readonly executor?: Executor;
  /**
   * Where forecasts (`/api/forecast`, runs of kind `forecast`) run: default inline, on the event
   * loop; `entente serve` gives a worker pool so that health stays quick under forecasts.
   * Closed with the server (once, when it is the executor itself).
   */
  readonly quickExecutor?: Executor;
  /**
   * Scenario texts of at least this many characters are parsed on `quickExecutor` (when it is
   * not inline); default 0, every text (`OFF_LOOP_PARSE_CHARS`).
   */
  readonly offLoopParseChars?: number;
  readonly now?: () => Date;
  readonly printPdf?: (html: string) => Promise<Uint8Array>;
  /** Show stacks of internal errors in responses (ENTENTE_DEBUG). */
  readonly debug?: boolean;
  /**
   * Host header values the server answers to (`name`, `name:port`, `.domain`, `*` for any);
   * default the loopback names {@link LOOPBACK_HOSTS}. Others get 403 (DNS rebinding).
   */
  readonly allowedHosts?: readonly string[] | undefined;
  /** Long jobs queued or running, in all and per client (docs/hardening.md, "Jobs"). */
  readonly jobLimits?: Partial<JobLimits> | undefined;
  /** Told of the notices of running jobs (e.g. no Redis worker took a chunk); null: it is over. */
  readonly onJobNotice?: ((id: string, notice: string | null) => void) | undefined;
}

export interface Server {
  readonly app: App;
  readonly jobs: Jobs;
  /** Cancels running jobs and waits for them (the store is the caller's to close). */
  close(): Promise<void>;
}

function zodProblems(error: ZodError, target: string) {
  return error.issues.map((i) => ({
    path: formatPath([
      target,
      ...i.path.filter((k): k is string | number => typeof k !== 'symbol'),
    ]),
    message: i.message,
  }));
}

export function createServer(options: AppOptions): Server {
  const quick = options.quickExecutor ?? new InlineExecutor();
  const parse = textParser(quick, options.offLoopParseChars);
  const jobs = new Jobs(options.store, {
    parse,
    ...(options.executor ? { executor: options.executor } : {}),
    quickExecutor: quick,
    ...(options.jobLimits ? { limits: options.jobLimits } : {}),
    ...(options.onJobNotice ? { onNotice: options.onJobNotice } : {}),
  });
  const deps: ServerDeps = {
    store: options.store,
    jobs,
    now: options.now ?? (() => new Date()),
    quick,
    parse,
    printPdf: options.printPdf ?? ((html) => htmlToPdf(html)),
  };
  const app: App = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (result.success) return;
      const problems = zodProblems(result.error, result.target === 'json' ? 'body' : result.target);
      const body: ErrorBody = {
        error: {
          type: 'bad-request',
          message: problems.map((p) => `${p.path}: ${p.message}`).join('\n'),
          problems,
        },
      };
      return c.json(body, 400);
    },
  });

  // First, so that every response below — errors, 404s, the Host refusal — carries them.
  app.use('*', securityHeaders());
  app.use('*', hostCheck(options.allowedHosts ?? LOOPBACK_HOSTS));

  app.onError((err, c) => {
    if (err instanceof HTTPException) {
      const body: ErrorBody = {
        error: {
          type: err.status === 413 ? 'too-large' : 'bad-request',
          message: err.message || 'bad request',
        },
      };
      return c.json(body, err.status);
    }
    const { status, body, headers } = errorResponse(err, options.debug ?? false);
    return c.json(body, status, headers);
  });
  app.notFound((c) => {
    const body: ErrorBody = {
      error: {
        type: 'not-found',
        message: `no route ${c.req.method} ${new URL(c.req.url).pathname}`,
      },
    };
    return c.json(body, 404);
  });

  const limit = options.maxBodyBytes ?? currentLimits().bodyBytes;
  app.use(
    '/api/*',
    requestBodyLimit(limit, (c) => {
      const body: ErrorBody = {
        error: {
          type: 'too-large',
          message: `the request body is larger than the limit of ${limit.toLocaleString('en-US')} ${LIMITS.bodyBytes.unit} (raise it with ${LIMITS.bodyBytes.env}=N; docs/hardening.md)`,
        },
      };
      // The rest of the body is not read: the connection closes after the answer, and says so,
      // so that a client does not send its next request on it.
      return c.json(body, 413, { Connection: 'close' });
    }),
  );
  if (options.token) {
    app.use('/api/*', bearerAuth(options.token, { except: ['/api/health'] }));
    app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
      type: 'http',
      scheme: 'bearer',
    });
  }

  for (const [name, schema] of modelOptionComponents())
    app.openAPIRegistry.registerComponent('schemas', name, schema);
  registerToolRoutes(app, deps);
  registerScenarioRoutes(app, deps);
  registerRunRoutes(app, deps);
  registerReportRoutes(app, deps);

  app.doc('/openapi.json', {
    openapi: '3.0.3',
    info: {
      title: 'Entente API',
      version: VERSION,
      description:
        'Stored scenarios and their versions, validation, forecasts and runs (jobs with progress and cancel), and reports. Errors are JSON `{ error: { type, message, problems? } }` with the same messages as the CLI. When the server sets ENTENTE_TOKEN, send `Authorization: Bearer <token>`.',
    },
    ...(options.token ? { security: [{ bearer: [] }] } : {}),
  });
  app.get('/docs', (c) => c.html(DOCS_HTML));
  // Swagger UI loaded its code from a CDN and stayed blank offline: /docs does the same offline.
  app.get('/docs/swagger', (c) => c.redirect('/docs', 301));
  if (options.webDir) app.use('/*', serveWeb(options.webDir));

  return {
    app,
    jobs,
    async close() {
      await jobs.close();
    },
  };
}
