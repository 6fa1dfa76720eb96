import { makeNumericInput } from '../src/core/numeric-input.ts';
import { createRng } from '../src/core/rng.ts';
import { compromise } from '../src/models/compromise.ts';
import { median } from '../src/models/median.ts';
import { NASH_DEFAULTS, nash } from '../src/models/nash.ts';
import { type BenchRow, runsPerSecond } from './measure.ts';

/** Baseline models' throughput on 10 and 50 random actors × 2 issues, one core. */
export function benchBaselines(): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const n of [10, 50]) {
    const rng = createRng(42);
    const d = 2;
    const input = makeNumericInput({
      d,
      capability: Array.from({ length: n }, () => rng.next()),
      position: Array.from({ length: n * d }, () => rng.next() * 100),
      salience: Array.from({ length: n * d }, () => rng.next()),
    });
    const ctx = { rng, trace: false };
    rows.push({
      name: `mean, ${n} actors × ${d} issues`,
      value: runsPerSecond(() => compromise.run(input, {}, ctx), 0.5),
      unit: 'runs/s',
    });
    rows.push({
      name: `median, ${n} actors × ${d} issues`,
      value: runsPerSecond(() => median.run(input, {}, ctx), 0.5),
      unit: 'runs/s',
    });
    rows.push({
      name: `nash, ${n} actors × ${d} issues`,
      value: runsPerSecond(() => nash.run(input, NASH_DEFAULTS, ctx), 0.5),
      unit: 'runs/s',
    });
  }
  return rows;
}
