/**
 * Label placement, so labels never pile up. Plot draws text where the data says; these passes
 * move the labels (not the data) in pixel space, given the chart's known geometry, and the
 * specs convert the result back to data coordinates.
 */

/**
 * Spreads labels along one axis (end-of-line labels on a line chart): each label keeps its
 * order and moves as little as possible so that consecutive labels are at least `gap` apart,
 * inside [lo, hi]. A pool-adjacent-violators pass: overlapping labels merge into a block centred
 * on the mean of their wanted positions, blocks merge until none overlap, then the blocks are
 * pushed inside the bounds. Returns the positions in the input's order.
 */
export function spreadLabels(
  wanted: readonly number[],
  gap: number,
  lo = -Infinity,
  hi = Infinity,
): number[] {
  const n = wanted.length;
  if (n === 0) return [];
  const order = wanted.map((_, i) => i).sort((a, b) => wanted[a]! - wanted[b]! || a - b);
  // Blocks of consecutive labels (in sorted order): first index, size, and the block's top.
  const blocks: { first: number; size: number; top: number; sum: number }[] = [];
  order.forEach((idx, k) => {
    // A block's labels sit at top, top + gap, …; the top that keeps their mean is (Σ(w − j·gap))/size.
    let b = { first: k, size: 1, sum: wanted[idx]!, top: wanted[idx]! };
    while (blocks.length > 0) {
      const prev = blocks[blocks.length - 1]!;
      if (prev.top + prev.size * gap <= b.top) break;
      blocks.pop();
      const size = prev.size + b.size;
      const sum = prev.sum + b.sum - b.size * prev.size * gap;
      b = { first: prev.first, size, sum, top: 0 };
      b.top = b.sum / size;
    }
    blocks.push(b);
  });
  const out = new Array<number>(n);
  // Keep inside the bounds: push blocks down from lo, then up from hi. When the labels need more
  // room than [lo, hi] has, they run past hi rather than overlap.
  const tops = blocks.map((b) => b.top);
  let floor = lo;
  for (let i = 0; i < blocks.length; i++) {
    tops[i] = Math.max(tops[i]!, floor);
    floor = tops[i]! + blocks[i]!.size * gap;
  }
  if ((n - 1) * gap <= hi - lo) {
    let ceiling = hi;
    for (let i = blocks.length - 1; i >= 0; i--) {
      const bottom = tops[i]! + (blocks[i]!.size - 1) * gap;
      if (bottom > ceiling) tops[i] = ceiling - (blocks[i]!.size - 1) * gap;
      ceiling = tops[i]! - gap;
    }
  }
  blocks.forEach((b, i) => {
    for (let j = 0; j < b.size; j++) out[order[b.first + j]!] = tops[i]! + j * gap;
  });
  return out;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface LabelRequest {
  /** The point labelled, in pixels. */
  readonly x: number;
  readonly y: number;
  readonly text: string;
  /** Radius of the point's mark, in pixels: the label keeps clear of it. */
  readonly r?: number;
}

export type Anchor = 'start' | 'middle' | 'end';

export interface PlacedLabel {
  /** Where the text is drawn (its anchor point and the baseline's middle), in pixels. */
  readonly x: number;
  readonly y: number;
  readonly anchor: Anchor;
  /** False when every candidate spot overlapped: the label is dropped (the tooltip still has it). */
  readonly shown: boolean;
}

/** Rough text width at `fontSize` px in a system sans-serif: 0.58 em per character. */
export function textWidth(text: string, fontSize = 10): number {
  return text.length * fontSize * 0.58;
}

function boxOf(x: number, y: number, anchor: Anchor, w: number, h: number): Box {
  const left = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
  return { x: left, y: y - h / 2, width: w, height: h };
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * Places point labels (a scatter's names) greedily: each label, in the given order (put the most
 * important first), takes the first of eight spots around its point — above, below, right, left,
 * then the diagonals and further out — whose box overlaps no label placed before, no point and
 * stays inside `bounds`. A label with no free spot is not shown.
 */
export function placeLabels(
  points: readonly LabelRequest[],
  bounds: Box,
  fontSize = 10,
): PlacedLabel[] {
  const h = fontSize + 2;
  const taken: Box[] = points.map((p) => {
    const r = p.r ?? 3;
    return { x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r };
  });
  const inside = (b: Box) =>
    b.x >= bounds.x &&
    b.y >= bounds.y &&
    b.x + b.width <= bounds.x + bounds.width &&
    b.y + b.height <= bounds.y + bounds.height;
  return points.map((p, i) => {
    const r = p.r ?? 3;
    const w = textWidth(p.text, fontSize);
    const d = r + 3;
    const spots: [number, number, Anchor][] = [
      [p.x, p.y - d - h / 2, 'middle'],
      [p.x, p.y + d + h / 2, 'middle'],
      [p.x + d, p.y, 'start'],
      [p.x - d, p.y, 'end'],
      [p.x + d * 0.7, p.y - d * 0.7 - h / 2, 'start'],
      [p.x - d * 0.7, p.y - d * 0.7 - h / 2, 'end'],
      [p.x + d * 0.7, p.y + d * 0.7 + h / 2, 'start'],
      [p.x - d * 0.7, p.y + d * 0.7 + h / 2, 'end'],
    ];
    for (const [x, y, anchor] of spots) {
      const b = boxOf(x, y, anchor, w, h);
      if (!inside(b)) continue;
      if (taken.some((t, k) => k !== i && overlaps(t, b))) continue;
      taken.push(b);
      return { x, y, anchor, shown: true };
    }
    return { x: p.x, y: p.y - d - h / 2, anchor: 'middle' as const, shown: false };
  });
}
