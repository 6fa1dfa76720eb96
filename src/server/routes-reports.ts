/**
 * Reports (HTML, Markdown, PDF) of a scenario sent or stored, or of a stored run. Every report is
 * computed as a job of kind `report` (`analyses.ts#reportRun`), like any other run: listed in
 * /api/runs with its progress, cancellable, on the server's executor. `POST /api/reports` starts
 * one and answers at once (202); `POST /api/report` and `GET /api/scenarios/{id}/report` start
 * one and answer with the file once it is done (the job is cancelled if the client goes away).
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { ForecastResult } from '../analysis/forecast.ts';
import type { MonteCarloResult } from '../analysis/monte-carlo/summarize.ts';
import { runForecast } from '../analysis/forecast.ts';
import type { Scenario } from '../core/scenario.ts';
import { renderReportHtml } from '../report/scenario-report/html.ts';
import { renderReportMarkdown } from '../report/scenario-report/markdown.ts';
import { ChromiumMissingError } from '../report/scenario-report/print-pdf.ts';
import { type ReportFormat, REPORT_TYPES } from '../report/scenario-report/render.ts';
import { buildReport, type Report } from '../report/scenario-report/report-data.ts';
import type { App, ServerDeps } from './context.ts';
import { reportRun, type AnalysisRequest } from './analyses.ts';
import { HttpError, notFound } from './errors.ts';
import { clientOf } from './routes-runs.ts';
import { modelRunsFromRequest, type ModelRequest } from './model-runs.ts';
import {
  ReportFormatSchema,
  ReportRequestSchema,
  RunSchema,
  errorResponses,
  json,
} from './schemas.ts';
import { type ResolvedScenario, parseText, resolveScenario } from './scenario-source.ts';

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
  const { store, jobs, parse } = deps;
  const tags = ['reports'];

  /** Runs a report job to its end (cancelled if `signal` fires first): the report. */
  const reportOf = async (
    resolved: ResolvedScenario,
    request: AnalysisRequest,
    signal: AbortSignal | undefined,
    client: string,
  ): Promise<Report> => {
    const run = await jobs.submit(reportRun(deps.now().toISOString()), resolved, request, {
      client,
    });
    const onAbort = () => void jobs.cancel(run.id);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const done = await jobs.wait(run.id);
      if (done?.status === 'done') return done.result as Report;
      throw new HttpError(
        done?.status === 'failed' ? 500 : 409,
        done?.status === 'failed' ? 'internal' : 'conflict',
        `report run "${run.id}" ${done?.status ?? 'vanished'}${done?.error ? `: ${done.error}` : ''}`,
      );
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  };

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
      const resolved = await resolveScenario(body, store, parse);
      const report = await reportOf(resolved, body, c.req.raw.signal, clientOf(c));
      return fileResponse(await send(report, body.format ?? 'html', resolved.scenario.id));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/reports',
      tags,
      summary: 'Start a report as a job (202); fetch it from GET /api/runs/{id}/report',
      description:
        'Checks the scenario and options first (422 with precise problems), then queues the report like any run: poll GET /api/runs/{id} for progress, cancel with POST /api/runs/{id}/cancel, and download it in any format from GET /api/runs/{id}/report?format= once done.',
      request: {
        body: { content: { 'application/json': { schema: ReportRequestSchema } }, required: true },
      },
      responses: { 202: json(RunSchema, 'Queued report run.'), ...errorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const resolved = await resolveScenario(body, store, parse);
      const run = await jobs.submit(reportRun(deps.now().toISOString()), resolved, body, {
        client: clientOf(c),
      });
      return c.json(run, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/runs/{id}/report',
      tags,
      summary:
        'A report of a run: a report run, or a forecast or simulate run of a stored scenario',
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
      if (run.kind === 'report') {
        const report = run.result as Report;
        return fileResponse(await send(report, format, run.scenarioId ?? `report-${run.id}`));
      }
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
      const resolved = await resolveScenario({ scenarioId: id, version: q.version }, store);
      const report = await reportOf(resolved, {}, c.req.raw.signal, clientOf(c));
      return fileResponse(await send(report, q.format ?? 'html', resolved.scenario.id));
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
