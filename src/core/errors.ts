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
