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
  /** Calls per wall-clock second: what a user sees, but it drops when other jobs share the core. */
  wall: number;
  /**
   * Calls per second of this process's CPU time (all its threads, so GC helpers count against
   * it): what one core delivers while it runs the work, steadier on a shared machine.
   */
  cpu: number;
}

/**
 * Calls `fn` in `windows` windows of ~`seconds` each after a warm-up and returns the median
 * wall-clock and CPU-time rates over the windows (a median, so that a burst of load from other
 * jobs during one window does not move the figure).
 */
export function rates(fn: () => void, seconds = 0.3, windows = 5, warmup = 0.3): Rates {
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
  return { wall: median(wall), cpu: median(cpu) };
}

export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
