#!/usr/bin/env node
/**
 * Builds the compiled CLI and worker thread into dist/ with esbuild (the same esbuild tsx runs the
 * sources with). `npm ci` runs it (`prepare`), and so does `npm test` (`pretest`).
 *
 *   dist/main.js          the CLI (src/cli/main.ts), run by bin/entente.js when it is up to date
 *   dist/pool-worker.js   the worker thread's entry (piscina pool and `entente worker`)
 *   dist/chunk-*.js       shared code and every command's code, split at each dynamic import(),
 *                         so a command still loads only what it uses
 *   dist/build.json       when the build started, and the files it was built from (sources,
 *                         package.json, this script): bin/entente.js runs dist only while none
 *                         of them is newer than that (a new file matters only once an
 *                         existing one imports it, which makes that one newer)
 *
 * npm packages stay external (resolved from node_modules at run time). Files that the sources find
 * through `import.meta.url` (scenarios/, web/dist, JSON and CSV data under src/) are read where
 * they are: in each source module, `import.meta.url` is rewritten to the URL of that module's own
 * source file, computed from the output file's place (every output file sits directly in dist/).
 *
 * Files are written one by one through a temporary name and a rename, entries and build.json
 * last, so a CLI process starting during a build sees either the old build or the new one;
 * chunks of earlier builds are removed once they are ten minutes old.
 */
import {
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist');
const STALE_CHUNK_MS = 10 * 60_000;

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  // `npm ci --omit=dev` has no esbuild: keep whatever dist/ holds; bin/entente.js falls back.
  console.warn('entente build: esbuild is not installed (dev dependency); dist/ not built');
  process.exit(0);
}

/** `import.meta.url` (and `dirname`/`filename`) of a source module → its source file's URL. */
const sourceUrls = {
  name: 'source-urls',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?ts$/ }, (args) => {
      let text = readFileSync(args.path, 'utf8');
      if (text.includes('import.meta.')) {
        const rel = relative(OUT, args.path).split(sep).join('/');
        const url = `new URL(${JSON.stringify(rel)}, import.meta.url).href`;
        text = text
          .replace(/\bimport\.meta\.url\b/g, url)
          .replace(/\bimport\.meta\.filename\b/g, `__entente_path(${url})`)
          .replace(
            /\bimport\.meta\.dirname\b/g,
            `__entente_path(new URL(".", ${url}).href).replace(/[\\\\/]$/, "")`,
          );
        if (text.includes('__entente_path(')) {
          text = `import { fileURLToPath as __entente_path } from 'node:url';\n${text}`;
        }
      }
      return { contents: text, loader: 'ts' };
    });
  },
};

/**
 * npm packages bundled into dist/ instead of resolved from node_modules at run time: pure-JS
 * packages made of many small modules, where a cold process spends more time finding, reading and
 * compiling them one by one than running them: yaml (≈ 80 CommonJS modules), zod (≈ 100 ES
 * modules with its locales) and the OpenAPI packages that extend it (one zod instance), kysely
 * (≈ 260 ES modules, loaded by every command that opens the store, `serve` first), Observable
 * Plot and d3 (≈ 110 ES modules, reports). Native modules (better-sqlite3), the HTTP server
 * (hono, whose classes the server code and its middleware share), jsdom, Redis, pg and the pool
 * stay external; everything loads only in the commands that use it. package-lock.json is an
 * input of the build, so another version of one of these makes dist/ out of date.
 */
const BUNDLED = new Set([
  'commander',
  'yaml',
  'pure-rand',
  'cli-progress',
  'zod',
  '@hono/zod-openapi',
  '@hono/zod-validator',
  '@asteasolutions/zod-to-openapi',
  'openapi3-ts',
  'kysely',
  '@observablehq/plot',
  'd3',
  'isoformat',
  'interval-tree-1d',
  'binary-search-bounds',
  'internmap',
  'delaunator',
  'robust-predicates',
]);
const bundled = (name) => BUNDLED.has(name) || name.startsWith('d3-');
const packageName = (spec) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');
const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      bundled(packageName(args.path)) && args.kind !== 'entry-point'
        ? undefined
        : { path: args.path, external: true },
    );
  },
};

