/**
 * The API's request and response shapes (zod, with OpenAPI metadata). Results are documented by
 * reference to `docs/results.md`: their shapes belong to the analyses, not to the server.
 */
import { z } from '@hono/zod-openapi';
import { listModels } from '../models/registry.ts';
import { toJSONSchema } from 'zod';

export const ProblemSchema = z
  .object({
    file: z.string().optional(),
    line: z.number().int().optional(),
    column: z.number().int().optional(),
    path: z.string().openapi({ example: 'actors[3].stances.coalition.salience' }),
    message: z.string().openapi({ example: 'expected a number, received string' }),
  })
  .openapi('Problem');

export const ErrorSchema = z
  .object({
    error: z.object({
      type: z.enum([
        'bad-request',
        'input',
        'model',
        'not-found',
        'conflict',
        'unauthorized',
        'too-large',
        'not-implemented',
        'unavailable',
        'internal',
      ]),
      message: z.string().openapi({
        example: 'scenario.yaml:12:7 actors[1].capability: expected a number or { value, … }',
      }),
      problems: z.array(ProblemSchema).optional(),
    }),
  })
  .openapi('Error');

/** Where a request's scenario comes from: exactly one of text, scenario, scenarioId, builtin. */
export const ScenarioSourceFields = {
  text: z
    .string()
    .optional()
    .openapi({ description: 'The scenario as YAML or JSON text (problems get line:column).' }),
  file: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: 'A file name to show in messages, e.g. "my.yaml".' }),
  scenario: z.record(z.string(), z.unknown()).optional().openapi({
    description: 'The scenario as a JSON object (schema: GET /api/schema/scenario).',
  }),
  scenarioId: z.string().optional().openapi({ description: 'A stored scenario.' }),
  version: z
    .number()
    .int()
    .positive()
    .optional()
    .openapi({ description: 'Version of the stored scenario; default the latest.' }),
  builtin: z
    .string()
    .optional()
    .openapi({ description: 'A built-in scenario id, e.g. east-asia-coalition-2025.' }),
};
export const ScenarioSourceSchema = z.object(ScenarioSourceFields).openapi('ScenarioSource');

export const ModelRequestSchema = z
  .object({
    id: z.string().openapi({ example: 'nash' }),
    options: z
      .record(z.string(), z.unknown())
      .optional()
      .openapi({
        description:
          "The model's options as JSON values, checked by the model's own schema (components `<id>Options`; `GET /api/models` lists them): a bad value or an unknown key is a 422 at `models[i].options.KEY`. Omitted options take their defaults.",
        example: { exponent: 1.5 },
      }),
  })
  .openapi('ModelRequest');

/**
 * Every model's options schema as an OpenAPI component (`nashOptions`, `eumOptions`, …),
 * converted from the same zod schema the model validates with, so the document cannot drift
 * from the code. (Converted here rather than registered as a zod schema: the OpenAPI generator
 * may load another copy of zod — its CommonJS build — that does not know the models' schemas.)
 */
export function modelOptionComponents(): [name: string, schema: Record<string, unknown>][] {
  return listModels()
    .filter((m) => Object.keys(m.options).length > 0)
    .map((m) => {
      const { $schema: _, ...schema } = toJSONSchema(m.optionsSchema, {
        io: 'input',
        target: 'openapi-3.0',
      });
      return [`${m.id}Options`, schema];
    });
}

export const ModelsField = z
  .array(ModelRequestSchema)
  .max(20)
  .optional()
  .openapi({ description: 'Models to run with their options; default every registered model.' });

export const SeedField = z
  .number()
  .int()
  .refine((n) => Math.abs(n) < 2 ** 32, 'expected an integer seed with |seed| < 2^32')
  .optional();

export const ForecastRequestSchema = z
  .object({
    ...ScenarioSourceFields,
    models: ModelsField,
    seed: SeedField,
    issues: z.array(z.string()).optional().openapi({ description: 'Only these issue ids.' }),
  })
  .openapi('ForecastRequest');

export const RUN_KINDS = ['forecast', 'simulate', 'sensitivity', 'levers', 'commitment'] as const;

export const RunRequestSchema = z
  .object({
    ...ScenarioSourceFields,
    kind: z.enum(RUN_KINDS).openapi({
      description:
        'forecast (point models; finishes before the response), simulate (Monte Carlo), sensitivity (tornado), levers (needs target; one model, default eum, or commitment), commitment (the commitment model of a scenario with coalition.commitment: each candidate’s level, equilibria, P(commits) over `runs` draws; docs/spec/commitment.md).',
    }),
    models: ModelsField,
    seed: SeedField,
    issues: z.array(z.string()).optional(),
    runs: z.number().int().min(1).max(1_000_000).optional().openapi({
      description: 'Monte Carlo runs (simulate; commitment draws); default 2000.',
    }),
    measure: z.string().max(100).optional().openapi({
      description: 'commitment: the capability measure (default the scenario’s capabilityMeasure).',
    }),
    ifJoins: z.string().max(100).optional().openapi({
      description: 'commitment: who joins if this candidate joins.',
    }),
    target: z.string().max(200).optional().openapi({
      description:
        'levers: what to reach, e.g. "coalition>=75" or "actor:korea-gov:coalition>=50"; for the commitment model (models [{ id: "commitment" }], or implied) "commit:korea-gov>=0.5" (P(commits)) or "members:3>=0.5" (P(at least 3 commit)), over `runs` draws per value tried (default 200; 0: the point answer). Result: kind levers, each lever with `by` (who would have to act) and `actions` ([{ by, how }] from the scenario’s levers markings); docs/uncertainty.md.',
    }),
    within: z.enum(['scale', 'range']).optional().openapi({
      description:
        'levers: search over the scale or the evidence range (default: range when the scenario marks levers, else scale).',
    }),
    beyondRange: z.boolean().optional().openapi({
      description:
        'levers: search beyond the evidence ranges (to each input’s scale; commitment terms to their natural bounds).',
    }),
    pairs: z
      .number()
      .int()
      .min(0)
      .max(50)
      .optional()
      .openapi({ description: 'levers: inputs paired; default 8.' }),
  })
  .openapi('RunRequest');

