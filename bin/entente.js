#!/usr/bin/env node
// Launcher. Runs the compiled CLI (dist/main.js, built by scripts/build.js at `npm ci` and
// `npm test`) while it is up to date: no file it was built from (listed in dist/build.json: the
// sources it bundles, package.json, the build script) is newer than the build's start.
// Otherwise, and always with ENTENTE_FROM_SOURCE=1, it registers tsx and runs the TypeScript
// sources, so an edit to src/ is never hidden by a stale build. The check stats ~280 files:
// 2–4 ms. Worker threads follow the same rule (src/executors/thread-entry.ts, `distIsFresh`).
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** True when there is no build, or a file it was built from changed (or went) since it started. */
function stale() {
  try {
    const { started, inputs } = JSON.parse(readFileSync(`${ROOT}dist/build.json`, 'utf8'));
    if (typeof started !== 'number' || !Array.isArray(inputs)) return true;
    for (const file of inputs) if (statSync(ROOT + file).mtimeMs > started) return true;
    return false;
  } catch {
    return true;
  }
}

let main;
if (process.env.ENTENTE_FROM_SOURCE !== '1' && !stale()) {
  ({ main } = await import('../dist/main.js'));
} else {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write(
      'entente: dist/ is missing or older than src/, and tsx (a dev dependency) is not installed: run `npm run build`\n',
    );
    process.exit(2);
  }
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv);
