/**
 * The raw features of the `logistic` forecaster, one vector per (candidate, side) pair, and their
 * standardisation on the fitting data. A feature whose data can be absent returns NaN there; it is
 * paired with a `…Missing` indicator feature, and after standardisation (mean and SD over the
 * rows where it is observed) its value is 0 where missing — so the indicator's coefficient alone
 * carries what a missing value means. Nothing is imputed.
 */
import type { Provision, WarJoinRow } from '../../formats/warjoin.ts';
import { type Side, TIE_STRENGTH, prevailWithout, proximity } from './terms.ts';

export interface FeatureSpec {
  readonly name: string;
  readonly meaning: string;
  /** NaN when the input is missing (then a `…Missing` feature exists). */
  readonly value: (row: WarJoinRow, s: Side) => number;
}

const tieIs = (p: Provision, side: 'S' | 'O'): FeatureSpec => ({
  name: `ally${side}_${p}`,
  meaning: `1 if the strongest ATOP provision (year − 1) with side ${side === 'S' ? 's' : 'o'}'s original belligerents is ${p}`,
  value: (row, s) => (row.allyPrev[side === 'S' ? s : 1 - s] === p ? 1 : 0),
});

const missing = (name: string, of: (row: WarJoinRow, s: Side) => number): FeatureSpec => ({
  name: `${name}Missing`,
  meaning: `1 if ${name} is missing`,
  value: (row, s) => (Number.isNaN(of(row, s)) ? 1 : 0),
});

const tradeS = (row: WarJoinRow, s: Side) => row.tradeSharePrev[s];
const tradeO = (row: WarJoinRow, s: Side) => row.tradeSharePrev[1 - s]!;
const cinc = (row: WarJoinRow) => row.cinc;
const polyarchy = (row: WarJoinRow) => row.polyarchyPrev;

/**
 * Every feature, in order. ATOP ties enter as one indicator per provision type and side (`none`
 * is the reference); `offense` has 5 pairs in the training file, so it is pooled with `defense`
 * (both oblige the ally to fight).
 */
export const FEATURES: readonly FeatureSpec[] = [
  {
    name: 'allyS_defense',
    meaning: '1 if the strongest ATOP provision (year − 1) with side s is defense or offense',
    value: (row, s) => (row.allyPrev[s] === 'defense' || row.allyPrev[s] === 'offense' ? 1 : 0),
  },
  tieIs('neutral', 'S'),
  tieIs('nonagg', 'S'),
  tieIs('consul', 'S'),
  {
    name: 'allyO_defense',
    meaning: '1 if the strongest ATOP provision (year − 1) with side o is defense or offense',
    value: (row, s) =>
      row.allyPrev[1 - s] === 'defense' || row.allyPrev[1 - s] === 'offense' ? 1 : 0,
  },
  tieIs('neutral', 'O'),
  tieIs('nonagg', 'O'),
  tieIs('consul', 'O'),
  {
    name: 'allyS',
    meaning:
      'tie strength with side s, ordinal (terms.ts TIE_STRENGTH: defense/offense 1 … none 0)',
    value: (row, s) => TIE_STRENGTH[row.allyPrev[s]],
  },
  {
    name: 'allyO',
    meaning: 'tie strength with side o, ordinal (as allyS)',
    value: (row, s) => TIE_STRENGTH[row.allyPrev[1 - s]!],
  },
  {
    name: 'contigS',
    meaning: 'proximity to side s (land 1, ≤12 mi ¾, ≤24 mi ½, ≤150 mi ¼, else 0)',
    value: (row, s) => proximity(row.contig[s]),
  },
  {
    name: 'contigO',
    meaning: 'proximity to side o (as contigS)',
    value: (row, s) => proximity(row.contig[1 - s]!),
  },
  {
    name: 'majorPower',
    meaning: '1 for a COW major power',
    value: (row) => (row.majorPower ? 1 : 0),
  },
  { name: 'cinc', meaning: "candidate's CINC (war year)", value: cinc },
  missing('cinc', cinc),
  {
    name: 'capShareS',
    meaning: "side s's capability share cinc_s / (cinc_s + cinc_o) (½ when both are 0 or missing)",
    value: prevailWithout,
  },
  { name: 'tradeS', meaning: 'trade share with side s (year − 1)', value: tradeS },
  missing('tradeS', tradeS),
  { name: 'tradeO', meaning: 'trade share with side o (year − 1)', value: tradeO },
  missing('tradeO', tradeO),
  { name: 'polyarchy', meaning: 'V-Dem polyarchy (year − 1)', value: polyarchy },
  missing('polyarchy', polyarchy),
];

const BY_NAME = new Map(FEATURES.map((f) => [f.name, f]));

export function featureSpec(name: string): FeatureSpec | undefined {
  return BY_NAME.get(name);
}

/** Raw feature matrix of the pairs (row 2r + s), NaN where missing. */
export function rawFeatures(rows: readonly WarJoinRow[], names: readonly string[]): Float64Array {
  const specs = names.map((n) => {
    const f = BY_NAME.get(n);
    if (!f) throw new RangeError(`unknown feature ${n}`);
    return f;
  });
  const p = specs.length;
  const x = new Float64Array(rows.length * 2 * p);
  rows.forEach((row, r) => {
    for (const s of [0, 1] as const) {
      specs.forEach((f, k) => (x[(r * 2 + s) * p + k] = f.value(row, s)));
    }
  });
  return x;
}

export interface Standardisation {
  readonly means: Float64Array;
  readonly sds: Float64Array;
}

/**
 * Means and SDs (population) of each column over the rows where it is observed. A constant column
 * (or one never observed) gets mean 0 / SD 1 so it standardises to a constant and, penalised,
 * its coefficient stays 0.
 */
export function standardisation(x: Float64Array, p: number): Standardisation {
  const n = x.length / p;
  const means = new Float64Array(p);
  const sds = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let s = 0;
    let c = 0;
    for (let i = 0; i < n; i++) {
      const v = x[i * p + j]!;
      if (!Number.isNaN(v)) {
        s += v;
        c++;
      }
    }
    const m = c ? s / c : 0;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const v = x[i * p + j]!;
      if (!Number.isNaN(v)) ss += (v - m) * (v - m);
    }
    const sd = c ? Math.sqrt(ss / c) : 0;
    means[j] = sd > 1e-12 ? m : 0;
    sds[j] = sd > 1e-12 ? sd : 1;
  }
  return { means, sds };
}

/** (x − mean) / sd per column; 0 where x is missing (its indicator carries the missing rows). */
export function standardise(x: Float64Array, p: number, st: Standardisation): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const j = i % p;
    const v = x[i]!;
    out[i] = Number.isNaN(v) ? 0 : (v - st.means[j]!) / st.sds[j]!;
  }
  return out;
}
