/**
 * The one place the server turns errors into HTTP responses. Every error is JSON:
 * `{ error: { type, message, problems? } }`, and a user's mistake carries the same precise
 * messages as the CLI (`file:line:column path: message`), never a stack trace.
 */
import { InputError, ModelError, type Problem } from '../core/errors.ts';
import { StoreConflictError } from '../store/store.ts';
import { VERSION } from '../version.ts';

export type ErrorType =
  | 'bad-request'
  | 'input'
  | 'model'
  | 'not-found'
  | 'conflict'
  | 'unauthorized'
  | 'forbidden'
  | 'too-large'
  | 'too-many-requests'
  | 'not-implemented'
  | 'unavailable'
  | 'internal';

export interface ErrorBody {
  readonly error: {
    readonly type: ErrorType;
    readonly message: string;
    readonly problems?: readonly Problem[];
  };
}

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 501 | 503;

/** An error with its HTTP status, thrown by routes (not found, conflict, not implemented…). */
export class HttpError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly type: ErrorType,
    message: string,
    readonly problems?: readonly Problem[],
    /** Sent with the response (e.g. `Retry-After` on a 429). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (what: string): HttpError =>
  new HttpError(404, 'not-found', `${what} not found`);

/** Maps any thrown value to a status and JSON body. `debug` adds the stack of internal errors. */
export function errorResponse(
  err: unknown,
  debug = false,
): { status: ErrorStatus; body: ErrorBody; headers?: Readonly<Record<string, string>> } {
  if (err instanceof HttpError) {
    return {
      status: err.status,
      headers: err.headers,
      body: {
        error: {
          type: err.type,
          message: err.message,
          ...(err.problems ? { problems: err.problems } : {}),
        },
      },
    };
  }
  if (err instanceof InputError) {
    const message =
      err.problems.length > 1 ? `${err.problems.length} problems:\n${err.message}` : err.message;
    return { status: 422, body: { error: { type: 'input', message, problems: err.problems } } };
  }
  if (err instanceof ModelError) {
    return {
      status: 422,
      body: { error: { type: 'model', message: `model error: ${err.message}` } },
    };
  }
  if (err instanceof StoreConflictError) {
    return { status: 409, body: { error: { type: 'conflict', message: err.message } } };
  }
  const detail =
    err instanceof Error ? (debug ? (err.stack ?? err.message) : err.message) : String(err);
  return {
    status: 500,
    body: {
      error: {
        type: 'internal',
        message: `internal error: ${detail}\nThis is a bug in Entente ${VERSION}; please report it.`,
      },
    },
  };
}
