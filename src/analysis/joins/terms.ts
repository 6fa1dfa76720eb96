/**
 * The terms of the commitment model applied to joining a war (docs/backtest-joins.md). A candidate
 * i facing a war between side s and side o (the other) chooses one of {stay out, join side 1,
 * join side 2}; the utility of joining side s is U_s = Σ_k w_k · term_k(i, s), and staying out has
 * U = 0. Each term is a named, pure function of the candidate's pre-war data; the weights w_k are
 * fitted (structural.ts). Fixed mappings (tie strength, proximity) are documented here, not fitted.
 *
 * Missing data: a term whose input is missing is 0 and its `…Missing` indicator term is 1, so the
 * indicator's own weight carries what a missing value means; nothing is imputed.
 */
import type { Provision, WarJoinRow } from '../../formats/warjoin.ts';

/**
 * Strength of an ATOP provision as an alliance tie (fixed, not fitted): a defense or offense pact
 * obliges the ally to fight (1); neutrality and non-aggression pacts promise to stay out of a war
 * against the partner (½); consultation (ATOP's counterpart of COW's "entente") obliges only to
 * talk (¼); no tie 0. Leeds 2003 (IO 57(4): 801–827) shows that allies honour these obligations
 * mostly as written.
 */
export const TIE_STRENGTH: Readonly<Record<Provision, number>> = {
  defense: 1,
  offense: 1,
  neutral: 0.5,
  nonagg: 0.5,
  consul: 0.25,
  none: 0,
};

/**
 * Proximity from the COW direct-contiguity code (fixed, not fitted): land border 1, ≤12 miles of
 * water 0.75, ≤24 miles 0.5, ≤150 miles 0.25, farther (code 5, ≤400 miles) or none 0. Opportunity
 * falls with distance (Siverson & Starr 1991, *The Diffusion of War*).
 */
export function proximity(contigCode: number): number {
  return contigCode === 1
    ? 1
    : contigCode === 2
      ? 0.75
      : contigCode === 3
        ? 0.5
        : contigCode === 4
          ? 0.25
          : 0;
}

/** Side index 0 (COW side 1) or 1 (COW side 2). */
export type Side = 0 | 1;

/**
 * The side's chance to prevail without the candidate, P_s = cinc_s / (cinc_s + cinc_o); ½ when
 * both sides' capabilities are missing or zero (no information).
 */
export function prevailWithout(row: WarJoinRow, s: Side): number {
  const a = row.cincSide[s];
  const b = row.cincSide[1 - s]!;
  const sa = Number.isNaN(a) ? 0 : a;
  const sb = Number.isNaN(b) ? 0 : b;
  return sa + sb > 0 ? sa / (sa + sb) : 0.5;
}

/**
 * The side's chance to prevail with the candidate on it, P_s^{+i} = (cinc_s + cinc_i) /
 * (cinc_s + cinc_o + cinc_i) (capabilities add; Altfeld & Bueno de Mesquita 1979). NaN when the
 * candidate's CINC is missing.
 */
export function prevailWith(row: WarJoinRow, s: Side): number {
  if (Number.isNaN(row.cinc)) return NaN;
  const a = Number.isNaN(row.cincSide[s]) ? 0 : row.cincSide[s];
  const b = Number.isNaN(row.cincSide[1 - s]!) ? 0 : row.cincSide[1 - s]!;
  const total = a + b + row.cinc;
  return total > 0 ? (a + row.cinc) / total : 0.5;
}

/** Security stake S_s = tie(s) − tie(o): positive when the candidate is allied with s rather than o. */
export function securityStake(row: WarJoinRow, s: Side): number {
  return TIE_STRENGTH[row.allyPrev[s]] - TIE_STRENGTH[row.allyPrev[1 - s]!];
}

export interface TermSpec {
  readonly name: string;
  /** What the term measures, its unit and its source (shown in reports). */
  readonly meaning: string;
  /** How the term is computed when its data are absent. */
  readonly missing: string;
  readonly value: (row: WarJoinRow, s: Side) => number;
  /** The weight is not penalised (the intercept). */
  readonly unpenalised?: boolean;
}

/**
 * Every term the commitment model knows, in a fixed order. A fitted parameter file lists the ones
 * it uses (`commitment.terms`); the others are not part of that model.
 */
