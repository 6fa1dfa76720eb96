/**
 * Start-up as a user sees it: whole `entente` processes (bin/entente.js), median of 7 runs after
 * one warm-up, from the compiled CLI (dist/, built first by scripts/build.js) and from the
 * sources through tsx (`ENTENTE_FROM_SOURCE=1`, what every run was before the build existed).
 * Commands: `--version`, `forecast` on the built-in scenario, and the SMP alone on a 50-actor ×
 * 3-issue KTAB file generated like KTAB's `SMPActor::randomize` (issue 14's budgets: 0.10 s,
 * 0.30 s, 0.15 s). Each case prints the median wall time and the median CPU time (user +
 * system, every thread of the process, from GNU time when present), with the load average: on a
 * shared machine the wall time mostly measures the other jobs, the CPU time much less so (it
 * still grows with load: caches and the clock are shared); `node -e 0` gives Node's own share. Also the launcher's own cost: its check that dist/ is up to date.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '../src/core/rng.ts';
import type { BenchRow } from './measure.ts';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'entente.js');
const RUNS = 7;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * GNU time, when the machine has it: it reports the process's CPU time (user + system, every
 * thread) without changing the process. Without it the rows give wall times only.
 */
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/**
 * One whole `entente ARGS` process (or, with `bin` null, `node -e 0`: Node alone): its wall
 * time and CPU time (NaN without GNU time), in seconds.
 */
function entente(
  args: string[],
  fromSource: boolean,
  bin: string | null = BIN,
): { wall: number; cpu: number } {
  const argv = [process.execPath, ...(bin === null ? ['-e', '0'] : [bin, ...args])];
  const start = performance.now();
  const r = spawnSync(
    TIME ?? argv[0]!,
    TIME ? ['-f', 'entente-cpu %U %S', ...argv] : argv.slice(1),
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        ENTENTE_PROGRESS: 'never',
        ENTENTE_FROM_SOURCE: fromSource ? '1' : '0',
      },
    },
  );
  const wall = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`entente ${args.join(' ')} failed: ${r.stderr}`);
  const m = /entente-cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
  return { wall, cpu: m ? Number(m[1]) + Number(m[2]) : NaN };
}

/** bin/entente.js's check, as it does it: any input of the build newer than the build. */
function staleInputs(): string[] {
  const { started, inputs } = JSON.parse(
    readFileSync(join(ROOT, 'dist', 'build.json'), 'utf8'),
  ) as { started: number; inputs: string[] };
  return inputs.filter((f) => statSync(join(ROOT, f)).mtimeMs > started);
}

/** A KTAB CSV of n actors × d issues (KTAB's randomize: saliences sum to 75–99 per actor). */
function ktabCsv(n: number, d: number, seed: number): string {
  const rng = createRng(seed);
  const uniform = (lo: number, hi: number) => lo + (hi - lo) * rng.next();
  const dims = Array.from({ length: d }, (_, k) => `D${k + 1} Position,D${k + 1} Salience`);
  const lines = [
    `Bench,${n} actors x ${d} issues,${n},${d}`,
    `Actor,Description,Power,${dims.join(',')}`,
  ];
  for (let i = 0; i < n; i++) {
    const total = uniform(75, 99);
    const raw = Array.from({ length: d }, () => uniform(0.1, 1));
    const sum = raw.reduce((s, v) => s + v, 0);
    const cells = raw.map((r) => `${uniform(0, 100).toFixed(3)},${((total * r) / sum).toFixed(3)}`);
    lines.push(`A${i},actor ${i},${uniform(10, 200).toFixed(2)},${cells.join(',')}`);
  }
  return `${lines.join('\n')}\n`;
}

export function benchStartup(): BenchRow[] {
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.js')], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  const dir = mkdtempSync(join(tmpdir(), 'entente-startup-'));
  try {
    const csv = join(dir, 'ktab-50x3.csv');
    const yaml = join(dir, 'ktab-50x3.yaml');
    writeFileSync(csv, ktabCsv(50, 3, 50_003));
    entente(['import', 'ktab', csv, '--out', yaml], false);
    const cases: [string, string[]][] = [
      ['--version', ['--version']],
      ['forecast (built-in, all models)', ['forecast']],
      ['forecast --model smp, KTAB 50×3', ['forecast', yaml, '--model', 'smp']],
    ];
    const rows: BenchRow[] = [];
    const alone = Array.from({ length: RUNS }, () => entente([], false, null));
    rows.push(
      { name: 'node -e 0 (Node alone) · wall', value: median(alone.map((t) => t.wall)), unit: 's' },
      { name: 'node -e 0 (Node alone) · CPU', value: median(alone.map((t) => t.cpu)), unit: 's' },
    );
    for (const [name, args] of cases) {
      for (const fromSource of [false, true]) {
        entente(args, fromSource); // warm the file cache
        const load = loadavg()[0]!.toFixed(1);
        const times = Array.from({ length: RUNS }, () => entente(args, fromSource));
        const stale = fromSource ? [] : staleInputs();
        const how = fromSource ? 'tsx' : stale.length ? `STALE dist (${stale[0]}): tsx` : 'dist';
        rows.push(
          {
            name: `${name} · ${how} · wall, median of ${RUNS} (load ${load})`,
            value: median(times.map((t) => t.wall)),
            unit: 's',
          },
          {
            name: `${name} · ${how} · CPU (user + system), median of ${RUNS}`,
            value: median(times.map((t) => t.cpu)),
            unit: 's',
          },
        );
      }
    }
    // The launcher's check, in process (it stats every input of the build).
    const checks = Array.from({ length: RUNS }, () => {
      const start = performance.now();
      staleInputs();
      return performance.now() - start;
    });
    rows.push({
      name: 'bin/entente.js: is dist/ up to date? (stats its inputs)',
      value: median(checks),
      unit: 'ms',
    });
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
