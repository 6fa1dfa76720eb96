/**
 * Screenshot snapshots: compare a PNG with the one checked into the repo, with a tolerance for
 * anti-aliasing and sub-pixel font differences between machines (pixelmatch's per-pixel colour
 * threshold, and a small share of pixels that may differ). A missing snapshot is written and the
 * comparison fails (run again to pass); `ENTENTE_UPDATE_SNAPSHOTS=1` rewrites every snapshot.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

export interface SnapshotResult {
  ok: boolean;
  /** Share of pixels that differ beyond the colour threshold (0–1). */
  diffShare: number;
  message: string;
}

export const DEFAULT_TOLERANCE = {
  /** pixelmatch's YIQ colour distance below which two pixels count as equal (0–1). */
  threshold: 0.15,
  /** The share of pixels allowed to differ. */
  maxDiffShare: 0.005,
};

/** The share of differing pixels between two PNG images of one size, and the diff image. */
export function diffPngs(
  expected: Buffer,
  actual: Buffer,
  threshold = DEFAULT_TOLERANCE.threshold,
): { diffShare: number; diff: Buffer } | { sizeMismatch: string } {
  const a = PNG.sync.read(expected);
  const b = PNG.sync.read(actual);
  if (a.width !== b.width || a.height !== b.height)
    return { sizeMismatch: `${a.width}×${a.height} expected, ${b.width}×${b.height} taken` };
  const diff = new PNG({ width: a.width, height: a.height });
  const n = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold });
  return { diffShare: n / (a.width * a.height), diff: PNG.sync.write(diff) };
}

export function compareSnapshot(
  dir: string,
  name: string,
  actual: Buffer,
  tolerance = DEFAULT_TOLERANCE,
): SnapshotResult {
  const file = join(dir, `${name}.png`);
  if (process.env.ENTENTE_UPDATE_SNAPSHOTS === '1' || !existsSync(file)) {
    const existed = existsSync(file);
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, actual);
    return {
      ok: existed,
      diffShare: 0,
      message: existed
        ? `${file} rewritten (ENTENTE_UPDATE_SNAPSHOTS=1)`
        : `${file} did not exist: written now; look at it, commit it and run again`,
    };
  }
  const out = join(tmpdir(), 'entente-visual');
  const result = diffPngs(readFileSync(file), actual, tolerance.threshold);
  if ('sizeMismatch' in result) {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, `${name}.actual.png`), actual);
    return { ok: false, diffShare: 1, message: `${name}: size ${result.sizeMismatch}` };
  }
  const ok = result.diffShare <= tolerance.maxDiffShare;
  if (!ok) {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, `${name}.actual.png`), actual);
    writeFileSync(join(out, `${name}.diff.png`), result.diff);
  }
  const pct = (x: number) => `${(100 * x).toFixed(2)} %`;
  return {
    ok,
    diffShare: result.diffShare,
    message: ok
      ? `${name}: ${pct(result.diffShare)} of pixels differ (≤ ${pct(tolerance.maxDiffShare)})`
      : `${name}: ${pct(result.diffShare)} of pixels differ (> ${pct(tolerance.maxDiffShare)}); ` +
        `taken and diff in ${out}/${name}.{actual,diff}.png; if the change is intended, ` +
        `look at them and run ENTENTE_UPDATE_SNAPSHOTS=1 npx vitest run test/visual.test.ts`,
  };
}
