/**
 * The layer order (docs/architecture.md, "Layers"), enforced: every import in `src/` and `web/src/`
 * (static, `export … from`, dynamic `import()`, type-only included) goes from a layer to one it
 * may use, that is, one listed before it that it names. Pure layers read no files, start no
 * process and read no clock. Exceptions are listed below, each with its reason; an exception
 * that no longer matches anything fails too, so the list stays true.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

/**
 * The layers, lowest first. A layer may import only the layers in its `may` list (each listed
 * before it) and itself. `pure`: no file, process or network I/O and no clock.
 */
const LAYERS: readonly { name: string; may: readonly string[]; pure: boolean }[] = [
  { name: 'core', may: [], pure: true },
  { name: 'formats', may: ['core'], pure: true },
  { name: 'models', may: ['core'], pure: true },
  { name: 'executors', may: ['core'], pure: false },
  { name: 'sampling', may: ['core'], pure: true },
  { name: 'coalitions', may: ['core', 'models', 'executors', 'sampling'], pure: true },
  { name: 'evidence', may: ['core', 'formats'], pure: true },
  {
    name: 'analysis',
    may: ['core', 'formats', 'models', 'executors', 'sampling', 'coalitions'],
    pure: true,
  },
  // Chart specifications (Observable Plot): result data in, plot options out; drawn by the
  // reports (SVG through jsdom) and the workbench alike, so they sit below both.
  { name: 'charts', may: ['core', 'models', 'sampling', 'coalitions', 'analysis'], pure: true },
  {
    name: 'report',
    may: ['core', 'formats', 'models', 'executors', 'sampling', 'coalitions', 'analysis', 'charts'],
    pure: true,
  },
  { name: 'io', may: ['core'], pure: false },
  { name: 'store', may: ['core'], pure: false },
  {
    name: 'server',
    may: [
      'core',
      'formats',
      'models',
      'executors',
      'sampling',
      'coalitions',
      'evidence',
      'analysis',
      'charts',
      'report',
      'io',
      'store',
    ],
    pure: false,
  },
  {
    name: 'web',
    may: ['core', 'formats', 'models', 'sampling', 'coalitions', 'analysis', 'charts', 'report'],
    pure: false,
  },
  {
    name: 'cli',
    may: [
      'core',
      'formats',
      'models',
      'executors',
      'sampling',
      'coalitions',
      'evidence',
      'analysis',
      'charts',
      'report',
      'io',
      'store',
      'server',
    ],
    pure: false,
  },
];

/** The layer of a file (a path relative to the repository, with `/`). */
function layerOf(file: string): string {
  if (file.startsWith('web/')) return 'web';
  if (file === 'src/version.ts') return 'core';
  // The draws of uncertain inputs and the chunk plan: shared by the coalition commitment
  // model's draws and by the analyses, so they sit below both (they import only core).
  if (file.startsWith('src/analysis/uncertainty/') || file === 'src/analysis/monte-carlo/chunks.ts')
    return 'sampling';
  return file.split('/')[1]!;
}

/** Imports allowed against the order, each with its reason. */
const EXCEPTIONS: readonly { from: string; to: string; why: string }[] = [
  {
    from: 'src/models/ensemble.ts',
    to: 'src/analysis/backtest/ensemble.json',
    why: "data only: the ensemble's weights, fitted by the backtest (`entente backtest --fit`), read as JSON",
  },
];

/** Code that reads the disk, a process or the clock although its layer is pure. */
const IMPURE_EXCEPTIONS: readonly { file: string; why: string }[] = [
  {
    file: 'src/report/scenario-report/print-pdf.ts',
    why: 'the one adapter of the report layer: prints HTML to PDF through Chromium',
  },
];

/** Tests and what only tests use: they may import across layers (a test of a low layer runs its
 * clients). Test support must be imported by tests only. */
function isTestSupport(file: string): boolean {
  return (
    /\.test\.tsx?$/.test(file) ||
    /(^|\/)(contract|testdata)\.ts$/.test(file) ||
    file.includes('/fixtures/')
  );
}

function sources(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && e.name !== 'dist') walk(p);
      } else if (/\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
    }
  };
  walk(join(ROOT, dir));
  return out;
}

const posix = (p: string) => p.split(sep).join('/');

/** Relative imports of a file, resolved to repository paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [
    ...text.matchAll(/^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/gm),
    ...text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]!);
  return specs
    .filter((s) => s.startsWith('.'))
    .map((s) => posix(relative(ROOT, resolve(dirname(file), s))));
}

const files = [...sources('src'), ...sources('web/src')].map((f) => ({
  abs: f,
  file: posix(relative(ROOT, f)),
}));
const byName = new Map(LAYERS.map((l, i) => [l.name, { ...l, rank: i }]));

describe('the layer order', () => {
  it('lists each layer once, and lets a layer use only layers listed before it', () => {
    expect(byName.size).toBe(LAYERS.length);
    for (const [name, layer] of byName)
      for (const m of layer.may)
        expect(byName.get(m)?.rank, `${name} may use ${m}`).toBeLessThan(layer.rank);
  });

  it('puts every source file in a known layer', () => {
    const unknown = files.map((f) => f.file).filter((f) => !byName.has(layerOf(f)));
    expect(unknown).toEqual([]);
  });

  it('has no import from a layer to one it may not use (exceptions listed with their reason)', () => {
    const bad: string[] = [];
    const used = new Set<string>();
    for (const { abs, file } of files) {
      if (isTestSupport(file)) continue;
      const from = layerOf(file);
      const layer = byName.get(from)!;
      for (const target of importsOf(abs)) {
        if (!target.startsWith('src/') && !target.startsWith('web/')) continue; // package.json
        const to = layerOf(target);
        if (to === from || layer.may.includes(to)) continue;
        const exception = EXCEPTIONS.find((e) => e.from === file && e.to === target);
        if (exception) {
          used.add(`${exception.from} -> ${exception.to}`);
          continue;
        }
        bad.push(`${file} (${from}) imports ${target} (${to})`);
      }
    }
    expect(bad).toEqual([]);
    expect(EXCEPTIONS.map((e) => `${e.from} -> ${e.to}`)).toEqual([...used]);
  });

  it('lets only tests import test support', () => {
    const bad = files
      .filter(({ file }) => !isTestSupport(file))
      .flatMap(({ abs, file }) =>
        importsOf(abs)
          .filter((t) => isTestSupport(t))
          .map((t) => `${file} imports ${t}`),
      );
    expect(bad).toEqual([]);
  });

  it('keeps the pure layers pure: no file, process or network I/O, no clock', () => {
    const io =
      /from\s+['"]node:(fs|fs\/promises|child_process|net|http|https|os|worker_threads)['"]/;
    const clock = /\bDate\.now\(\)|\bnew Date\(\)|\bperformance\.now\(\)/;
    const bad: string[] = [];
    const used = new Set<string>();
    for (const { abs, file } of files) {
      if (isTestSupport(file) || !byName.get(layerOf(file))!.pure) continue;
      const text = readFileSync(abs, 'utf8');
      const what = [io.test(text) ? 'I/O' : '', clock.test(text) ? 'the clock' : '']
        .filter(Boolean)
        .join(' and ');
      if (!what) continue;
      if (IMPURE_EXCEPTIONS.some((e) => e.file === file)) used.add(file);
      else bad.push(`${file} uses ${what}`);
    }
    expect(bad).toEqual([]);
    expect(IMPURE_EXCEPTIONS.map((e) => e.file)).toEqual([...used]);
  });
});
