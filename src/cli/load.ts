/**
 * Reading scenarios for the shell: a file path, or the id of a built-in scenario in `scenarios/`.
 * The only place the CLI touches scenario files.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { InputError } from '../core/errors.ts';
import type { Scenario } from '../core/scenario.ts';
import { parseScenarioText, validateScenarioObject } from '../formats/scenario-file.ts';
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
import { builtinScenarioFiles, cachedBuiltinObject } from '../io/builtin-scenarios.ts';
import { readTextFile } from '../io/text-file.ts';
import { io } from './io.ts';

// Shared with the server (src/io/): re-exported for the CLI's commands.
export { builtinScenarioFiles, readTextFile };
import { takeProcessOverlay } from './overlay.ts';

/** The scenario `entente forecast` runs when no file is given. */
export const DEFAULT_SCENARIO = 'east-asia-coalition-2025';

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
  const cached = cachedBuiltinObject(builtin, text);
  const checked = cached === null ? null : validateScenarioObject(cached);
  const scenario = checked?.ok ? checked.scenario : parseScenarioText(text, shown);
  const over = applyProcessOverlay(scenario, text, shown);
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
