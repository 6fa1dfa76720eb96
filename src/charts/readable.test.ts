import { describe, expect, it } from 'vitest';
import { actorPositionsChart } from './actors.ts';
import { forecastChart } from './forecast.ts';
import { filterPressures, networkChart, type Pressure } from './network.ts';
import { ACTOR_COLORS, actorPalette, modelColor } from './palette.ts';
import { planeChart, type PlaneIssue, shortModelName } from './plane.ts';
import { ACTOR_ATTR, actorTags } from './spec.ts';
import { type Trajectory, trajectoriesChart } from './trajectories.ts';

/** The data of a spec's marks (Plot keeps each mark's data on the mark). */
const marksOf = (spec: { options: { marks?: unknown } }) =>
  (spec.options.marks as { data?: unknown; textAnchor?: string; channels?: object }[]) ?? [];

// sRGB → CIELAB (D65), for colour differences as the eye sees them (CIE76 ΔE).
function lab(hex: string): [number, number, number] {
  const lin = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  const [r, g, b] = lin as [number, number, number];
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const x = f((r * 0.4124 + g * 0.3576 + b * 0.1805) / 0.95047);
  const y = f(r * 0.2126 + g * 0.7152 + b * 0.0722);
  const z = f((r * 0.0193 + g * 0.1192 + b * 0.9505) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}
function contrastOnWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

const thirteen = Array.from({ length: 13 }, (_, i) => ({ id: `a${i}`, name: `Actor ${i}` }));

describe('the actor palette separates 13 actors (the KTAB SOE built-in)', () => {
  it('keeps every pair of the first 13 colours at least ΔE 20 apart', () => {
    const colours = actorPalette(thirteen).colors;
    expect(new Set(colours).size).toBe(13);
    let min = Infinity;
    for (let i = 0; i < 13; i++)
      for (let j = i + 1; j < 13; j++) {
        const [a, b] = [lab(colours[i]!), lab(colours[j]!)];
        min = Math.min(min, Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]));
      }
    expect(min).toBeGreaterThanOrEqual(20);
  });

  it('draws the colours dark enough for a coloured label on white (13 first ≥ 2.9:1, all ≥ 2.5:1)', () => {
    ACTOR_COLORS.forEach((c, i) =>
      expect(contrastOnWhite(c)).toBeGreaterThanOrEqual(i < 13 ? 2.9 : 2.5),
    );
  });
});

describe('filterPressures(all, filter): the network filter', () => {
  const all: Pressure[] = [
    { from: 'a', to: 'b', type: 'compromise', shift: 2, taken: false },
    { from: 'b', to: 'c', type: 'confrontation', shift: 9, taken: true },
    { from: 'c', to: 'a', type: 'capitulation', shift: 5, taken: false },
    { from: 'd', to: 'c', type: 'confrontation', shift: 7, taken: false },
  ];

  it('keeps only offers asking at least the threshold, strongest first whatever the input order', () => {
    expect(filterPressures(all).map((p) => p.shift)).toEqual([9, 7, 5, 2]);
    expect(filterPressures(all, { minShift: 5 }).map((p) => p.shift)).toEqual([9, 7, 5]);
    expect(filterPressures(all, { minShift: 9.5 })).toEqual([]);
  });

  it('keeps only the offers touching the chosen actor, either way', () => {
    const c = filterPressures(all, { actor: 'a' });
    expect(c.every((p) => p.from === 'a' || p.to === 'a')).toBe(true);
    expect(c.length).toBe(2);
    expect(filterPressures(all, { actor: 'a', minShift: 3 }).map((p) => p.to)).toEqual(['a']);
  });

  it('draws one arrow per kept offer and keeps each actor in its place on the circle', () => {
    const actors = ['a', 'b', 'c', 'd'].map((id) => ({ id, name: id.toUpperCase() }));
    const arrows = (f: object) =>
      marksOf(networkChart(all, actors, 'X', f))
        .filter((m) => m.channels && 'x1' in m.channels && 'x2' in m.channels)
        .reduce((n, m) => n + (m.data as unknown[]).length, 0);
    expect(arrows({})).toBe(4);
    expect(arrows({ minShift: 6 })).toBe(2);
    expect(arrows({ actor: 'd' })).toBe(1);
    const nodes = (f: object) =>
      (
        marksOf(networkChart(all, actors, 'X', f)).find(
          (m) => Array.isArray(m.data) && (m.data[0] as { label?: string })?.label === 'A',
        )!.data as { id: string; x: number; y: number }[]
      ).map((n) => `${n.id}@${n.x.toFixed(3)},${n.y.toFixed(3)}`);
    expect(nodes({ actor: 'd' })).toEqual(nodes({}));
  });
});