/**
 * zod's namespace re-exports all its ~50 locales (`z.locales`, ≈ 400 KiB of message tables, most of
 * the bundled zod); Entente's messages are its own and zod's default is English, so the bundle
 * keeps only `en`: `z.locales` has `en` alone.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)
        ? { path: join(dirname(args.importer), '..', 'locales', 'en.js'), namespace: 'zod-locales' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};

const started = Date.now();
const result = await esbuild
  .build({
    absWorkingDir: ROOT,
    entryPoints: { main: 'src/cli/main.ts', 'pool-worker': 'src/analysis/task-thread.ts' },
    outdir: OUT,
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    sourcemap: 'linked',
    define: { __ENTENTE_BUNDLE__: 'true' },
    // The bundled CommonJS packages require Node's built-ins (commander: node:events, …).
    banner: {
      js: "import { createRequire as __entente_require } from 'node:module'; const require = __entente_require(import.meta.url);",
    },
    plugins: [zodEnglishOnly, externalPackages, sourceUrls],
    write: false,
    metafile: true,
    logLevel: 'warning',
  })
  .catch(() => process.exit(1)); // esbuild has printed the errors

mkdirSync(OUT, { recursive: true });
const written = new Set();
const write = (path, contents) => {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, path);
  written.add(path);
};
const isEntry = (path) => /[\\/](main|pool-worker)\.js(\.map)?$/.test(path);
for (const file of result.outputFiles) if (!isEntry(file.path)) write(file.path, file.contents);
for (const file of result.outputFiles) if (isEntry(file.path)) write(file.path, file.contents);
// The built-in scenarios, parsed once here: the CLI's YAML parse of the 1,800-line East Asia file
// was a third of `entente forecast`. Each cache records the sha256 of the text it came from;
// src/io/builtin-scenarios.ts uses it only while the text is unchanged (else it parses the file).
const { parseDocument } = await import('yaml');
mkdirSync(join(OUT, 'scenarios'), { recursive: true });
written.add(join(OUT, 'scenarios'));
for (const name of readdirSync(join(ROOT, 'scenarios'))) {
  if (!/\.(ya?ml|json)$/.test(name)) continue;
  const text = readFileSync(join(ROOT, 'scenarios', name), 'utf8');
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) continue; // the CLI reports it, with its position
  const sha256 = createHash('sha256').update(text).digest('hex');
  const raw = doc.toJS({ maxAliasCount: -1 });
  write(join(OUT, 'scenarios', `${name}.json`), `${JSON.stringify({ sha256, raw })}\n`);
}
// What bin/entente.js checks: every file the bundle was built from, and this script.
const inputs = [
  ...Object.keys(result.metafile.inputs).filter((f) => !f.split('/').includes('node_modules')),
  'package-lock.json',
  'scripts/build.js',
];
write(
  join(OUT, 'build.json'),
  `${JSON.stringify({ started, esbuild: esbuild.version, inputs }, null, 2)}\n`,
);

// Chunks of earlier builds: kept a while for processes that started on them, then removed.
for (const name of readdirSync(OUT)) {
  const path = join(OUT, name);
  if (written.has(path)) continue;
  try {
    if (Date.now() - statSync(path).mtimeMs > STALE_CHUNK_MS) rmSync(path, { force: true });
  } catch {
    // removed by another build meanwhile
  }
}

const bytes = result.outputFiles.reduce(
  (n, f) => n + (f.path.endsWith('.js') ? f.contents.length : 0),
  0,
);
const files = result.outputFiles.filter((f) => f.path.endsWith('.js')).length;
console.log(
  `entente build: dist/ (${files} files, ${(bytes / 1024).toFixed(0)} KiB of JS) in ${Date.now() - started} ms`,
);
