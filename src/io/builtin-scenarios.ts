/**
 * The built-in scenarios (`scenarios/`), found next to the sources. An adapter (it reads the
 * disk) shared by the CLI (`src/cli/load.ts`) and the server (`src/server/scenario-source.ts`).
 */
import { existsSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
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
