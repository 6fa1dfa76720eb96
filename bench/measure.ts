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

/** Wall-clock and CPU-time rates of one function. */
export interface Rates {
  /** Median window, calls per wall-clock second: what a user sees. */
  wall: number;
  /**
   * Best window, calls per wall-clock second: the code's speed with the least interference (as
   * Python's `timeit` advises, the minimum time is the one to read for code speed; on a shared
   * virtual machine the same loop swings by ±30% from one window to the next).
   */
  best: number;
  /**
   * Median window, calls per second of this process's CPU time (all its threads, so GC helpers
   * count against it). Equal to `wall` when no other process takes the core; when it is equal and
   * the figures still swing, the slowdown comes from the host, not from this machine's jobs.
   */
  cpu: number;
}

/**
 * Calls `fn` in `windows` windows of ~`seconds` each after a warm-up and returns the median and
 * best wall-clock rates and the median CPU-time rate over the windows.
 */
export function rates(fn: () => void, seconds = 0.2, windows = 15, warmup = 0.5): Rates {
  const stopWarm = performance.now() + warmup * 1000;
  while (performance.now() < stopWarm) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let w = 0; w < windows; w++) {
    let count = 0;
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    const stop = start + seconds * 1000;
    while (performance.now() < stop) for (let i = 0; i < 16; i++, count++) fn();
    const elapsed = (performance.now() - start) / 1000;
    const used = process.cpuUsage(cpu0);
    wall.push(count / elapsed);
    cpu.push(count / ((used.user + used.system) / 1e6));
  }
  const median = (v: number[]) => v.sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
  return { wall: median(wall), best: Math.max(...wall), cpu: median(cpu) };
}

export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Median milliseconds of `repeat` calls, after one warm-up call. */
export function medianMs(fn: () => void, repeat: number): number {
  fn();
  const times: number[] = [];
  for (let r = 0; r < repeat; r++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
