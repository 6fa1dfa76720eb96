/**
 * A model's options are one zod object schema (`Model.optionsSchema`): every field carries its
 * default (`.default`), its one-line description (`.describe`) and its bounds. Everything else is
 * derived from it here: the documented specs (`entente models`, `GET /api/models`), validation
 * of JSON options (the server, code), coercion of `KEY=VALUE` text (the CLI), and the checks a
 * model's `run` makes. Problems are {@link InputError}s at `options.KEY` by default; each shell
 * names its own path (the CLI `--option KEY`, the server `models[i].options.KEY`) through
 * {@link OptionPath} — no flag wording here, no rewriting of paths afterwards.
 */
import type { z } from 'zod';
import { InputError, type Problem } from '../core/errors.ts';
import type { OptionSpec, OptionsSchema } from './model.ts';

/** Where a problem with option `key` is reported; `undefined`: the options as a whole. */
export type OptionPath = (key: string | undefined) => string;

/** What option handling needs of a model (a `Model` has it). */
export interface ModelWithOptions {
  readonly id: string;
  readonly optionsSchema: OptionsSchema;
  readonly options: Readonly<Record<string, OptionSpec>>;
}

const DEFAULT_PATH: OptionPath = (key) => (key === undefined ? 'options' : `options.${key}`);

interface Introspected {
  readonly _zod: { readonly def: { readonly type: string; readonly innerType?: Introspected } };
  readonly description?: string;
  readonly minValue?: number | null;
  readonly maxValue?: number | null;
  readonly isInt?: boolean;
  readonly options?: readonly string[];
}

function bound(v: number | null | undefined): number | undefined {
  return v === null || v === undefined || !Number.isFinite(v) || Math.abs(v) >= 2 ** 53 - 1
    ? undefined
    : v;
}

/** The documented spec of one field: type, values or bounds, nullable, description. */
function describeField(key: string, field: Introspected): OptionSpec {
  const doc = field.description ?? '';
  let inner = field;
  while (inner._zod.def.type === 'default' || inner._zod.def.type === 'optional') {
    inner = inner._zod.def.innerType!;
  }
  let nullable = false;
  if (inner._zod.def.type === 'nullable') {
    nullable = true;
    inner = inner._zod.def.innerType!;
  }
  switch (inner._zod.def.type) {
    case 'boolean':
      return { type: 'boolean', doc };
    case 'enum':
      return { type: 'enum', values: inner.options!, doc };
    case 'number': {
      const min = bound(inner.minValue);
      const max = bound(inner.maxValue);
      return {
        type: inner.isInt ? 'integer' : 'number',
        ...(min !== undefined ? { min } : {}),
        ...(max !== undefined ? { max } : {}),
        ...(nullable ? { nullable: true } : {}),
        doc,
      };
    }
    default:
      throw new Error(`option ${key}: unsupported schema type ${inner._zod.def.type}`);
  }
}

/** The specs of every option, in the schema's order (what `entente models` prints). */
export function describeOptions(schema: OptionsSchema): Record<string, OptionSpec> {
  return Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [
      key,
      describeField(key, field as unknown as Introspected),
    ]),
  );
}

/** What a valid value of `spec` looks like, given the invalid value `v`. */
function expected(spec: OptionSpec, v: unknown): string {
  switch (spec.type) {
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of ${spec.values.join(', ')}`;
    case 'number':
    case 'integer':
      if (
        typeof v !== 'number' ||
        !Number.isFinite(v) ||
        (spec.type === 'integer' && !Number.isInteger(v))
      )
        return spec.type === 'integer' ? 'an integer' : 'a number';
      return `a value in ${spec.min ?? '-∞'}..${spec.max ?? '∞'}`;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Validates `value` against the model's schema and returns the options with every default
 * filled in (in the schema's key order), or throws one {@link InputError} listing every problem.
 * `show` renders a bad value in messages (JSON by default; the CLI quotes the text it was given).
 */
function validate<O>(
  id: string,
  schema: OptionsSchema,
  value: unknown,
  path: OptionPath,
  show: (key: string, v: unknown) => string = (_k, v) => JSON.stringify(v) ?? String(v),
): O {
  if (value === undefined) value = {};
  if (!isRecord(value)) {
    throw new InputError({
      path: path(undefined),
      message: `${id}: expected an object of options, got ${show('', value)}`,
    });
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data as O;
  const specs = describeOptions(schema);
  const known = Object.keys(specs);
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({
          path: path(key),
          message: `${id} has no option "${key}"${known.length ? `; options: ${known.join(', ')}` : ' (it takes none)'}`,
        });
      }
      continue;
    }
    const key = String(issue.path[0]);
    const spec = specs[key];
    if (seen.has(key) || !spec) continue;
    seen.add(key);
    const v = value[key];
    problems.push({
      path: path(key),
      message: `${id}: ${show(key, v)} is not valid: expected ${expected(spec, v)}`,
    });
  }
  throw new InputError(problems);
}

/**
 * A model's options from JSON (a request body, a stored run, code): every default filled in,
 * every problem an {@link InputError} at `path(key)` (default `options.KEY`).
 */
export function resolveOptions(
  model: ModelWithOptions,
  value: unknown,
  path: OptionPath = DEFAULT_PATH,
): Record<string, unknown> {
  return validate<Record<string, unknown>>(model.id, model.optionsSchema, value, path);
}

const TRUE = ['true', '1', 'yes', 'on'];
const FALSE = ['false', '0', 'no', 'off'];
const NULL = ['off', 'none', 'null'];

/** Text to the option's type, as far as the text allows (the schema then judges the value). */
function coerce(spec: OptionSpec | undefined, raw: string): unknown {
  switch (spec?.type) {
    case 'boolean':
      return TRUE.includes(raw) ? true : FALSE.includes(raw) ? false : raw;
    case 'number':
    case 'integer': {
      if (spec.type === 'number' && spec.nullable && NULL.includes(raw)) return null;
      const v = Number(raw);
      return raw.trim() === '' || !Number.isFinite(v) ? raw : v;
    }
    default:
      return raw;
  }
}

/**
 * A model's options from `KEY=VALUE` text already split into `[key, value]` pairs (the CLI's
 * `--option`): each value coerced to its option's type (numbers; `true/false/yes/no/on/off/1/0`;
 * `off/none/null` for a nullable number), later pairs overriding earlier ones, then validated
 * like {@link resolveOptions}. Bad values are quoted as given.
 */
export function optionsFromText(
  model: ModelWithOptions,
  pairs: readonly (readonly [key: string, value: string])[],
  path: OptionPath = DEFAULT_PATH,
): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  const raw: Record<string, string> = {};
  const specs = model.options;
  for (const [key, text] of pairs) {
    value[key] = coerce(Object.hasOwn(specs, key) ? specs[key] : undefined, text);
    raw[key] = text;
  }
  return validate<Record<string, unknown>>(
    model.id,
    model.optionsSchema,
    value,
    path,
    (key) => `"${raw[key]}"`,
  );
}

/**
 * The check a model's `run` makes of the options it is handed (code may pass anything): the
 * defaults under them, and an {@link InputError} at `options.KEY` for a bad value — the same
 * class and wording in every model. Fast enough for the Monte Carlo hot path (≈ 1 µs).
 */
export function checkOptions<S extends OptionsSchema>(
  modelId: string,
  schema: S,
  options: unknown,
): z.output<S> {
  return validate<z.output<S>>(modelId, schema, options, DEFAULT_PATH);
}
