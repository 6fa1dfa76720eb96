/**
 * Runs as jobs: start (forecast, simulate, sensitivity, levers), poll progress, cancel, retry,
 * results.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { ANALYSES } from './analyses.ts';
import type { App, ServerDeps } from './context.ts';
import { notFound } from './errors.ts';
import { ErrorSchema, RunRequestSchema, RunSchema, errorResponses, json } from './schemas.ts';
import { resolveScenario } from './scenario-source.ts';

/**
 * The client a request counts against for the per-client job limit: its network address (behind
 * a reverse proxy every client shares the proxy's). `local` for in-process requests (tests).
 */
export function clientOf(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}

const tooMany = {
  429: json(
    ErrorSchema,
    'Too many jobs queued or running (for this client or in all); the Retry-After header says how many seconds to wait.',
  ),
} as const;

const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export function registerRunRoutes(app: App, { store, jobs, parse }: ServerDeps): void {
  const tags = ['runs'];

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/runs',
      tags,
      summary: 'Start a run (a job)',
      description:
        'Checks the scenario and options first (422 with precise problems). A `forecast` finishes before the response (201, status done); `simulate` (Monte Carlo) is queued (202): poll GET /api/runs/{id} for progress and the result, or cancel it. The run and its request are stored before the response, so a server that restarts resumes it. Beyond the job limits (docs/hardening.md) the answer is 429 with Retry-After.',
      request: {
        body: { content: { 'application/json': { schema: RunRequestSchema } }, required: true },
      },
      responses: {
        201: json(RunSchema, 'Finished run (forecast).'),
        202: json(RunSchema, 'Queued run.'),
        ...tooMany,
        ...errorResponses,
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const analysis = ANALYSES[body.kind]!;
      const resolved = await resolveScenario(body, store, parse);
      const run = await jobs.submit(analysis, resolved, body, { client: clientOf(c) });
      return analysis.immediate ? c.json(run, 201) : c.json(run, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/runs',
      tags,
      summary: 'Recent runs, newest first (without results)',
      request: {
        query: z.object({
          scenarioId: z.string().optional(),
          limit: z.coerce.number().int().min(1).max(1000).optional(),
        }),
      },
      responses: { 200: json(z.array(RunSchema), 'Runs.'), ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(
        await store.listRuns({
          ...(q.scenarioId ? { scenarioId: q.scenarioId } : {}),
          ...(q.limit ? { limit: q.limit } : {}),
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/runs/{id}',
      tags,
      summary: 'A run: status, progress (0–1) and, once done, its result',
      request: { params: IdParam },
      responses: {
        200: json(RunSchema, 'The run.'),
        404: json(z.unknown(), 'No such run.'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const run = await jobs.get(id);
      if (!run) throw notFound(`run "${id}"`);
      return c.json(run, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/runs/{id}/cancel',
      tags,
      summary: 'Cancel a queued or running run (a finished run is returned unchanged)',
      request: { params: IdParam },
      responses: {
        200: json(RunSchema, 'The run after the cancel.'),
        404: json(z.unknown(), 'No such run.'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const run = await jobs.cancel(id);
      if (!run) throw notFound(`run "${id}"`);
      return c.json(run, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/runs/{id}/retry',
      tags,
      summary: 'Run a failed or cancelled run again, as a new run (202)',
      description:
        'Re-queues the run from its stored request: the same scenario (the same stored version, or the same text), options and seed, so the same result. The answer is the new run; the old one keeps its status and error. 409 when the run is not failed or cancelled, or cannot run again (its error says why).',
      request: { params: IdParam },
      responses: {
        202: json(RunSchema, 'The new, queued run.'),
        404: json(z.unknown(), 'No such run.'),
        409: json(ErrorSchema, 'The run is not failed or cancelled, or cannot run again.'),
        ...tooMany,
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const run = await jobs.retry(id, { client: clientOf(c) });
      if (!run) throw notFound(`run "${id}"`);
      return c.json(run, 202);
    },
  );
}
