/**
 * Throughput of Bueno de Mesquita's expected utility model (issue 3; docs/spec/eum.md), one core,
 * untraced as in a Monte Carlo. Budgets: ≥ 20,000 runs/s on the EC car emissions case
 * (10 actors × 10 rounds) and ≥ 200 runs/s on 50 random actors × 10 rounds. The budgeted cases
 * print the median and the best of fifteen 0.2 s windows, and the median per CPU-second (see
 * `rates`).
 */
import { type NumericInput, makeNumericInput } from '../src/core/numeric-input.ts';
import { createRng } from '../src/core/rng.ts';
import { eum } from '../src/models/eum/eum.ts';
import { loadBdmCsv } from '../src/models/eum/fixtures/load-bdm-csv.ts';
import { EUM_DEFAULTS, type EumOptions } from '../src/models/eum/options.ts';
import { type BenchRow, rates, runsPerSecond } from './measure.ts';

/** n actors on one 0–100 issue, drawn from a seeded stream. */
function randomActors(n: number, seed: number): NumericInput {
  const rng = createRng(seed);
  return makeNumericInput({
    capability: Array.from({ length: n }, () => 0.05 + rng.next()),
    position: Array.from({ length: n }, () => rng.next() * 100),
    salience: Array.from({ length: n }, () => 0.1 + 0.9 * rng.next()),
  });
}

export function benchEum(): BenchRow[] {
  const ec = loadBdmCsv('bdm1994_ec_car_emissions.csv');
  const random50 = randomActors(50, 42);
  const random200 = randomActors(200, 42);
  const quiet = { rng: createRng(1), trace: false };
  const traced = { rng: createRng(1), trace: true };
  const options = (o: Partial<EumOptions> = {}): EumOptions => ({ ...EUM_DEFAULTS, ...o });
  const scholz = options();
  const printed = options({ variant: 'printed' });
  const rate = (input: NumericInput, o: EumOptions, ctx = quiet, seconds = 1) =>
    runsPerSecond(() => eum.run(input, o, ctx), seconds, 0.3);
  const budgeted = (name: string, input: NumericInput): BenchRow[] => {
    const r = rates(() => eum.run(input, scholz, quiet));
    return [
      { name: `${name}, median`, value: r.wall, unit: 'runs/s' },
      { name: `${name}, best window`, value: r.best, unit: 'runs/s' },
      { name: `${name}, median per CPU-s`, value: r.cpu, unit: 'runs/s' },
    ];
  };
  return [
    ...budgeted('eum scholz2011, EC, 10 actors × 10 rounds', ec),
    {
      name: 'eum printed, EC car emissions (10 actors × 10 rounds)',
      value: rate(ec, printed),
      unit: 'runs/s',
    },
    {
      name: 'eum scholz2011, EC car emissions, traced (detail)',
      value: rate(ec, scholz, traced, 0.5),
      unit: 'runs/s',
    },
    ...budgeted('eum scholz2011, 50 random actors × 10 rounds', random50),
    {
      name: 'eum scholz2011, 200 random actors × 10 rounds',
      value: rate(random200, scholz, quiet, 1),
      unit: 'runs/s',
    },
  ];
}
