/** Benchmark helpers: runs a function repeatedly for a time budget and reports runs per second. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
}

/** Calls `fn` for ~`seconds` after a warm-up and returns calls per second. */
export function runsPerSecond(fn: () => void, seconds = 1, warmup = 0.2): number {
  const until = (s: number) => performance.now() + s * 1000;
  let stop = until(warmup);
  while (performance.now() < stop) fn();
  let count = 0;
  const start = performance.now();
  stop = until(seconds);
  // Check the clock every 16 calls so timing overhead stays out of fast loops.
  while (performance.now() < stop) for (let i = 0; i < 16; i++, count++) fn();
  return count / ((performance.now() - start) / 1000);
}

export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
