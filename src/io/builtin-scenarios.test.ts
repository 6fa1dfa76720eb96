import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioText, validateScenarioObject } from '../formats/scenario-file.ts';
import { builtinScenarioFiles, cachedBuiltinObject } from './builtin-scenarios.ts';

const CACHE = join(import.meta.dirname, '..', '..', 'dist', 'scenarios');

describe('the build’s cache of the built-in scenarios', () => {
  for (const file of builtinScenarioFiles()) {
    it(`${basename(file)}: used only for the exact text it was made from, and equal to parsing it`, () => {
      const text = readFileSync(file, 'utf8');
      const cachePath = join(CACHE, `${basename(file)}.json`);
      const fresh =
        existsSync(cachePath) &&
        (JSON.parse(readFileSync(cachePath, 'utf8')) as { sha256: string }).sha256 ===
          createHash('sha256').update(text).digest('hex');
      const cached = cachedBuiltinObject(file, text);
      // npm test builds first, so the cache is fresh there; a stale one is ignored, never used.
      expect(cached !== null).toBe(fresh);
      if (cached !== null) {
        // The built-ins hold every value inside its own evidence range: no warnings either.
        expect(validateScenarioObject(cached)).toEqual({
          ok: true,
          scenario: parseScenarioText(text, file),
          warnings: [],
        });
      }
      expect(cachedBuiltinObject(file, `${text}\n# an edit\n`)).toBeNull();
    });
  }
});
