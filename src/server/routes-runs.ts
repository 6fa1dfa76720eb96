/** Runs as jobs: start (forecast, simulate, sensitivity, levers), poll progress, cancel, results. */
import { createRoute, z } from '@hono/zod-openapi';
import { ANALYSES } from './analyses.ts';
import type { App, ServerDeps } from './context.ts';
import { notFound } from './errors.ts';
import { RunRequestSchema, RunSchema, errorResponses, json } from './schemas.ts';
import { resolveScenario } from './scenario-source.ts';

const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export function registerRunRoutes(app: App, { store, jobs }: ServerDeps): void {
  const tags = ['runs'];

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/runs',
      tags,
      summary: 'Start a run (a job)',
      description:
        'Checks the scenario and options first (422 with precise problems). A `forecast` finishes before the response (201, status done); `simulate` (Monte Carlo) is queued (202): poll GET /api/runs/{id} for progress and the result, or cancel it.',
      request: {
        body: { content: { 'application/json': { schema: RunRequestSchema } }, required: true },
      },
      responses: {
        201: json(RunSchema, 'Finished run (forecast).'),
        202: json(RunSchema, 'Queued run.'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const analysis = ANALYSES[body.kind]!;
      const resolved = await resolveScenario(body, store);
      const run = await jobs.submit(analysis, resolved, body);
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
}
