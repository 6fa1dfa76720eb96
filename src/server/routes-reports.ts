/** Reports (HTML, Markdown, PDF) of a scenario sent or stored, or of a stored run. */
import { createRoute, z } from '@hono/zod-openapi';
import type { ForecastResult } from '../analysis/forecast.ts';
import type { MonteCarloResult } from '../analysis/monte-carlo/summarize.ts';
import { runForecast } from '../analysis/forecast.ts';
import { DEFAULT_SEED } from '../core/rng.ts';
import type { Scenario } from '../core/scenario.ts';
import { assembleReport } from '../report/scenario-report/assemble.ts';
import { renderReportHtml } from '../report/scenario-report/html.ts';
import { renderReportMarkdown } from '../report/scenario-report/markdown.ts';
import { ChromiumMissingError } from '../report/scenario-report/print-pdf.ts';
import { type ReportFormat, REPORT_TYPES } from '../report/scenario-report/render.ts';
import { buildReport, type Report } from '../report/scenario-report/report-data.ts';
import type { App, ServerDeps } from './context.ts';
import { HttpError, notFound } from './errors.ts';
import { modelRunsFromRequest, type ModelRequest } from './model-runs.ts';
import { ReportFormatSchema, ReportRequestSchema, errorResponses, json } from './schemas.ts';
import { parseText, resolveScenario } from './scenario-source.ts';

const FILE = {
  200: {
    description: 'The report file (text/html, text/markdown or application/pdf).',
    content: {
      'text/html': { schema: z.string() },
      'text/markdown': { schema: z.string() },
      'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
    },
  },
  503: json(z.unknown(), 'PDF asked for but Chromium is not installed on the server.'),
} as const;

/**
 * zod-openapi types a handler's return by the route's JSON responses; a file download is a plain
 * Response, which it cannot type, so it is passed through here.
 */
const fileResponse = (r: Response) => r as never;

function safeName(id: string): string {
  return id.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 100) || 'report';
}

export function registerReportRoutes(app: App, deps: ServerDeps): void {
  const { store } = deps;
  const tags = ['reports'];

  const send = async (report: Report, format: ReportFormat, name: string): Promise<Response> => {
    let body: string | Uint8Array;
    if (format === 'md') body = renderReportMarkdown(report);
    else {
      const html = renderReportHtml(report);
      if (format === 'html') body = html;
      else {
        try {
          body = await deps.printPdf(html);
        } catch (err) {
          if (err instanceof ChromiumMissingError)
            throw new HttpError(503, 'unavailable', err.message);
          throw err;
        }
      }
    }
    const { contentType, ext } = REPORT_TYPES[format];
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': contentType,
        'Content-Disposition': `attachment; filename="${safeName(name)}.${ext}"`,
      },
    });
  };

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/report',
      tags,
      summary: 'A report of a scenario: question, scenario table with evidence, forecasts, caveats',
      description:
        'One self-contained file (inline SVG, no network). Set `runs` for a Monte Carlo uncertainty section.',
      request: {
        body: { content: { 'application/json': { schema: ReportRequestSchema } }, required: true },
      },
      responses: { ...FILE, ...errorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const { scenario } = await resolveScenario(body, store);
      const report = await assembleReport(scenario, {
        models: modelRunsFromRequest(body.models),
        seed: body.seed ?? DEFAULT_SEED,
        monteCarloRuns: body.runs ?? 0,
        ...(body.tornado ? { tornado: true } : {}),
        ...(body.target !== undefined ? { leversTarget: body.target } : {}),
        generatedAt: deps.now().toISOString(),
      });
      return fileResponse(await send(report, body.format ?? 'html', scenario.id));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/runs/{id}/report',
      tags,
      summary: 'A report of a stored run (forecast or simulate) of a stored scenario',
      request: {
        params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }),
        query: z.object({ format: ReportFormatSchema.optional() }),
      },
      responses: {
        ...FILE,
        404: json(z.unknown(), 'No such run.'),
        409: json(z.unknown(), 'The run cannot be reported.'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const format = c.req.valid('query').format ?? 'html';
      const run = await store.getRun(id);
      if (!run) throw notFound(`run "${id}"`);
      if (run.status !== 'done')
        throw new HttpError(
          409,
          'conflict',
          `run "${id}" is ${run.status}; only a finished run has a report`,
        );
      if (!run.scenarioId || !run.version)
        throw new HttpError(
          409,
          'conflict',
          `run "${id}" used a scenario sent inline, which is not stored; POST /api/report with the scenario instead`,
        );
      const v = await store.getVersion(run.scenarioId, run.version);
      if (!v) throw notFound(`scenario "${run.scenarioId}" version ${run.version}`);
      const scenario = parseText(v.source, `${v.scenarioId}@${v.version}`).scenario;
      const opts = run.options as { models?: ModelRequest[] };
      const report = reportOfRun(
        scenario,
        run.kind,
        run.result,
        opts.models,
        run.seed,
        deps.now().toISOString(),
      );
      return fileResponse(await send(report, format, `${scenario.id}-v${v.version}-${run.kind}`));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/scenarios/{id}/report',
      tags,
      summary: 'A report of a stored scenario (latest or given version) with every model',
      request: {
        params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }),
        query: z.object({
          format: ReportFormatSchema.optional(),
          version: z.coerce.number().int().positive().optional(),
        }),
      },
      responses: { ...FILE, 404: json(z.unknown(), 'No such scenario.'), ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const q = c.req.valid('query');
      const { scenario } = await resolveScenario({ scenarioId: id, version: q.version }, store);
      const report = await assembleReport(scenario, {
        models: modelRunsFromRequest(undefined),
        seed: DEFAULT_SEED,
        generatedAt: deps.now().toISOString(),
      });
      return fileResponse(await send(report, q.format ?? 'html', scenario.id));
    },
  );
}

function reportOfRun(
  scenario: Scenario,
  kind: string,
  result: unknown,
  models: ModelRequest[] | undefined,
  seed: number,
  generatedAt: string,
): Report {
  if (kind === 'forecast') {
    return buildReport({ scenario, forecast: result as ForecastResult, generatedAt });
  }
  if (kind === 'simulate') {
    const forecast = runForecast(scenario, modelRunsFromRequest(models), { seed, trace: true });
    return buildReport({ scenario, forecast, monteCarlo: result as MonteCarloResult, generatedAt });
  }
  throw new HttpError(409, 'conflict', `runs of kind "${kind}" have no report yet`);
}
