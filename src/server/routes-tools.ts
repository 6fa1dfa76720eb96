/** Stateless tools: validate, forecast, models, built-in scenarios, the scenario JSON Schema. */
import { gzipSync } from 'node:zlib';
import { createRoute, z } from '@hono/zod-openapi';
import { evidenceCoverage } from '../core/coverage.ts';
import { InputError } from '../core/errors.ts';
import { scenarioJsonSchema } from '../core/scenario.ts';
import { listModels } from '../models/registry.ts';
import { VERSION } from '../version.ts';
import { runAnalysis } from '../analysis/analysis.ts';
import { forecastRun } from './analyses.ts';
import type { App, ServerDeps } from './context.ts';
import {
  ForecastRequestSchema,
  ModelInfoSchema,
  ValidateRequestSchema,
  ValidateResponseSchema,
  errorResponses,
  json,
} from './schemas.ts';
import { builtinIds, parsedBuiltin, resolveScenario } from './scenario-source.ts';

/** The JSON answer of `GET /api/builtins/{id}` per parsed built-in (see the route). */
const builtinBodies = new WeakMap<object, { json: string; gzip: Buffer }>();

export function registerToolRoutes(app: App, { store, quick, parse }: ServerDeps): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/health',
      tags: ['meta'],
      summary: 'Liveness, version and store kind',
      responses: {
        200: json(z.object({ ok: z.boolean(), entente: z.string(), store: z.string() }), 'OK.'),
      },
    }),
    (c) => c.json({ ok: true, entente: VERSION, store: store.kind }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/validate',
      tags: ['scenarios'],
      summary: 'Validate a scenario (as `entente validate`)',
      description:
        'Always 200 for a scenario that was found: `ok` says whether it is valid and `problems` lists every problem with file, line, column, path and message (text input) or path and message (object input).',
      request: {
        body: {
          content: { 'application/json': { schema: ValidateRequestSchema } },
          required: true,
        },
      },
      responses: { 200: json(ValidateResponseSchema, 'The validation report.'), ...errorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      try {
        const r = await resolveScenario(body, store, parse);
        const cov = evidenceCoverage(r.scenario);
        return c.json(
          {
            ok: true,
            problems: [],
            numbers: cov.numbers,
            withEvidence: cov.withEvidence,
            unverified: cov.unverified.length,
            hash: r.hash,
            scenario: r.scenario,
          },
          200,
        );
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        return c.json({ ok: false, problems: [...err.problems] }, 200);
      }
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/forecast',
      tags: ['runs'],
      summary: 'Forecast now, without storing a run (as `entente forecast --json`)',
      request: {
        body: {
          content: { 'application/json': { schema: ForecastRequestSchema } },
          required: true,
        },
      },
      responses: {
        200: json(
          z.unknown().openapi({ description: 'ForecastResult (docs/results.md).' }),
          'The forecast.',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const resolved = await resolveScenario(body, store, parse);
      // On a worker thread the text goes, not the object (analysis/scenario-text.ts).
      const planned = forecastRun.plan(
        resolved.scenario,
        body,
        quick.kind === 'inline' ? undefined : { text: resolved.source, hash: resolved.hash },
      );
      const { result } = await runAnalysis(quick, planned.analysis);
      return c.json(result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/models',
      tags: ['meta'],
      summary: 'The models, their options and defaults',
      responses: { 200: json(z.array(ModelInfoSchema), 'Models.') },
    }),
    (c) =>
      c.json(
        listModels().map((m) => ({
          id: m.id,
          name: m.name,
          summary: m.summary,
          citation: m.citation,
          multiIssue: m.multiIssue,
          defaults: { ...(m.defaults as Record<string, unknown>) },
          options: { ...(m.options as Record<string, unknown>) },
        })),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/builtins',
      tags: ['scenarios'],
      summary: 'The built-in scenarios',
      responses: {
        200: json(
          z.array(
            z.object({
              id: z.string(),
              title: z.string(),
              asOf: z.string(),
              actors: z.number().int(),
              issues: z.array(z.string()),
            }),
          ),
          'Built-in scenarios.',
        ),
      },
    }),
    (c) =>
      c.json(
        builtinIds().flatMap((id) => {
          try {
            const s = parsedBuiltin(id).scenario;
            return [
              {
                id,
                title: s.title,
                asOf: s.asOf,
                actors: s.actors.length,
                issues: s.issues.map((i) => i.id),
              },
            ];
          } catch {
            return [];
          }
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/builtins/{id}',
      tags: ['scenarios'],
      summary: 'A built-in scenario: its text and the parsed scenario',
      request: {
        params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }),
      },
      responses: {
        200: json(
          z.object({ id: z.string(), file: z.string(), text: z.string(), scenario: z.unknown() }),
          'The scenario.',
        ),
        404: json(z.unknown(), 'No such built-in.'),
      },
    }),
    (c) => {
      const { id } = c.req.valid('param');
      const b = parsedBuiltin(id);
      // ≈ 400 KB of JSON for the East Asia built-in: encoded once per parse of its file (the
      // parsed record is cached until the file changes), not on every request, which held the
      // event loop under load (docs/hardening.md, "Load").
      let body = builtinBodies.get(b);
      if (body === undefined) {
        const json = JSON.stringify({ id, file: b.file, text: b.source, scenario: b.scenario });
        // Compressed once too: writing ≈ 260 KB to a socket per request was the event loop's
        // largest cost under the load bench (loopback charges the receiving side to the write);
        // gzipped it is a sixth of that. Clients that do not ask for gzip get the JSON.
        body = { json, gzip: gzipSync(json, { level: 6 }) };
        builtinBodies.set(b, body);
      }
      const gzip = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
      // The same JSON `c.json` would send, already encoded (hence the cast: the route's typed
      // answer is that JSON).
      return new Response(gzip ? body.gzip : body.json, {
        status: 200,
        headers: {
          'content-type': 'application/json; charset=UTF-8',
          vary: 'Accept-Encoding',
          ...(gzip ? { 'content-encoding': 'gzip' } : {}),
        },
      }) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/schema/scenario',
      tags: ['meta'],
      summary: 'The JSON Schema of the scenario format',
      responses: { 200: json(z.record(z.string(), z.unknown()), 'JSON Schema (2020-12).') },
    }),
    (c) => c.json(scenarioJsonSchema(), 200),
  );
}