export const TERMS: readonly TermSpec[] = [
  {
    name: 'cost',
    meaning:
      'intercept: the cost of entering a war, common to both sides (1 for every join option); expected negative',
    missing: 'never missing',
    value: () => 1,
    unpenalised: true,
  },
  {
    name: 'security',
    meaning:
      'alliance dependence / fear of abandonment (Snyder 1984; Leeds 2003): S_s = tie(s) − tie(o), ties from ally_s*_prev (defense/offense 1, neutral/nonagg ½, consul ¼, none 0), in [−1, 1]',
    missing: 'never missing (no ATOP tie is "none")',
    value: securityStake,
  },
  {
    name: 'prevail',
    meaning:
      'bandwagoning: P_s^{+i} − ½, the chance side s prevails with the candidate on it (CINC shares) minus a coin flip, in [−½, ½]',
    missing: "candidate's CINC missing → 0 (and capabilityMissing = 1)",
    value: (row, s) => {
      const p = prevailWith(row, s);
      return Number.isNaN(p) ? 0 : p - 0.5;
    },
  },
  {
    name: 'influence',
    meaning:
      'expected utility of choosing sides (Altfeld & Bueno de Mesquita 1979, ISQ 23(1): 87–112): S_s × (P_s^{+i} − P_s), what the candidate adds to its friends’ chance of winning',
    missing: "candidate's CINC missing → 0 (and capabilityMissing = 1)",
    value: (row, s) => {
      const p = prevailWith(row, s);
      return Number.isNaN(p) ? 0 : securityStake(row, s) * (p - prevailWithout(row, s));
    },
  },
  {
    name: 'capabilityMissing',
    meaning: "1 when the candidate's CINC is missing (prevail and influence are then 0)",
    missing: 'is the indicator',
    value: (row) => (Number.isNaN(row.cinc) ? 1 : 0),
  },
  {
    name: 'coercion',
    meaning:
      "cost of coercion / lost trade: trade_share_o_prev, the share of the candidate's trade (year − 1) with the side it would fight, 0–1",
    missing: 'trade share with o missing → 0 (and coercionMissing = 1)',
    value: (row, s) => {
      const v = row.tradeSharePrev[1 - s]!;
      return Number.isNaN(v) ? 0 : v;
    },
  },
  {
    name: 'coercionMissing',
    meaning: "1 when the candidate's trade share with side o is missing",
    missing: 'is the indicator',
    value: (row, s) => (Number.isNaN(row.tradeSharePrev[1 - s]!) ? 1 : 0),
  },
  {
    name: 'threat',
    meaning:
      'local threat / opportunity, the enemy next door (Siverson & Starr 1991): proximity to side o from contig_o (land 1, ≤12 mi ¾, ≤24 mi ½, ≤150 mi ¼, else 0)',
    missing: 'never missing (no contiguity is 0)',
    value: (row, s) => proximity(row.contig[1 - s]!),
  },
  {
    name: 'proximity',
    meaning: 'opportunity to fight beside side s: proximity to side s from contig_s (as threat)',
    missing: 'never missing (no contiguity is 0)',
    value: (row, s) => proximity(row.contig[s]),
  },
  {
    name: 'reach',
    meaning: 'global reach: 1 for a COW major power, common to both sides',
    missing: 'never missing',
    value: (row) => (row.majorPower ? 1 : 0),
  },
  {
    name: 'domestic',
    meaning:
      'two-level game (Putnam 1988, IO 42(3): 427–460): dependence of the government on its public, V-Dem polyarchy (year − 1), 0–1, common to both sides',
    missing: 'polyarchy missing → 0 (and domesticMissing = 1)',
    value: (row) => (Number.isNaN(row.polyarchyPrev) ? 0 : row.polyarchyPrev),
  },
  {
    name: 'domesticMissing',
    meaning: "1 when the candidate's polyarchy score is missing",
    missing: 'is the indicator',
    value: (row) => (Number.isNaN(row.polyarchyPrev) ? 1 : 0),
  },
  {
    name: 'defend',
    meaning:
      "1 when side s is the target (its original belligerents do not include COW's initiator): defensive obligations bind when the ally is attacked (Leeds 2003)",
    missing: 'init_side 0 (both or neither) → 0',
    value: (row, s) => (row.initSide !== 0 && row.initSide !== s + 1 ? 1 : 0),
  },
];

const BY_NAME = new Map(TERMS.map((t) => [t.name, t]));

/** The spec of a term by name, or undefined. */
export function termSpec(name: string): TermSpec | undefined {
  return BY_NAME.get(name);
}

/**
 * The term matrix of the rows for the named terms: for row r and side s, the values sit at
 * `((r · 2) + s) · d + k` (d = number of terms).
 */
export function termMatrix(rows: readonly WarJoinRow[], names: readonly string[]): Float64Array {
  const specs = names.map((n) => {
    const t = BY_NAME.get(n);
    if (!t) throw new RangeError(`unknown term ${n}`);
    return t;
  });
  const d = specs.length;
  const x = new Float64Array(rows.length * 2 * d);
  rows.forEach((row, r) => {
    for (const s of [0, 1] as const) {
      const at = (r * 2 + s) * d;
      specs.forEach((t, k) => (x[at + k] = t.value(row, s)));
    }
  });
  return x;
}
