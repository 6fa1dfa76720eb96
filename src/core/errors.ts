/**
 * The one error hierarchy. Shells (CLI, server) turn these into messages and exit codes in one
 * place each; nothing else catches them. A user's mistake is always an {@link InputError} and is
 * never shown as a stack trace.
 */

/** Where in a user's file a problem sits. Lines and columns are 1-based. */
export interface Location {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

/** One problem in a user's input: where, which field (a dotted/indexed path), and what is wrong. */
export interface Problem extends Location {
  /** Path of the field, e.g. `actors[3].stances.coalition.salience`. Empty for the whole file. */
  readonly path: string;
  /** What is wrong and what is expected. */
  readonly message: string;
}

/** Formats a problem as `file:line:column path: message` (parts that are unknown are left out). */
export function formatProblem(p: Problem): string {
  let where = p.file ?? '';
  if (p.line !== undefined) where += `${where ? ':' : 'line '}${p.line}`;
  if (p.line !== undefined && p.column !== undefined) where += `:${p.column}`;
  const head = [where, p.path].filter((s) => s.length > 0).join(' ');
  return head ? `${head}: ${p.message}` : p.message;
}

/** Bad input or usage: one or more problems, all reported at once. Exit code 1. */
export class InputError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[] | Problem | string) {
    const list: Problem[] =
      typeof problems === 'string'
        ? [{ path: '', message: problems }]
        : Array.isArray(problems)
          ? [...(problems as readonly Problem[])]
          : [problems as Problem];
    super(list.map(formatProblem).join('\n'));
    this.name = 'InputError';
    this.problems = list;
  }
}

/** A model could not run on valid input (e.g. every actor has zero weight). Exit code 1. */
export class ModelError extends Error {
  constructor(
    message: string,
    readonly model?: string,
  ) {
    super(model ? `${model}: ${message}` : message);
    this.name = 'ModelError';
  }
}

/** A bug in Entente. Exit code 2; the shell asks the user to report it. */
export class InternalError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InternalError';
  }
}

/**
 * An error as plain data, for crossing a thread or process boundary (a worker thread's structured
 * clone keeps only `Error`'s own class and message; Redis carries text). {@link reviveError}
 * rebuilds it with its class, so a user's mistake in a chunk run on a worker is still an
 * {@link InputError} (exit 1) on the coordinator, not an internal error.
 */
export interface SerializedError {
  /** `InputError`, `ModelError`, `InternalError`, a built-in error's name, or another name. */
  readonly name: string;
  readonly message: string;
  /** InputError's problems. */
  readonly problems?: readonly Problem[];
  /** ModelError's model. */
  readonly model?: string;
  /** Where it was thrown (shown with ENTENTE_DEBUG=1). */
  readonly stack?: string;
}

/** Plain data of an error (anything thrown), for {@link reviveError} on the other side. */
export function serializeError(err: unknown): SerializedError {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err) };
  const stack = err.stack !== undefined ? { stack: err.stack } : {};
  if (err instanceof InputError) {
    return {
      name: 'InputError',
      message: err.message,
      problems: err.problems.map((p) => ({ ...p })),
      ...stack,
    };
  }
  if (err instanceof ModelError) {
    return {
      name: 'ModelError',
      message: err.message,
      ...(err.model !== undefined ? { model: err.model } : {}),
      ...stack,
    };
  }
  return {
    name: err instanceof InternalError ? 'InternalError' : err.name,
    message: err.message,
    ...stack,
  };
}

const BUILT_IN: Record<string, new (message: string) => Error> = {
  Error,
  TypeError,
  RangeError,
  SyntaxError,
  ReferenceError,
  EvalError,
  URIError,
};

/** Rebuilds an error from {@link serializeError}'s data: same class, message, problems, stack. */
export function reviveError(data: SerializedError): Error {
  let err: Error;
  if (data.name === 'InputError') {
    err = new InputError(data.problems?.length ? data.problems : data.message);
  } else if (data.name === 'ModelError') {
    err = new ModelError('', data.model);
    err.message = data.message;
  } else if (data.name === 'InternalError') {
    err = new InternalError(data.message);
  } else {
    err = new (BUILT_IN[data.name] ?? Error)(data.message);
    if (err.name !== data.name) err.name = data.name;
  }
  if (data.stack !== undefined) err.stack = data.stack;
  return err;
}

/** True for what {@link serializeError} returns (checked before reviving untrusted data). */
export function isSerializedError(value: unknown): value is SerializedError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.name === 'string' &&
    typeof v.message === 'string' &&
    (v.problems === undefined || Array.isArray(v.problems))
  );
}
