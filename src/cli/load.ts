/**
 * Reading scenarios for the shell: a file path, or the id of a built-in scenario in `scenarios/`.
 * The only place the CLI touches scenario files.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../core/errors.ts';
import { checkBytes } from '../core/limits.ts';
import type { Scenario } from '../core/scenario.ts';
import { parseScenarioText } from '../formats/scenario-file.ts';
import {
  type Change,
  type VariantEntry,
  applyChanges,
  lazyLocator,
  parseOverlayText,
  parseSetArg,
  variantChanges,
  variantEntries,
} from '../formats/variants.ts';
import { io } from './io.ts';
import { takeProcessOverlay } from './overlay.ts';

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

/**
 * Text from a file's bytes: UTF-8, or UTF-16 when the file starts with a UTF-16 byte-order mark
 * (what some Windows editors save). A UTF-16 file that is not valid UTF-16 is an input error.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (!le && !be) return Buffer.from(bytes).toString('utf8');
  try {
    return new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError({
      file,
      path: '',
      message: 'starts as UTF-16 but is not valid UTF-16: save it as UTF-8',
    });
  }
}

/** Reads a text file, turning a missing or unreadable file into an input error naming it. */
export function readTextFile(file: string): string {
  let bytes: Buffer;
  let size = 0;
  try {
    const stat = statSync(file);
    if (stat.isFile()) size = stat.size;
  } catch {
    // Reported by the read below, with the reason.
  }
  // Refused by its size before a byte is read (ENTENTE_MAX_BYTES).
  checkBytes(size, file);
  try {
    bytes = readFileSync(file);
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
  return decodeText(bytes, file);
}

export interface LoadedScenario {
  readonly scenario: Scenario;
  /** The path it was read from (for messages). */
  readonly file: string;
  readonly builtin: boolean;
  /** The scenario's variants (and those of `--overlay` files), each placed in its file. */
  readonly variants: readonly VariantEntry[];
  /** What `--variant`, `--overlay` and `--set` changed; absent when none was given. */
  readonly overlay?: OverlaySummary;
}

/** Which variant and overrides a loaded scenario carries (results show it). */
export interface OverlaySummary {
  readonly variant: { id: string; name: string } | null;
  /** Each change as `kind target` (with `= value` for --set). */
  readonly changes: string[];
  /** Numbers now outside their evidence range, ranges clamped. */
  readonly warnings: string[];
}

/**
 * Applies the process-wide `--variant`, `--overlay` and `--set` (src/cli/overlay.ts) to a scenario
 * read from `text` at `file`: the variant's changes, then the overlay files' changes, then each
 * `--set`, validated once. Warnings go to stderr.
 */
export function applyProcessOverlay(
  scenario: Scenario,
  text: string,
  file: string,
): { scenario: Scenario; variants: VariantEntry[]; overlay?: OverlaySummary } {
  const locate = lazyLocator(text, file);
  const own = variantEntries(scenario, locate);
  const args = takeProcessOverlay();
  if (!args) return { scenario, variants: own };
  const changes: Change[] = [];
  const extra: VariantEntry[] = [];
  for (const f of args.files) {
    const parsed = parseOverlayText(readTextFile(f), f);
    changes.push(...parsed.changes);
    extra.push(...parsed.variants);
  }
  // An overlay file's variant replaces the scenario's variant of the same id.
  const variants = [
    ...own.filter((e) => !extra.some((x) => x.variant.id === e.variant.id)),
    ...extra,
  ];
  let variant: OverlaySummary['variant'] = null;
  if (args.variant !== undefined) {
    const chain = variantChanges(variants, args.variant);
    const v = variants.find((e) => e.variant.id === args.variant)!.variant;
    variant = { id: v.id, name: v.name };
    changes.unshift(...chain);
  }
  changes.push(...args.sets.map(parseSetArg));
  const applied = applyChanges(scenario, changes, {
    baseLocate: locate,
    extraVariants: extra.map((e) => e.variant),
  });
  for (const w of applied.warnings) io.err(`note: ${w}`);
  return {
    scenario: applied.scenario,
    variants,
    overlay: {
      variant,
      changes: changes.map((c) =>
        c.source.kind === 'argv' ? `--set ${c.source.text}` : `${c.kind} ${c.target}`,
      ),
      warnings: applied.warnings,
    },
  };
}

/** Loads `ref`: a path if one exists there, else a built-in id; the default scenario if absent. */
export function loadScenario(ref: string | undefined): LoadedScenario {
  const name = ref ?? DEFAULT_SCENARIO;
  if (ref !== undefined && existsSync(ref)) {
    const text = readTextFile(ref);
    const over = applyProcessOverlay(parseScenarioText(text, ref), text, ref);
    return { ...over, file: ref, builtin: false };
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
  const text = readTextFile(builtin);
  const over = applyProcessOverlay(parseScenarioText(text, shown), text, shown);
  return { ...over, file: shown, builtin: true };
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
