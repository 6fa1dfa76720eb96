/**
 * Finds the scenario a request names — text, an object, a stored version or a built-in — and
 * parses it with the same code and messages as the CLI. Text gets `file:line:column`; an object
 * sent as JSON gets the field path (it has no lines).
 */
import { statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { InputError } from '../core/errors.ts';
import { contentHash } from '../core/hash.ts';
import { checkRuns, countProblems } from '../core/limits.ts';
import { formatPath } from '../core/path.ts';
import type { Scenario } from '../core/scenario.ts';
import { parseScenarioOn } from '../analysis/parse-task.ts';
import type { Executor } from '../executors/executor.ts';
import { parseScenarioText, validateScenarioObject } from '../formats/scenario-file.ts';
import { builtinScenarioFiles } from '../io/builtin-scenarios.ts';
import { readTextFile } from '../io/text-file.ts';
import type { ScenarioVersion, SourceFormat, Store } from '../store/store.ts';
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

/**
 * Texts of at least this many characters are parsed on the worker pool ({@link textParser}): by
 * default every text. Measured (docs/hardening.md, "Load"): a parse on the pool costs the event
 * loop a third to a tenth of parsing there at every size tried (0.27 against 0.78 ms for 323
 * characters, 1.8 against 4–9 ms for 1.3 KB, 10 against 125–165 ms for 134 KB), and the load
 * test's health p99 fell 3–6× with its 1.3 KB saves on the pool. A higher threshold
 * (`ENTENTE_OFF_LOOP_PARSE_CHARS`) keeps small texts off a pool busy with long jobs' chunks.
 */
export const OFF_LOOP_PARSE_CHARS = 0;

/** Parses a scenario text (YAML or JSON) with locations, here or elsewhere. */
export type TextParser = (text: string, file?: string) => Promise<ResolvedScenario>;

/** Parses on the event loop. */
export const parseHere: TextParser = (text, file) =>
  new Promise((resolve) => resolve(parseText(text, file)));

/**
 * Parses texts of `threshold` characters and more on `executor` — the server's worker pool — and
 * smaller ones here. YAML parsing was the largest cost of `PUT`s on the event loop under load
 * (docs/hardening.md, "Load"). The same parser on both sides, so the same scenario, hash and
 * errors (`file:line:column`). An inline executor, or none, parses everything here.
 */
export function textParser(
  executor: Executor | undefined,
  threshold = OFF_LOOP_PARSE_CHARS,
): TextParser {
  if (!executor || executor.kind === 'inline') return parseHere;
  return async (text, file) => {
    if (text.length < threshold) return parseText(text, file);
    const { scenario, hash } = await parseScenarioOn(executor, text, file);
    return { scenario, source: text, format: formatOf(text), hash };
  };
}

/**
 * Validates a scenario object. Problems keep their path and message; there are no lines to show.
 * The object is validated as it is — not written out and parsed again as YAML, which took ~1 ms
 * per KiB on the event loop — with the same counts, schema and rules as text.
 */
export function parseObject(obj: Record<string, unknown>, file?: string): ResolvedScenario {
  const at = file === undefined ? {} : { file };
  // Counted first: a 5,001-actor object is refused before any actor is looked at.
  const over = countProblems(obj);
  if (over.length > 0)
    throw new InputError(
      over.map((p) => ({ ...at, path: formatPath(p.path), message: p.message })),
    );
  const checked = validateScenarioObject(obj);
  if (!checked.ok)
    throw new InputError(
      checked.problems.map((p) => ({ ...at, path: p.path, message: p.message })),
    );
  const scenario = checked.scenario;
  return {
    scenario,
    source: JSON.stringify(obj, null, 2),
    format: 'json',
    hash: contentHash(scenario),
  };
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
 * file's modification time, so their parse (≈ 80 ms for the built-in scenario with its evidence;
 * YAML parses at ~1 ms per KiB) is done once. A saved version is put here as it is saved. Bounded
 * in entries and in source bytes (least recently used out first). Results are treated as
 * read-only by every analysis.
 */
const PARSED = new Map<string, ResolvedScenario>();
const PARSED_MAX = 256;
const PARSED_MAX_BYTES = 64 * 1024 * 1024;
let parsedBytes = 0;

function remember(key: string, value: ResolvedScenario): void {
  const old = PARSED.get(key);
  if (old) {
    PARSED.delete(key);
    parsedBytes -= old.source.length;
  }
  PARSED.set(key, value);
  parsedBytes += value.source.length;
  while (PARSED.size > 1 && (PARSED.size > PARSED_MAX || parsedBytes > PARSED_MAX_BYTES)) {
    const [first, dropped] = PARSED.entries().next().value!;
    PARSED.delete(first);
    parsedBytes -= dropped.source.length;
  }
}

function cached(key: string, parse: () => ResolvedScenario): ResolvedScenario {
  const hit = PARSED.get(key);
  if (hit) {
    PARSED.delete(key);
    PARSED.set(key, hit);
    return hit;
  }
  const value = parse();
  remember(key, value);
  return value;
}

const versionKey = (store: Store, v: { scenarioId: string; version: number; hash: string }) =>
  `stored:${store.location}:${v.scenarioId}@${v.version}:${v.hash}`;

/** Keeps the parse of a version just saved, so that reading it back does not parse it again. */
export function rememberSaved(
  store: Store,
  v: { scenarioId: string; version: number; hash: string },
  parsed: ResolvedScenario,
): void {
  if (parsed.hash !== v.hash) return;
  remember(versionKey(store, v), {
    ...parsed,
    stored: { scenarioId: v.scenarioId, version: v.version },
  });
}

/** The scenario a request names; text is parsed with `parse` (default: here). */
export async function resolveScenario(
  ref: ScenarioSource,
  store: Store,
  parse: TextParser = parseHere,
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
  if (ref.text !== undefined) return parse(ref.text, ref.file);
  if (ref.scenario !== undefined) return parseObject(ref.scenario, ref.file);
  if (ref.builtin !== undefined) return parsedBuiltin(ref.builtin);
  const id = ref.scenarioId!;
  const v = await store.getVersion(id, ref.version);
  if (!v)
    throw notFound(ref.version ? `scenario "${id}" version ${ref.version}` : `scenario "${id}"`);
  return parsedVersion(store, v);
}

/** A built-in scenario, parsed (once per change of its file); 404 listing them when unknown. */
export function parsedBuiltin(name: string): ResolvedScenario & { file: string } {
  const file = builtinScenarioFiles().find((f) => basename(f, extname(f)) === name);
  if (!file) readBuiltin(name); // throws the 404 listing the built-ins
  const hit = cached(`builtin:${file}:${statSync(file!).mtimeMs}`, () => {
    const b = readBuiltin(name);
    return { ...parseText(b.text, b.file), file: b.file };
  });
  return hit as ResolvedScenario & { file: string };
}

/** A stored version, parsed once (versions never change; stored text was checked on save). */
export function parsedVersion(store: Store, v: ScenarioVersion): ResolvedScenario {
  return cached(versionKey(store, v), () => ({
    ...parseText(v.source, `${v.scenarioId}@${v.version}`),
    stored: { scenarioId: v.scenarioId, version: v.version },
  }));
}
