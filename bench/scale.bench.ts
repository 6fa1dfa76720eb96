/**
 * Scale (issue 17): whole `entente` processes on large random scenarios (`scale-scenario.ts`:
 * capability 1–100, position 0–100, salience 10–100, one issue with reference point 50), wall
 * time and the process's peak RSS. Budgets: a 2,000-actor forecast with the point models in
 * < 10 s and < 1 GB; a 500-actor EUM `--json` in < 5 s. The SMP's work grows as actors³ per turn,
 * so it is refused beyond its limit (200 actors, `ENTENTE_MAX_SMP_ACTORS`) and measured at it.
 * `ENTENTE_BENCH_BIN` runs another checkout's bin/entente.js (for before/after figures).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchRow } from './measure.ts';
import { scaleScenario } from './scale-scenario.ts';

const ROOT = join(import.meta.dirname, '..');
const BIN = process.env.ENTENTE_BENCH_BIN ?? join(ROOT, 'bin', 'entente.js');
/** Prints the process's peak RSS (KB) on stderr as it exits. */
const RSS_PROBE =
  "data:text/javascript,import{writeSync}from'node:fs';process.on('exit',()=>writeSync(2,'\\nentente-maxrss '+process.resourceUsage().maxRSS+'\\n'))";

interface Measured {
  seconds: number;
  rssMb: number;
  outBytes: number;
}

function run(args: string[], timeoutMs = 120_000): Measured {
  const start = performance.now();
  const r = spawnSync(process.execPath, ['--import', RSS_PROBE, BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 2 ** 30,
    timeout: timeoutMs,
    env: { ...process.env, ENTENTE_PROGRESS: 'never' },
  });
  const seconds = (performance.now() - start) / 1000;
  if (r.status !== 0) {
    const why = r.error ? r.error.message : r.stderr.trim().split('\n').slice(-3).join(' | ');
    throw new Error(`entente ${args.join(' ')} failed (${r.status ?? r.signal}): ${why}`);
  }
  const rss = /entente-maxrss (\d+)/.exec(r.stderr);
  return { seconds, rssMb: rss ? Number(rss[1]) / 1024 : NaN, outBytes: r.stdout.length };
}

function rows(name: string, m: Measured): BenchRow[] {
  return [
    { name: `${name}: wall`, value: m.seconds, unit: 's' },
    { name: `${name}: peak RSS`, value: m.rssMb, unit: 'MB' },
    { name: `${name}: output`, value: m.outBytes / 1e6, unit: 'MB' },
  ];
}

export function benchScale(): BenchRow[] {
  const dir = mkdtempSync(join(tmpdir(), 'entente-scale-'));
  const file = (n: number) => {
    const path = join(dir, `scale-${n}.json`);
    writeFileSync(path, JSON.stringify(scaleScenario(n)));
    return path;
  };
  try {
    const s2000 = file(2000);
    const s500 = file(500);
    const s200 = file(200);
    const s5000 = file(5000);
    const out: BenchRow[] = [];
    const point = ['--model', 'mean,median,nash,eum,ensemble'];
    out.push(
      ...rows(
        '2,000 actors, mean/median/nash/eum/ensemble --json',
        run(['forecast', s2000, ...point, '--json']),
      ),
      ...rows('2,000 actors, default models (SMP left out), text', run(['forecast', s2000])),
      ...rows('500 actors, eum --json', run(['forecast', s500, '--model', 'eum', '--json'])),
      ...rows(
        '200 actors (the SMP limit), smp --json',
        run(['forecast', s200, '--model', 'smp', '--json']),
      ),
      ...rows('5,000 actors (the actor limit), validate', run(['validate', s5000])),
    );
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
