/**
 * Entente's limits on the size of its inputs and of the work one request may ask for
 * (docs/hardening.md, "Limits"): actors and issues in a scenario, bytes of a scenario file,
 * runs per job, and actors in a KTAB SMP run. Each is refused at the edge with an
 * {@link InputError} naming the limit and the environment variable that raises it.
 *
 * The shells set the limits once per invocation (`setLimits(limitsFromEnv(process.env))` in the
 * CLI's `main`, which `entente serve` runs in too); pure code reads them with `currentLimits()`.
 * This module reads no environment itself: `limitsFromEnv` takes the variables as an argument.
 */
import { InputError } from './errors.ts';

export interface Limits {
  /** Actors in one scenario. */
  readonly actors: number;
  /** Issues in one scenario. */
  readonly issues: number;
  /** Bytes of one scenario file (and of any file the CLI reads as input). */
  readonly bytes: number;
  /** Bytes of one API request body. */
  readonly bodyBytes: number;
  /** Runs (draws) in one Monte Carlo job. */
  readonly runs: number;
  /** Actors in one run of the KTAB SMP, whose work grows as actors³ per turn. */
  readonly smpActors: number;
}

export type LimitName = keyof Limits;

/** Each limit's default, environment variable and what it counts (for messages and docs). */
export const LIMITS: Readonly<
  Record<LimitName, { readonly default: number; readonly env: string; readonly unit: string }>
> = {
  actors: { default: 5_000, env: 'ENTENTE_MAX_ACTORS', unit: 'actors in a scenario' },
  issues: { default: 200, env: 'ENTENTE_MAX_ISSUES', unit: 'issues in a scenario' },
  bytes: { default: 5_000_000, env: 'ENTENTE_MAX_BYTES', unit: 'bytes in an input file' },
  bodyBytes: {
    default: 2 * 1024 * 1024,
    env: 'ENTENTE_MAX_BODY_BYTES',
    unit: 'bytes in a request body',
  },
  runs: { default: 1_000_000, env: 'ENTENTE_MAX_RUNS', unit: 'runs in one job' },
  smpActors: { default: 200, env: 'ENTENTE_MAX_SMP_ACTORS', unit: 'actors in an SMP run' },
};

const NAMES = Object.keys(LIMITS) as LimitName[];

export const DEFAULT_LIMITS: Limits = Object.fromEntries(
  NAMES.map((k) => [k, LIMITS[k].default]),
) as unknown as Limits;

let current: Limits = DEFAULT_LIMITS;

/** The limits in force (the defaults until a shell sets others). */
export function currentLimits(): Limits {
  return current;
}

/** Sets the limits in force and returns the previous ones (so a caller can put them back). */
export function setLimits(limits: Limits): Limits {
  const previous = current;
  current = limits;
  return previous;
}

/**
 * The limits from environment variables (`ENTENTE_MAX_ACTORS=10000` …), defaults for the rest.
 * A value that is not a whole number ≥ 1 (`_` and `,` allowed as separators) is an input error
 * naming the variable.
 */
export function limitsFromEnv(env: Readonly<Record<string, string | undefined>>): Limits {
  const out: Record<string, number> = {};
  const problems: { path: string; message: string }[] = [];
  for (const k of NAMES) {
    const { env: name, default: fallback } = LIMITS[k];
    const text = env[name];
    if (text === undefined || text.trim() === '') {
      out[k] = fallback;
      continue;
    }
    const n = Number(text.trim().replace(/[_,]/g, ''));
    if (!Number.isSafeInteger(n) || n < 1) {
      problems.push({
        path: name,
        message: `"${text}" is not a limit: expected a whole number ≥ 1 (default ${fmt(fallback)})`,
      });
      out[k] = fallback;
    } else out[k] = n;
  }
  if (problems.length) throw new InputError(problems);
  return out as unknown as Limits;
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * The message for a count over a limit: what was counted, the limit, and how to raise it, e.g.
 * `6,000 actors is more than the limit of 5,000 actors in a scenario (raise it with ENTENTE_MAX_ACTORS=N)`.
 */
export function overLimitMessage(name: LimitName, got: number, what: string): string {
  const { env, unit } = LIMITS[name];
  return `${fmt(got)} ${what} is more than the limit of ${fmt(current[name])} ${unit} (raise it with ${env}=N; docs/hardening.md)`;
}

/** Throws when a file of `size` bytes is over the byte limit; call before reading it. */
export function checkBytes(size: number, file: string | undefined): void {
  if (size <= current.bytes) return;
  throw new InputError({
    ...(file === undefined ? {} : { file }),
    path: '',
    message: `${overLimitMessage('bytes', size, 'bytes')}: not read`,
  });
}

/**
 * Problems with a parsed but not yet validated scenario's actor and issue counts, checked before
 * the schema so that a huge file is refused before its every field is validated.
 */
export function countProblems(raw: unknown): { path: (string | number)[]; message: string }[] {
  if (raw === null || typeof raw !== 'object') return [];
  const out: { path: (string | number)[]; message: string }[] = [];
  const { actors, issues } = raw as { actors?: unknown; issues?: unknown };
  if (Array.isArray(actors) && actors.length > current.actors)
    out.push({ path: ['actors'], message: overLimitMessage('actors', actors.length, 'actors') });
  if (Array.isArray(issues) && issues.length > current.issues)
    out.push({ path: ['issues'], message: overLimitMessage('issues', issues.length, 'issues') });
  return out;
}

/** Throws when a job asks for more runs than the limit; `path` names the flag or field. */
export function checkRuns(runs: number, path: string): void {
  if (runs <= current.runs) return;
  throw new InputError({ path, message: overLimitMessage('runs', runs, 'runs') });
}
