/**
 * A linear scale maps a domain [d0, d1] onto a range [r0, r1] (pixels), as d3-scale's
 * scaleLinear; `ticks` gives round values (1, 2, 2.5, 5 × 10^k steps) across the domain.
 */
export interface LinearScale {
  (x: number): number;
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
  ticks(count?: number): number[];
}

export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  const f = (x: number) => r0 + (x - d0) * k;
  return Object.assign(f, {
    domain,
    range,
    ticks: (count = 5) => niceTicks(Math.min(d0, d1), Math.max(d0, d1), count),
  });
}

/** Round tick values covering [min, max], about `count` of them. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  const span = max - min;
  if (!(span > 0) || !Number.isFinite(span)) return [min];
  const raw = span / Math.max(1, count);
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * pow).find((s) => span / s <= count) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(min / step - 1e-9) * step; v <= max + step * 1e-9; v += step) {
    out.push(Math.round(v * 1e9) / 1e9);
  }
  return out;
}

/** A tick label: integers as such, others with up to 2 decimals. */
export function tickLabel(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100);
}