describe('charts in the tables’ order', () => {
  const issue = (
    id: string,
    forecasts: Record<string, number>,
  ): PlaneIssue & {
    referencePoint: null;
    threshold: null;
  } => ({
    id,
    name: id,
    scale: { min: 0, max: 100 },
    forecasts,
    referencePoint: null,
    threshold: null,
    actors: thirteen.map((a, i) => ({ id: a.id, capability: 1, position: 7 * i, salience: 50 })),
  });
  const names = new Map([
    ['compromise', 'Weighted mean (compromise model)'],
    ['eum', 'Expected utility model (Bueno de Mesquita)'],
    ['smp', 'Spatial model of politics (KTAB SMP)'],
  ]);

  it('lists the models top to bottom as the forecast table does, at any width', () => {
    const ix = issue('x', { smp: 40, compromise: 50, eum: 60 });
    for (const width of [390, 1440]) {
      const spec = forecastChart(ix, null, names, { width });
      const y = spec.options.y as { domain: string[] };
      expect(y.domain).toEqual(['smp', 'compromise', 'eum'].map((m) => names.get(m)));
    }
  });

  it('colours each model’s cross on the plane as its dot in the forecast chart', () => {
    // eum has no forecast on y: the plane skips it, but smp keeps its colour (third in the table).
    const ix = issue('x', { compromise: 50, eum: 60, smp: 40 });
    const iy = issue('y', { compromise: 45, smp: 42 });
    const crosses = marksOf(planeChart(ix, iy, thirteen, names)).filter(
      (m) => (m.data as { color?: string }[] | undefined)?.[0]?.color !== undefined,
    );
    const colours = crosses.map((m) => (m.data as { name: string; color: string }[])[0]!);
    expect(colours).toEqual([
      expect.objectContaining({ name: names.get('compromise'), color: modelColor(0) }),
      expect.objectContaining({ name: names.get('smp'), color: modelColor(2) }),
    ]);
  });

  it('puts actors in the table’s rows order on the positions chart', () => {
    const rows = [...thirteen].reverse().map((a, i) => ({
      id: a.id,
      name: a.name,
      capability: 1,
      position: i,
      positionRange: [i, i] as const,
      salience: 50,
    }));
    const spec = actorPositionsChart(issue('x', {}), rows, thirteen);
    expect((spec.options.y as { domain: string[] }).domain).toEqual(rows.map((r) => r.name));
  });

  it('shortens a model’s name for a label to the part before the parenthesis', () => {
    expect(shortModelName('Expected utility model (Bueno de Mesquita)')).toBe(
      'Expected utility model',
    );
    expect(shortModelName('Weighted median')).toBe('Weighted median');
  });
});

describe('phone layouts (390 px)', () => {
  const t: Trajectory = {
    model: 'smp',
    issueId: 'x',
    rounds: 10,
    series: thirteen.map((a, i) => ({
      actorId: a.id,
      values: Array.from({ length: 11 }, (_, r) => 20 + (r === 10 ? i * 0.3 : i)),
    })),
    forecast: null,
  };
  const long = thirteen.map((a) => ({ ...a, name: `${a.name} of the very long ministry` }));

  it('keeps the end labels 14 px apart (their 13 px line boxes never touch) and inside the right margin at 390 and 1440 px', () => {
    for (const width of [390, 1440]) {
      const spec = trajectoriesChart(t, long, { min: 0, max: 100 }, 'SMP', { width });
      const o = spec.options as { height: number; marginTop: number; marginBottom: number };
      const labels = marksOf(spec).find((m) => m.textAnchor === 'start')!.data as {
        at: number;
        short: string;
      }[];
      expect(labels.length).toBe(13);
      const px = labels
        .map((l) => o.marginTop + ((100 - l.at) / 100) * (o.height - o.marginTop - o.marginBottom))
        .sort((a, b) => a - b);
      for (let i = 1; i < px.length; i++) expect(px[i]! - px[i - 1]!).toBeGreaterThan(13.99);
      const marginRight = (spec.options as { marginRight: number }).marginRight;
      for (const l of labels) expect(8 + l.short.length * 6.2).toBeLessThanOrEqual(marginRight);
    }
  });

  it('draws the trajectories taller with fewer ticks on a phone', () => {
    const wide = trajectoriesChart(t, thirteen, { min: 0, max: 100 }, 'SMP', { width: 1000 });
    const narrow = trajectoriesChart(t, thirteen, { min: 0, max: 100 }, 'SMP', { width: 372 });
    expect(narrow.options.height!).toBeGreaterThan(wide.options.height!);
    expect((narrow.options.x as { ticks?: number }).ticks).toBeLessThanOrEqual(5);
  });

  it('puts the model names inside the forecast chart on a phone instead of a cramped axis', () => {
    const ix = {
      name: 'x',
      scale: { min: 0, max: 100 },
      referencePoint: null,
      threshold: null,
      forecasts: { eum: 30, smp: 60 },
    };
    const names = new Map([['eum', 'Expected utility model (Bueno de Mesquita)']]);
    const narrow = forecastChart(ix, null, names, { width: 372 });
    expect((narrow.options.y as { axis?: null }).axis).toBeNull();
    expect(narrow.options.marginLeft).toBeLessThan(40);
    const wide = forecastChart(ix, null, names, { width: 1000 });
    expect((wide.options.y as { axis?: null }).axis).toBeUndefined();
  });
});

describe('actorTags(data, actorsOf, ctx): marks that know their actors', () => {
  const data = [{ id: 'x' }, { id: 'y' }, { id: 'z' }];
  const element = (bound: unknown) => {
    const attrs = new Map<string, string>();
    return {
      __data__: bound,
      children: [],
      attrs,
      setAttribute: (k: string, v: string) => attrs.set(k, v),
    };
  };

  it('adds nothing to a report’s chart (no scripts there)', () => {
    expect(actorTags(data, (d) => [d.id], { interactive: false })).toEqual({});
  });

  it('tags each drawn element with its datum’s actors; a line with its series’ first datum', () => {
    const { render } = actorTags(data, (d) => (d.id === 'z' ? [] : [d.id, 'w']), {
      interactive: true,
    });
    const kids = [element(1), element([0, 2]), element(2), element(undefined)];
    const g = { children: kids };
    const out = (render as unknown as (...a: unknown[]) => unknown)(
      [0, 1, 2],
      {},
      {},
      {},
      {},
      () => g,
    );
    expect(out).toBe(g);
    expect(kids.map((k) => k.attrs.get(ACTOR_ATTR))).toEqual(['y w', 'x w', undefined, undefined]);
  });
});
