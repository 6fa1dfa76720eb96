/**
 * `npm run bench`: prints throughput figures (runs/s, seconds per run, peak memory) for every
 * model. Figures, not pass/fail: budgets are checked by reading them (docs/benchmarks.md).
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import type { BenchRow } from './measure.ts';
import { peakRssMb } from './measure.ts';

type Suite = { name: string; load: () => Promise<() => BenchRow[] | Promise<BenchRow[]>> };

const suites: Suite[] = [
  { name: 'baselines', load: async () => (await import('./baselines.bench.ts')).benchBaselines },
  { name: 'eum', load: async () => (await import('./eum.bench.ts')).benchEum },
  { name: 'smp', load: async () => (await import('./smp.bench.ts')).benchSmp },
  { name: 'mc', load: async () => (await import('./mc.bench.ts')).benchMc },
  { name: 'coalitions', load: async () => (await import('./coalitions.bench.ts')).benchCoalitions },
  { name: 'commitment', load: async () => (await import('./commitment.bench.ts')).benchCommitment },
  { name: 'compare', load: async () => (await import('./compare.bench.ts')).benchCompare },
  { name: 'backtest', load: async () => (await import('./backtest.bench.ts')).benchBacktest },
  { name: 'joins', load: async () => (await import('./joins.bench.ts')).benchJoins },
  { name: 'evidence', load: async () => (await import('./evidence.bench.ts')).benchEvidence },
  { name: 'server', load: async () => (await import('./server.bench.ts')).benchServer },
  { name: 'scale', load: async () => (await import('./scale.bench.ts')).benchScale },
  { name: 'crash', load: async () => (await import('./crash.bench.ts')).benchCrash },
  { name: 'load', load: async () => (await import('./load.bench.ts')).benchLoad },
  { name: 'startup', load: async () => (await import('./startup.bench.ts')).benchStartup },
  {
    name: 'distributed',
    load: async () => (await import('./distributed.bench.ts')).benchDistributed,
  },
];

const only = process.argv.slice(2);
console.log(
  `entente bench · node ${process.version} · ${cpus()[0]?.model ?? 'cpu'} · ${availableParallelism()} cores · load ${loadavg()[0]!.toFixed(2)}`,
);
for (const suite of suites) {
  if (only.length && !only.includes(suite.name)) continue;
  const bench = await suite.load();
  console.log(`\n## ${suite.name}`);
  for (const row of await bench()) {
    const v =
      row.value >= 100 ? Math.round(row.value).toLocaleString('en-US') : row.value.toPrecision(3);
    console.log(`  ${row.name.padEnd(66)} ${v.padStart(12)} ${row.unit}`);
  }
}
console.log(`\npeak RSS ${peakRssMb().toFixed(0)} MB · load ${loadavg()[0]!.toFixed(2)}`);
