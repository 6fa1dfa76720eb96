/**
 * The built-in scenarios (`scenarios/`), found next to the sources. An adapter (it reads the
 * disk) shared by the CLI (`src/cli/load.ts`) and the server (`src/server/scenario-source.ts`).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of built-in scenarios. */
export const SCENARIOS_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

const SCENARIO_EXT = new Set(['.yaml', '.yml', '.json']);

export function builtinScenarioFiles(): string[] {
  if (!existsSync(SCENARIOS_DIR)) return [];
  return readdirSync(SCENARIOS_DIR)
    .filter((f) => SCENARIO_EXT.has(extname(f)))
    .sort()
    .map((f) => join(SCENARIOS_DIR, f));
}

/** Where scripts/build.js leaves each built-in scenario parsed (dist/scenarios/NAME.json). */
const CACHE_DIR = fileURLToPath(new URL('../../dist/scenarios/', import.meta.url));

/**
 * The parsed object of a built-in scenario file from the build's cache, when the cache was made
 * from exactly this text (same sha256); else null and the caller parses the text. It saves the
 * YAML parse (a third of `entente forecast` on the East Asia file); validation still runs.
 */
export function cachedBuiltinObject(file: string, text: string): unknown {
  try {
    const cache = JSON.parse(readFileSync(join(CACHE_DIR, `${basename(file)}.json`), 'utf8')) as {
      sha256?: unknown;
      raw?: unknown;
    };
    const sha256 = createHash('sha256').update(text).digest('hex');
    return cache.sha256 === sha256 ? (cache.raw ?? null) : null;
  } catch {
    return null;
  }
}
