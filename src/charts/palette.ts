/**
 * The charts' colours. Actors get a fixed categorical scheme of 16 colours, assigned by the
 * actor's place in the scenario, so an actor has the same colour in every chart (trajectories,
 * the issue plane, the pressure network, actor positions) and charts follow the tables' order.
 * The colours are dark enough for coloured end-of-line labels on white (contrast ≥ 2.9:1 for the
 * first 13, ≥ 2.5:1 for all; the labels also get a white halo), the first 13 (the KTAB SOE
 * built-in's actors) at least ΔE 20 (CIELAB) apart, and ordered so neighbours in the list differ
 * in hue and lightness (`readable.test.ts` checks both). Beyond 16 actors the colours repeat with a dashed line (`actorDash`).
 */
export const ACTOR_COLORS = [
  '#1f77b4', // blue
  '#d95f02', // dark orange
  '#1b9e77', // teal green
  '#d62728', // red
  '#7570b3', // slate purple
  '#8c564b', // brown
  '#e7298a', // magenta
  '#66a61e', // grass green
  '#b8860b', // mustard
  '#0e7c86', // dark cyan
  '#1a237e', // navy
  '#9c27b0', // violet
  '#5f6b6d', // slate grey
  '#b71c1c', // maroon
  '#2e7d32', // forest green
  '#ff6f61', // coral
] as const;

/** Models' colours (forecast chart, plane): Okabe & Ito (2008), colour-blind safe. */
export const MODEL_COLORS = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#000000',
] as const;

/** Fixed meanings shared by every chart. */
export const COLORS = {
  threshold: '#c00',
  statusQuo: '#777',
  forecast: '#000',
  low: '#56B4E9',
  high: '#E69F00',
  above: '#D55E00',
  below: '#0072B2',
  bar: '#3b6ea5',
  grid: '#eee',
} as const;

export interface Actor {
  readonly id: string;
  readonly name: string;
}

/**
 * The actors' labels and colours in scenario order. Labels are the names, made unique by the id
 * when two actors share a name, because Plot keys its colour scale by the label it shows.
 */
export interface ActorPalette {
  /** Labels in scenario order (the colour scale's domain). */
  readonly labels: readonly string[];
  /** Colours in the same order (the colour scale's range). */
  readonly colors: readonly string[];
  label(id: string): string;
  color(id: string): string;
  /** Index in scenario order (−1 when unknown). */
  index(id: string): number;
  /** A dash pattern for actors past the 16th, so repeated colours stay apart; `undefined` else. */
  dash(id: string): string | undefined;
}

export function actorPalette(actors: readonly Actor[]): ActorPalette {
  const count = new Map<string, number>();
  for (const a of actors) count.set(a.name, (count.get(a.name) ?? 0) + 1);
  const labels = actors.map((a) => (count.get(a.name)! > 1 ? `${a.name} (${a.id})` : a.name));
  const colors = actors.map((_, i) => ACTOR_COLORS[i % ACTOR_COLORS.length]!);
  const at = new Map(actors.map((a, i) => [a.id, i]));
  return {
    labels,
    colors,
    index: (id) => at.get(id) ?? -1,
    label: (id) => {
      const i = at.get(id);
      return i === undefined ? id : labels[i]!;
    },
    color: (id) => {
      const i = at.get(id);
      return i === undefined ? '#999' : colors[i]!;
    },
    dash: (id) => {
      const i = at.get(id) ?? 0;
      return i >= ACTOR_COLORS.length ? '5 3' : undefined;
    },
  };
}

export function modelColor(i: number): string {
  return MODEL_COLORS[i % MODEL_COLORS.length]!;
}
