/**
 * KTAB's spatial model of politics: full runs on generated scenarios of 10, 25, 50, 100 actors ×
 * 1, 3, 5 issues, seconds per run (median of warm runs), turns, and the first (cold) run of
 * 50 × 3. Scenarios follow KTAB's own random generator (`SMPActor::randomize`, used by its
 * `--euSMP` demo): power uniform on [10, 200], positions uniform on [0, 1] (here 0–100), an
 * overall salience uniform on [0.75, 0.99] split over the issues in proportion to uniform
 * [0.1, 1] draws. Seeded, so every run of the bench times the same scenarios.
 *
 * Targets (issue 4, one core): 50 × 3 < 0.15 s, 100 × 3 < 2 s, peak memory < 200 MB.
 */
import { type NumericInput, makeNumericInput } from '../src/core/numeric-input.ts';
import { createRng } from '../src/core/rng.ts';
import { SMP_DEFAULTS } from '../src/models/smp/options.ts';
import { smp } from '../src/models/smp/smp.ts';
import { type BenchRow, peakRssMb } from './measure.ts';

/** A KTAB-style random scenario (KTAB `SMPActor::randomize`). */
export function ktabRandomScenario(n: number, d: number, seed: number): NumericInput {
  const rng = createRng(seed);
  const uniform = (lo: number, hi: number) => lo + (hi - lo) * rng.next();
  const capability: number[] = [];
  const position: number[] = [];
  const salience: number[] = [];
  for (let i = 0; i < n; i++) {
    capability.push(uniform(10, 200));
    const total = uniform(0.75, 0.99);
    const raw = Array.from({ length: d }, () => uniform(0.1, 1));
    const sum = raw.reduce((s, v) => s + v, 0);
    for (let k = 0; k < d; k++) {
      position.push(100 * uniform(0, 1));
      salience.push((total * raw[k]!) / sum);
    }
  }
  return makeNumericInput({ capability, position, salience, d });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** One full run: wall-clock seconds, process CPU seconds (robust to other load on the machine), turns. */
function timeRun(input: NumericInput): { wall: number; cpu: number; turns: number } {
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const r = smp.run(input, SMP_DEFAULTS, { rng: createRng(1), trace: false });
  const wall = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1e6, turns: r.rounds };
}

export function benchSmp(): BenchRow[] {
  const rows: BenchRow[] = [];
  // The cold run first, before any other SMP code has been compiled.
  const cold = timeRun(ktabRandomScenario(50, 3, 50_003));
  rows.push({
    name: 'smp 50 actors × 3 issues, first (cold) run',
    value: cold.wall,
    unit: `s wall, ${cold.cpu.toFixed(3)} s CPU (${cold.turns} turns)`,
  });
  const reps: Record<number, number> = { 10: 20, 25: 10, 50: 5, 100: 3 };
  for (const n of [10, 25, 50, 100]) {
    for (const d of [1, 3, 5]) {
      const input = ktabRandomScenario(n, d, n * 1000 + d);
      const wall: number[] = [];
      const cpu: number[] = [];
      let turns = 0;
      for (let r = 0; r < reps[n]!; r++) {
        const t = timeRun(input);
        wall.push(t.wall);
        cpu.push(t.cpu);
        turns = t.turns;
      }
      const w = median(wall);
      rows.push({
        name: `smp ${n} actors × ${d} issues, s per run`,
        value: w,
        unit: `s wall, ${median(cpu).toPrecision(3)} s CPU (${turns} turns, ${((1000 * w) / turns).toPrecision(3)} ms/turn; median of ${reps[n]})`,
      });
    }
  }
  rows.push({ name: 'smp peak RSS (whole process so far)', value: peakRssMb(), unit: 'MB' });
  return rows;
}
