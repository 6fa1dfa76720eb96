import { describe, expect, it } from 'vitest';
import { placeLabels, spreadLabels, textWidth } from './labels.ts';
import { ACTOR_COLORS, actorPalette } from './palette.ts';

describe('spreadLabels(wanted, gap, lo, hi)', () => {
  it('leaves labels that are already apart where they are', () => {
    expect(spreadLabels([10, 40, 25], 12)).toEqual([10, 40, 25]);
  });

  it('moves a pile of labels apart by the gap, centred on where they wanted to be, keeping order', () => {
    const out = spreadLabels([50, 50, 50], 12);
    expect(out).toEqual([38, 50, 62]);
    const two = spreadLabels([50, 52], 12);
    expect(two[0]).toBeCloseTo(45);
    expect(two[1]).toBeCloseTo(57);
  });

  it('merges blocks that collide after spreading', () => {
    const out = spreadLabels([0, 0, 20, 20], 12, -Infinity, Infinity);
    const sorted = [...out].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeCloseTo(12);
    // The block keeps the mean of the wanted positions.
    expect(out.reduce((a, b) => a + b, 0) / 4).toBeCloseTo(10);
  });

  it('keeps labels inside [lo, hi] when they fit, and runs past hi rather than overlap when not', () => {
    const inside = spreadLabels([0, 1, 2], 10, 0, 100);
    expect(Math.min(...inside)).toBeGreaterThanOrEqual(0);
    expect(spreadLabels([100, 99], 10, 0, 100).every((y) => y <= 100)).toBe(true);
    const tight = spreadLabels([5, 5, 5, 5], 10, 0, 20);
    const s = [...tight].sort((a, b) => a - b);
    expect(s[0]).toBe(0);
    for (let i = 1; i < s.length; i++) expect(s[i]! - s[i - 1]!).toBeCloseTo(10);
  });

  it('keeps every pair of 40 random labels at least the gap apart', () => {
    let x = 7;
    const wanted = Array.from({ length: 40 }, () => (x = (x * 48271) % 2147483647) % 300);
    const out = spreadLabels(wanted, 12, 0, 600).sort((a, b) => a - b);
    for (let i = 1; i < out.length; i++)
      expect(out[i]! - out[i - 1]!).toBeGreaterThanOrEqual(11.999);
  });
});

describe('placeLabels(points, bounds)', () => {
  it('puts a lone label above its point', () => {
    const [p] = placeLabels([{ x: 100, y: 100, text: 'A', r: 3 }], {
      x: 0,
      y: 0,
      width: 200,
      height: 200,
    });
    expect(p).toMatchObject({ x: 100, anchor: 'middle', shown: true });
    expect(p!.y).toBeLessThan(100);
  });

  it('gives two labels of the same point different spots that do not overlap', () => {
    const bounds = { x: 0, y: 0, width: 400, height: 400 };
    const [a, b] = placeLabels(
      [
        { x: 200, y: 200, text: 'Alpha', r: 3 },
        { x: 200, y: 200, text: 'Beta', r: 3 },
      ],
      bounds,
    );
    expect(a!.shown && b!.shown).toBe(true);
    expect([a!.x, a!.y]).not.toEqual([b!.x, b!.y]);
  });

  it('drops a label with no free spot instead of piling it up', () => {
    const bounds = { x: 0, y: 0, width: 30, height: 30 };
    const out = placeLabels(
      [
        { x: 15, y: 15, text: 'a long name', r: 3 },
        { x: 15, y: 15, text: 'another long name', r: 3 },
      ],
      bounds,
    );
    expect(out.filter((p) => p.shown).length).toBeLessThan(2);
    expect(textWidth('abcd', 10)).toBeCloseTo(23.2);
  });
});

describe('actorPalette(actors)', () => {
  it('colours actors by their order, the same way whatever the chart, with 16 distinct colours', () => {
    const actors = Array.from({ length: 18 }, (_, i) => ({ id: `a${i}`, name: `Actor ${i}` }));
    const p = actorPalette(actors);
    expect(p.color('a0')).toBe(ACTOR_COLORS[0]);
    expect(p.color('a15')).toBe(ACTOR_COLORS[15]);
    expect(new Set(actors.slice(0, 16).map((a) => p.color(a.id))).size).toBe(16);
    // Past 16 the colours repeat, told apart by a dash.
    expect(p.color('a16')).toBe(ACTOR_COLORS[0]);
    expect(p.dash('a16')).toBeDefined();
    expect(p.dash('a3')).toBeUndefined();
  });

  it('makes labels unique when two actors share a name', () => {
    const p = actorPalette([
      { id: 'x', name: 'Same' },
      { id: 'y', name: 'Same' },
      { id: 'z', name: 'Other' },
    ]);
    expect(p.labels).toEqual(['Same (x)', 'Same (y)', 'Other']);
  });
});
