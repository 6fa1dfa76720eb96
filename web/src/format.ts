/** Numbers as the workbench shows them. */

/** One decimal, trailing zero dropped; '–' for a missing or non-finite value. */
export const fmt = (x: number | undefined | null): string =>
  x === undefined || x === null || !Number.isFinite(x) ? '–' : (Math.round(x * 10) / 10).toString();

/**
 * A forecast next to its threshold verdict: one decimal, or as many (up to 4) as it takes for a
 * value below the threshold not to read as the threshold itself ("50 no" next to "50 yes": the
 * first is 49.96). A value within rounding of it is shown as "< 50".
 */
export function fmtAgainst(
  x: number | undefined | null,
  threshold: number | null | undefined,
  meets: boolean | undefined,
): string {
  const shown = fmt(x);
  if (x === undefined || x === null || !Number.isFinite(x) || threshold == null) return shown;
  const t = Number(fmt(threshold));
  if (meets !== false || Number(shown) !== t) return shown;
  for (let d = 2; d <= 4; d++) {
    const s = x.toFixed(d).replace(/\.?0+$/, '');
    if (Number(s) !== t) return s;
  }
  return `< ${fmt(threshold)}`;
}