export const ValidateRequestSchema = z.object(ScenarioSourceFields).openapi('ValidateRequest');

export const ValidateResponseSchema = z
  .object({
    ok: z.boolean(),
    problems: z.array(ProblemSchema),
    numbers: z.number().int().optional(),
    withEvidence: z.number().int().optional(),
    unverified: z.number().int().optional(),
    hash: z.string().optional(),
    scenario: z.unknown().optional().openapi({ description: 'The parsed scenario, when ok.' }),
  })
  .openapi('ValidateResponse');

export const SaveScenarioSchema = z
  .object({
    text: ScenarioSourceFields.text,
    file: ScenarioSourceFields.file,
    scenario: ScenarioSourceFields.scenario,
    author: z.string().min(1).max(200).optional().openapi({ description: 'Default "anonymous".' }),
    message: z.string().max(2000).optional().openapi({ description: 'What changed.' }),
    baseVersion: z.number().int().min(0).optional().openapi({
      description:
        'The version the edit started from: the save is refused (409) if another was saved since.',
    }),
  })
  .openapi('SaveScenario');

export const VersionSummarySchema = z
  .object({
    scenarioId: z.string(),
    version: z.number().int(),
    title: z.string(),
    hash: z.string(),
    format: z.enum(['yaml', 'json']),
    author: z.string(),
    message: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('VersionSummary');

export const ScenarioVersionSchema = VersionSummarySchema.extend({
  source: z.string(),
  scenario: z.unknown().openapi({ description: 'The parsed scenario.' }),
}).openapi('ScenarioVersion');

export const ScenarioSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    latestVersion: z.number().int(),
    author: z.string(),
    hash: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('ScenarioSummary');

export const RunSchema = z
  .object({
    id: z.string(),
    scenarioId: z.string().nullable(),
    version: z.number().int().nullable(),
    kind: z.string(),
    status: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
    progress: z.number(),
    inputsHash: z.string(),
    options: z.unknown(),
    seed: z.number(),
    entente: z.string(),
    result: z
      .unknown()
      .optional()
      .openapi({ description: 'The result (docs/results.md) once done; absent in listings.' }),
    error: z.string().nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    notice: z.string().optional().openapi({
      description:
        'While the run is queued or running: a notice from its executor, when one holds — e.g. with a Redis executor, that no worker has taken a chunk of it for ENTENTE_REDIS_STALL seconds (docs/distributed.md).',
    }),
  })
  .openapi('Run');

export const ReportFormatSchema = z.enum(['html', 'md', 'pdf']);

export const ReportRequestSchema = z
  .object({
    ...ScenarioSourceFields,
    models: ModelsField,
    seed: SeedField,
    format: ReportFormatSchema.optional().openapi({ description: 'Default html.' }),
    runs: z.number().int().min(0).max(100_000).optional().openapi({
      description: 'Monte Carlo runs for the uncertainty section; 0 = none (default).',
    }),
    tornado: z
      .boolean()
      .optional()
      .openapi({ description: 'Add a tornado (sensitivity) section.' }),
    target: z.string().max(200).optional().openapi({
      description: 'Add levers toward this target (first model), e.g. "coalition>=75".',
    }),
    variants: z.array(z.string().min(1).max(200)).max(200).optional().openapi({
      description:
        'The variants in the "Variants" section (ids, in order): the base and each side by side, with the differences and the inputs each changes. Default: every variant of the scenario; [] for no section.',
    }),
  })
  .openapi('ReportRequest');

export const ModelInfoSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    summary: z.string(),
    citation: z.string(),
    multiIssue: z.boolean(),
    defaults: z.record(z.string(), z.unknown()),
    options: z.record(z.string(), z.unknown()),
  })
  .openapi('ModelInfo');

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

export const errorResponses = {
  400: json(ErrorSchema, 'The request is malformed.'),
  401: json(ErrorSchema, 'A bearer token is required (ENTENTE_TOKEN is set).'),
  413: json(ErrorSchema, 'The request body is too large.'),
  422: json(ErrorSchema, 'The scenario or a model option is invalid (precise problems).'),
  500: json(ErrorSchema, 'A bug in Entente.'),
} as const;
