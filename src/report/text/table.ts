/** Plain-text tables with aligned columns; numbers right-aligned. No colours, so output pipes well. */
export type Cell = string | number;

export function formatNumber(x: number, digits = 1): string {
  if (Number.isNaN(x)) return '–';
  return x.toFixed(digits);
}

export function renderTable(
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  indent = '  ',
): string {
  const text = rows.map((r) => r.map((c) => (typeof c === 'number' ? formatNumber(c) : c)));
  const widths = header.map((h, j) => Math.max(h.length, ...text.map((r) => (r[j] ?? '').length)));
  const numeric = header.map(
    (_, j) => rows.length > 0 && rows.every((r) => typeof r[j] === 'number'),
  );
  const line = (cells: readonly string[]) =>
    indent +
    cells
      .map((c, j) => (numeric[j] ? c.padStart(widths[j]!) : c.padEnd(widths[j]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...text.map(line)].join('\n');
}
