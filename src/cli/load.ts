/**
 * Reading scenarios for the shell: a file path, or the id of a built-in scenario in `scenarios/`.
 * The only place the CLI touches scenario files.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../core/errors.ts';
import type { Scenario } from '../core/scenario.ts';
import { parseScenarioText } from '../formats/scenario-file.ts';

/** The folder of built-in scenarios. */
export const SCENARIOS_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

/** The scenario `entente forecast` runs when no file is given. */
export const DEFAULT_SCENARIO = 'east-asia-coalition-2025';

const SCENARIO_EXT = new Set(['.yaml', '.yml', '.json']);

export function builtinScenarioFiles(): string[] {
  if (!existsSync(SCENARIOS_DIR)) return [];
  return readdirSync(SCENARIOS_DIR)
    .filter((f) => SCENARIO_EXT.has(extname(f)))
    .sort()
    .map((f) => join(SCENARIOS_DIR, f));
}

/** Reads a text file, turning a missing or unreadable file into an input error naming it. */
export function readTextFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory, expected a file'
          : `cannot be read (${code ?? 'error'})`;
    throw new InputError({ file, path: '', message: why });
  }
}

export interface LoadedScenario {
  readonly scenario: Scenario;
  /** The path it was read from (for messages). */
  readonly file: string;
  readonly builtin: boolean;
}

/** Loads `ref`: a path if one exists there, else a built-in id; the default scenario if absent. */
export function loadScenario(ref: string | undefined): LoadedScenario {
  const name = ref ?? DEFAULT_SCENARIO;
  if (ref !== undefined && existsSync(ref)) {
    return { scenario: parseScenarioText(readTextFile(ref), ref), file: ref, builtin: false };
  }
  const builtin = builtinScenarioFiles().find((f) => basename(f, extname(f)) === name);
  if (!builtin) {
    const ids = builtinScenarioFiles().map((f) => basename(f, extname(f)));
    throw new InputError({
      file: name,
      path: '',
      message: `no such file, and no built-in scenario of that id (built-ins: ${ids.join(', ') || 'none'})`,
    });
  }
  const shown = join('scenarios', basename(builtin));
  return { scenario: parseScenarioText(readTextFile(builtin), shown), file: shown, builtin: true };
}

/** `sha256:` and the hex digest of a text, as results record the files they read. */
export function sha256Text(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

/**
 * Reads a JSON file and checks it with `problemsOf` (messages, empty when valid); a file that is
 * not JSON or fails the check is an input error naming the file.
 */
export function readCheckedJson<T>(file: string, problemsOf: (value: unknown) => string[]): T {
  const text = readTextFile(file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new InputError({ file, path: '', message: `not JSON: ${(err as Error).message}` });
  }
  const problems = problemsOf(value);
  if (problems.length) {
    throw new InputError(problems.map((message) => ({ file, path: '', message })));
  }
  return value as T;
}
