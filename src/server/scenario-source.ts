/**
 * Finds the scenario a request names — text, an object, a stored version or a built-in — and
 * parses it with the same code and messages as the CLI. Text gets `file:line:column`; an object
 * sent as JSON gets the field path (it has no lines).
 */
import { statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { InputError } from '../core/errors.ts';
import { contentHash } from '../core/hash.ts';
import { checkRuns } from '../core/limits.ts';
import type { Scenario } from '../core/scenario.ts';
import { parseScenarioText } from '../formats/scenario-file.ts';
import { builtinScenarioFiles } from '../io/builtin-scenarios.ts';
import { readTextFile } from '../io/text-file.ts';
import type { SourceFormat, Store } from '../store/store.ts';
import { HttpError, notFound } from './errors.ts';

export interface ScenarioSource {
  readonly text?: string | undefined;
  readonly file?: string | undefined;
  readonly scenario?: Record<string, unknown> | undefined;
  readonly scenarioId?: string | undefined;
  readonly version?: number | undefined;
  readonly builtin?: string | undefined;
}

export interface ResolvedScenario {
  readonly scenario: Scenario;
  readonly source: string;
  readonly format: SourceFormat;
  readonly hash: string;
  /** Set when the scenario is a stored version. */
  readonly stored?: { scenarioId: string; version: number };
}

export function formatOf(text: string): SourceFormat {
  return /^\s*[[{]/.test(text) ? 'json' : 'yaml';
}

/** Parses text (YAML or JSON) with locations. */
export function parseText(text: string, file?: string): ResolvedScenario {
  const scenario = parseScenarioText(text, file);
  return { scenario, source: text, format: formatOf(text), hash: contentHash(scenario) };
}

/** Parses a scenario object. Problems keep their path and message; there are no lines to show. */
export function parseObject(obj: Record<string, unknown>, file?: string): ResolvedScenario {
  const text = JSON.stringify(obj, null, 2);
  try {
    const scenario = parseScenarioText(text, file);
    return { scenario, source: text, format: 'json', hash: contentHash(scenario) };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    throw new InputError(
      err.problems.map((p) => ({
        ...(file === undefined ? {} : { file }),
        path: p.path,
        message: p.message,
      })),
    );
  }
}

export function builtinIds(): string[] {
  return builtinScenarioFiles().map((f) => basename(f, extname(f)));
}

export function readBuiltin(id: string): { id: string; file: string; text: string } {
  const file = builtinScenarioFiles().find((f) => basename(f, extname(f)) === id);
  if (!file) {
    throw new HttpError(
      404,
      'not-found',
      `no built-in scenario "${id}" (built-ins: ${builtinIds().join(', ') || 'none'})`,
    );
  }
  return { id, file: `scenarios/${basename(file)}`, text: readTextFile(file) };
}

/**
 * Parsed scenarios by identity: stored versions never change and built-ins are keyed by their
 * file's modification time, so their parse (≈ 80 ms for the built-in scenario with its evidence)
 * is done once. Results are treated as read-only by every analysis.
 */
const PARSED = new Map<string, ResolvedScenario>();
const PARSED_MAX = 32;

function cached(key: string, parse: () => ResolvedScenario): ResolvedScenario {
  const hit = PARSED.get(key);
  if (hit) {
    PARSED.delete(key);
    PARSED.set(key, hit);
    return hit;
  }
  const value = parse();
  PARSED.set(key, value);
  if (PARSED.size > PARSED_MAX) PARSED.delete(PARSED.keys().next().value!);
  return value;
}

export async function resolveScenario(
  ref: ScenarioSource,
  store: Store,
): Promise<ResolvedScenario> {
  const given = (['text', 'scenario', 'scenarioId', 'builtin'] as const).filter(
    (k) => ref[k] !== undefined,
  );
  if (given.length !== 1) {
    throw new HttpError(
      400,
      'bad-request',
      given.length === 0
        ? 'no scenario: give one of text, scenario, scenarioId or builtin'
        : `give only one of text, scenario, scenarioId or builtin (got ${given.join(', ')})`,
    );
  }
  // A job's runs, when the request asks for some, within the limit (core/limits.ts).
  const runs = (ref as { runs?: unknown }).runs;
  if (typeof runs === 'number') checkRuns(runs, 'runs');
  if (ref.text !== undefined) return parseText(ref.text, ref.file);
  if (ref.scenario !== undefined) return parseObject(ref.scenario, ref.file);
  if (ref.builtin !== undefined) {
    const name = ref.builtin;
    const file = builtinScenarioFiles().find((f) => basename(f, extname(f)) === name);
    if (!file) readBuiltin(name); // throws the 404 listing the built-ins
    return cached(`builtin:${file}:${statSync(file!).mtimeMs}`, () => {
      const b = readBuiltin(name);
      return parseText(b.text, b.file);
    });
  }
  const id = ref.scenarioId!;
  const v = await store.getVersion(id, ref.version);
  if (!v)
    throw notFound(ref.version ? `scenario "${id}" version ${ref.version}` : `scenario "${id}"`);
  return cached(`stored:${store.location}:${id}@${v.version}:${v.hash}`, () => ({
    ...parseText(v.source, `${id}@${v.version}`),
    stored: { scenarioId: id, version: v.version },
  }));
}
