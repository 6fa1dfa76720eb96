/** Stored scenarios and their versions: list, create, read, save a new version, delete. */
import { createRoute, z } from '@hono/zod-openapi';
import { InputError } from '../core/errors.ts';
import { type ScenarioVersion, type Store, StoreConflictError } from '../store/store.ts';
import type { App, ServerDeps } from './context.ts';
import { HttpError, notFound } from './errors.ts';
import {
  RunSchema,
  SaveScenarioSchema,
  ScenarioSummarySchema,
  ScenarioVersionSchema,
  VersionSummarySchema,
  errorResponses,
  json,
} from './schemas.ts';
import {
  type ResolvedScenario,
  type TextParser,
  parseObject,
  parsedVersion,
  rememberSaved,
} from './scenario-source.ts';

const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'east-asia-coalition-2025' }),
});
const VersionParams = IdParam.extend({
  version: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'version', in: 'path' }, example: 1 }),
});

type SaveBody = z.infer<typeof SaveScenarioSchema>;

/** The scenario of a save: text (parsed with `parse`: large texts on the worker pool) or an object. */
async function parseBody(body: SaveBody, parse: TextParser): Promise<ResolvedScenario> {
  if ((body.text === undefined) === (body.scenario === undefined)) {
    throw new HttpError(
      400,
      'bad-request',
      'give the scenario as either text or scenario (one of them)',
    );
  }
  return body.text !== undefined
    ? parse(body.text, body.file)
    : parseObject(body.scenario!, body.file);
}

/**
 * A stored version with its parsed scenario (stored text always parses: it was checked on save;
 * parsed once per version, see `parsedVersion`).
 */
export function withScenario(store: Store, v: ScenarioVersion) {
  return { ...v, scenario: parsedVersion(store, v).scenario as unknown };
}

export function registerScenarioRoutes(app: App, { store, parse }: ServerDeps): void {
  const tags = ['scenarios'];
  /** Stores a parsed scenario as a new version (`expectedVersion`: refuse with 409 unless latest). */
  const save = async (
    parsed: ResolvedScenario,
    body: SaveBody,
    authorHeader: string | undefined,
    expectedVersion: number | undefined,
  ) => {
    const v = await store.saveVersion({
      scenarioId: parsed.scenario.id,
      title: parsed.scenario.title,
      hash: parsed.hash,
      format: parsed.format,
      source: parsed.source,
      author: body.author ?? authorHeader ?? 'anonymous',
      message: body.message ?? null,
      ...(expectedVersion !== undefined ? { expectedVersion } : {}),
    });
    rememberSaved(store, v, parsed);
    return { ...v, scenario: parsed.scenario };
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/scenarios',
      tags,
      summary: 'List stored scenarios (latest version of each)',
      responses: {
        200: json(z.array(ScenarioSummarySchema), 'Scenarios, most recently saved first.'),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await store.listScenarios(), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/scenarios',
      tags,
      summary: 'Store a new scenario (version 1)',
      description:
        'The scenario is validated exactly as `entente validate` does; problems come back as 422 with file:line:column messages. Fails with 409 when a scenario with that id exists (save a new version with PUT).',
      request: {
        body: { content: { 'application/json': { schema: SaveScenarioSchema } }, required: true },
      },
      responses: {
        201: json(ScenarioVersionSchema, 'The stored version.'),
        409: json(z.unknown(), 'A scenario with this id exists.'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const parsed = await parseBody(body, parse);
      // A new scenario: version 0 expected, so an existing id is refused with 409 — saying so,
      // not "someone saved since you opened it" (nobody did: the id is taken).
      try {
        return c.json(await save(parsed, body, c.req.header('x-entente-author'), 0), 201);
      } catch (err) {
        if (!(err instanceof StoreConflictError)) throw err;
        throw new HttpError(
          409,
          'conflict',
          `a scenario with id "${err.scenarioId}" exists (version ${err.latestVersion}): give this one another id, or open "${err.scenarioId}" and save a new version of it`,
        );
      }
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/scenarios/{id}',
      tags,
      summary: 'The latest version of a scenario',
      request: { params: IdParam },
      responses: {
        200: json(ScenarioVersionSchema, 'The latest version.'),
        404: json(z.unknown(), 'No such scenario.'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const v = await store.getVersion(id);
      if (!v) throw notFound(`scenario "${id}"`);
      return c.json(withScenario(store, v), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/scenarios/{id}',
      tags,
      summary: 'Save a new version of a scenario',
      description:
        'Every save is a new immutable version. Send `baseVersion` (the version you edited) to be refused with 409 if someone saved in between. Creates the scenario when it does not exist.',
      request: {
        params: IdParam,
        body: { content: { 'application/json': { schema: SaveScenarioSchema } }, required: true },
      },
      responses: {
        201: json(ScenarioVersionSchema, 'The new version.'),
        409: json(z.unknown(), 'Another version was saved since baseVersion.'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const parsed = await parseBody(body, parse);
      if (parsed.scenario.id !== id) {
        throw new InputError({
          ...(body.file ? { file: body.file } : {}),
          path: 'id',
          message: `the scenario's id is "${parsed.scenario.id}" but it is being saved as "${id}"`,
        });
      }
      return c.json(
        await save(parsed, body, c.req.header('x-entente-author'), body.baseVersion),
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/scenarios/{id}',
      tags,
      summary: 'Delete a scenario with all its versions and runs',
      request: { params: IdParam },
      responses: {
        204: { description: 'Deleted.' },
        404: json(z.unknown(), 'No such scenario.'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      if (!(await store.deleteScenario(id))) throw notFound(`scenario "${id}"`);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/scenarios/{id}/versions',
      tags,
      summary: 'Versions of a scenario, newest first',
      request: { params: IdParam },
      responses: {
        200: json(z.array(VersionSummarySchema), 'Versions.'),
        404: json(z.unknown(), 'No such scenario.'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const list = await store.listVersions(id);
      if (list.length === 0) throw notFound(`scenario "${id}"`);
      return c.json(list, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/scenarios/{id}/versions/{version}',
      tags,
      summary: 'One version of a scenario',
      request: { params: VersionParams },
      responses: {
        200: json(ScenarioVersionSchema, 'The version.'),
        404: json(z.unknown(), 'No such version.'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id, version } = c.req.valid('param');
      const v = await store.getVersion(id, version);
      if (!v) throw notFound(`scenario "${id}" version ${version}`);
      return c.json(withScenario(store, v), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/scenarios/{id}/runs',
      tags,
      summary: 'Runs of a scenario, newest first (without results)',
      request: { params: IdParam },
      responses: { 200: json(z.array(RunSchema), 'Runs.'), ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await store.listRuns({ scenarioId: id }), 200);
    },
  );
}
