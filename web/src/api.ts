/**
 * A typed client of the Entente API (same origin). Errors arrive as the server's JSON
 * `{ error: { type, message, problems } }` and are thrown as {@link ApiError}.
 */
import type { ForecastResult } from '../../src/analysis/forecast.ts';
import type { Problem } from '../../src/core/errors.ts';
import type {
  RunSummary,
  ScenarioSummary,
  ScenarioVersion,
  StoredRun,
  VersionSummary,
} from '../../src/core/records.ts';

export type {
  ForecastResult,
  Problem,
  RunSummary,
  ScenarioSummary,
  ScenarioVersion,
  StoredRun,
  VersionSummary,
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly problems: readonly Problem[] = [],
  ) {
    super(message);
  }
}

const TOKEN_KEY = 'entente.token';

export function setToken(token: string): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

const unauthorizedListeners = new Set<() => void>();

/** Calls `cb` whenever any API call answers 401 (the page then asks for the token). */
export function onUnauthorized(cb: () => void): () => void {
  unauthorizedListeners.add(cb);
  return () => unauthorizedListeners.delete(cb);
}

async function request(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = {};
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) {
    if (res.status === 401) for (const cb of unauthorizedListeners) cb();
    let err: { error?: { type?: string; message?: string; problems?: Problem[] } } = {};
    try {
      err = (await res.json()) as typeof err;
    } catch {
      /* not JSON */
    }
    throw new ApiError(
      res.status,
      err.error?.type ?? 'http',
      err.error?.message ?? `${res.status} ${res.statusText}`,
      err.error?.problems ?? [],
    );
  }
  return res;
}

const getJson = async <T>(path: string): Promise<T> =>
  (await (await request('GET', path)).json()) as T;
const sendJson = async <T>(method: string, path: string, body: unknown): Promise<T> =>
  (await (await request(method, path, body)).json()) as T;

export interface Builtin {
  id: string;
  title: string;
  asOf: string;
  actors: number;
  issues: string[];
}

export interface ModelInfo {
  id: string;
  name: string;
  summary: string;
  multiIssue: boolean;
}

export type StoredVersion = ScenarioVersion & { scenario: unknown };

/** How a request names its scenario. */
export type ScenarioSource =
  { scenario: unknown } | { scenarioId: string; version?: number } | { builtin: string };

export type RunKind = 'forecast' | 'simulate' | 'sensitivity' | 'levers';

export const api = {
  builtins: () => getJson<Builtin[]>('/api/builtins'),
  builtin: (id: string) =>
    getJson<{ id: string; file: string; text: string; scenario: unknown }>(
      `/api/builtins/${encodeURIComponent(id)}`,
    ),
  models: () => getJson<ModelInfo[]>('/api/models'),
  scenarios: () => getJson<ScenarioSummary[]>('/api/scenarios'),
  scenario: (id: string, version?: number) =>
    getJson<StoredVersion>(
      version
        ? `/api/scenarios/${encodeURIComponent(id)}/versions/${version}`
        : `/api/scenarios/${encodeURIComponent(id)}`,
    ),
  versions: (id: string) =>
    getJson<VersionSummary[]>(`/api/scenarios/${encodeURIComponent(id)}/versions`),
  create: (scenario: unknown, author: string, message?: string) =>
    sendJson<StoredVersion>('POST', '/api/scenarios', {
      scenario,
      author,
      ...(message ? { message } : {}),
    }),
  save: (
    id: string,
    scenario: unknown,
    author: string,
    baseVersion: number | undefined,
    message?: string,
  ) =>
    sendJson<StoredVersion>('PUT', `/api/scenarios/${encodeURIComponent(id)}`, {
      scenario,
      author,
      ...(message ? { message } : {}),
      ...(baseVersion !== undefined ? { baseVersion } : {}),
    }),
  remove: (id: string) => request('DELETE', `/api/scenarios/${encodeURIComponent(id)}`),
  startRun: (kind: RunKind, ref: ScenarioSource, extra: Record<string, unknown> = {}) =>
    sendJson<StoredRun>('POST', '/api/runs', { kind, ...ref, ...extra }),
  run: (id: string) => getJson<StoredRun>(`/api/runs/${encodeURIComponent(id)}`),
  cancel: (id: string) =>
    sendJson<StoredRun>('POST', `/api/runs/${encodeURIComponent(id)}/cancel`, {}),
  runs: (scenarioId: string) =>
    getJson<RunSummary[]>(`/api/runs?scenarioId=${encodeURIComponent(scenarioId)}&limit=20`),
  /** A report file as a Blob, with the server's file name. */
  report: async (
    ref: ScenarioSource,
    format: 'html' | 'md' | 'pdf',
    extra: Record<string, unknown> = {},
  ) => {
    const res = await request('POST', '/api/report', { ...ref, format, ...extra });
    const name =
      /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ??
      `report.${format}`;
    return { blob: await res.blob(), name };
  },
};

/** Polls a run until it finishes; `onUpdate` sees each state. */
export async function waitForRun(
  id: string,
  onUpdate: (r: StoredRun) => void,
  signal?: AbortSignal,
): Promise<StoredRun> {
  for (;;) {
    const r = await api.run(id);
    onUpdate(r);
    if (r.status === 'done' || r.status === 'failed' || r.status === 'cancelled') return r;
    if (signal?.aborted) return r;
    await new Promise((res) => setTimeout(res, 200));
  }
}
